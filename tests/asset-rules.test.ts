import fc from 'fast-check';
import {
  addMonths,
  checkAsset,
  deriveAssetId,
  isValidWebsite,
  needsChecking,
  normaliseAsset,
} from '../lib/asset-rules';
import type { Asset } from '../lib/types';

const good: Asset = {
  id: 'lunch-club',
  name: 'Lunch club',
  categories: ['loneliness'],
  phone: '01234 567890',
  status: 'active',
};

describe('checkAsset', () => {
  it('accepts a minimal valid asset', () => {
    expect(checkAsset(good)).toEqual([]);
  });

  it.each<[string, Partial<Asset>, string, RegExp]>([
    ['no name', { name: '' }, 'name', /^name is missing$/],
    ['blank name', { name: '   ' }, 'name', /name is missing/],
    ['no categories', { categories: [] }, 'categories', /no category/],
    ['unknown category', { categories: ['knitting'] }, 'categories', /category "knitting" is not a known category/],
    ['no contact route', { phone: undefined }, 'phone', /no contact route/],
    ['bad email', { email: 'bob@' }, 'email', /^email "bob@" is not a valid email address$/],
    ['email with a space', { email: 'bob smith@example.org' }, 'email', /not a valid email/],
    ['min > max', { minAge: 30, maxAge: 18 }, 'minAge', /min age 30 is greater than max age 18/],
    ['negative age', { minAge: -1 }, 'minAge', /min age -1 cannot be negative/],
    ['negative wait', { waitingWeeks: -2 }, 'waitingWeeks', /waiting weeks -2 cannot be negative/],
    ['NaN wait', { waitingWeeks: Number.NaN }, 'waitingWeeks', /is not a number/],
    ['text age', { maxAge: 'ten' as unknown as number }, 'maxAge', /max age "ten" is not a number/],
    ['unknown cost', { cost: 'cheap' as Asset['cost'] }, 'cost', /cost "cheap" must be one of free, low, paid/],
    ['unknown referral', { referral: 'gp' as Asset['referral'] }, 'referral', /referral "gp" must be one of/],
    ['unknown delivery', { delivery: ['post'] as unknown as Asset['delivery'] }, 'delivery', /delivery "post"/],
    ['unknown status', { status: 'closed' as Asset['status'] }, 'status', /status "closed"/],
    ['non-ISO date', { lastVerified: '03/02/2025' }, 'lastVerified', /not a real date in the form YYYY-MM-DD/],
    ['impossible date', { lastVerified: '2025-02-30' }, 'lastVerified', /not a real date/],
    ['javascript: website', { website: 'javascript:alert(1)' }, 'website', /not a valid web address/],
    ['number as name', { name: 42 as unknown as string }, 'name', /name must be text/],
  ])('rejects %s', (_label, change, field, message) => {
    const issues = checkAsset({ ...good, ...change });
    const hit = issues.find((i) => i.field === field && message.test(i.message));
    expect(hit, JSON.stringify(issues)).toBeDefined();
  });

  it.each<[string, Partial<Asset>]>([
    ['email only', { phone: undefined, email: 'hello@example.org.uk' }],
    ['website only', { phone: undefined, website: 'www.example.org' }],
    ['address only', { phone: undefined, address: '1 High Street' }],
    ['uncategorised feed service', { categories: ['uncategorised'], source: 'https://feed.example.org' }],
    ['equal ages', { minAge: 18, maxAge: 18 }],
    ['zero wait', { waitingWeeks: 0 }],
    ['leap day', { lastVerified: '2024-02-29' }],
    ['all enums', { cost: 'low', referral: 'link_worker', delivery: ['in_person', 'online'], status: 'inactive' }],
  ])('accepts %s', (_label, change) => {
    expect(checkAsset({ ...good, ...change })).toEqual([]);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(Array.isArray(checkAsset(value as Partial<Asset>))).toBe(true);
      }),
    );
  });
});

describe('deriveAssetId', () => {
  it('is deterministic and readable', () => {
    const id = deriveAssetId('Age UK Lunch Club', 'Age UK');
    expect(id).toBe(deriveAssetId('Age UK Lunch Club', 'Age UK'));
    expect(id).toMatch(/^age-uk-lunch-club-[0-9a-z]{11}$/);
  });

  it('ignores case and spacing but not the organisation', () => {
    expect(deriveAssetId('  Lunch   Club ', 'Age UK')).toBe(deriveAssetId('lunch club', 'age uk'));
    expect(deriveAssetId('Lunch club', 'Age UK')).not.toBe(deriveAssetId('Lunch club', 'Age Concern'));
    expect(deriveAssetId('Lunch club')).not.toBe(deriveAssetId('Lunch club', 'Age UK'));
  });

  it('gives a usable id for names with no letters or digits', () => {
    expect(deriveAssetId('☕ ☕')).toMatch(/^asset-[0-9a-z]{11}$/);
  });

  it('never collides for different names', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1 }), {
          minLength: 2,
          maxLength: 200,
          selector: (s) => s.trim().replace(/\s+/g, ' ').toLowerCase(),
        }),
        (names) => {
          const ids = new Set(names.map((n) => deriveAssetId(n)));
          expect(ids.size).toBe(names.length);
        },
      ),
    );
    const many = new Set(Array.from({ length: 20_000 }, (_, i) => deriveAssetId(`Group ${i}`)));
    expect(many.size).toBe(20_000);
  });
});

describe('needsChecking', () => {
  it.each<[string | undefined, string, number, boolean]>([
    [undefined, '2026-06-01', 6, true],
    ['2025-12-01', '2026-06-01', 6, false],
    ['2025-11-30', '2026-06-01', 6, true],
    ['2026-02-28', '2026-08-31', 6, false],
    ['2026-02-27', '2026-08-31', 6, true],
    ['2026-05-01', '2026-06-01', 1, false],
    ['2026-04-30', '2026-06-01', 1, true],
    ['not a date', '2026-06-01', 6, true],
  ])('lastVerified %s on %s with %i months → %s', (lastVerified, today, months, expected) => {
    expect(needsChecking({ ...good, lastVerified }, today, months)).toBe(expected);
  });

  it('defaults to six months and accepts a timestamp for today', () => {
    expect(needsChecking({ ...good, lastVerified: '2025-12-01' }, '2026-06-01T09:30:00.000Z')).toBe(false);
    expect(needsChecking({ ...good, lastVerified: '2025-11-30' }, '2026-06-01T09:30:00.000Z')).toBe(true);
  });

  it('addMonths clamps to the end of shorter months', () => {
    expect(addMonths('2026-08-31', -6)).toBe('2026-02-28');
    expect(addMonths('2024-08-31', -6)).toBe('2024-02-29');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
  });
});

describe('normaliseAsset', () => {
  it('trims text, drops empty optional fields and unknown fields, tidies lists and enums', () => {
    const out = normaliseAsset({
      id: ' x ',
      name: '  Lunch club ',
      organisation: '   ',
      description: '',
      categories: 'Loneliness and isolation; money ;money',
      keywords: [' tea ', '', 'tea'],
      languages: [],
      delivery: 'In person; Online',
      email: ' hello@example.org ',
      cost: 'Free',
      referral: 'Link worker',
      minAge: '18',
      waitingWeeks: '',
      status: ' ',
      colour: 'blue',
    });
    expect(out).toEqual({
      id: 'x',
      name: 'Lunch club',
      categories: ['loneliness', 'money'],
      keywords: ['tea'],
      delivery: ['in_person', 'online'],
      email: 'hello@example.org',
      cost: 'free',
      referral: 'link_worker',
      minAge: 18,
      status: 'active',
    });
  });

  it('derives a missing id from name and organisation', () => {
    expect(normaliseAsset({ name: 'Lunch club', organisation: 'Age UK' }).id).toBe(
      deriveAssetId('Lunch club', 'Age UK'),
    );
  });

  it('leaves values it cannot interpret for checkAsset to report', () => {
    const out = normaliseAsset({ ...good, minAge: 'about ten', cost: 'cheap' });
    expect(out.minAge).toBe('about ten');
    expect(checkAsset(out).map((i) => i.field)).toEqual(['cost', 'minAge']);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('name', 'email', 'categories', 'minAge', 'cost', 'keywords'),
          fc.oneof(fc.string(), fc.array(fc.string()), fc.integer()),
        ),
        (raw) => {
          const once = normaliseAsset(raw);
          expect(normaliseAsset(once)).toEqual(once);
        },
      ),
    );
  });
});

describe('isValidWebsite', () => {
  it.each([
    ['https://example.org', true],
    ['www.example.org/path?q=1', true],
    ['http://x.co.uk', true],
    ['ftp://example.org', false],
    ['example', false],
    ['exa mple.org', false],
  ])('%s → %s', (url, ok) => expect(isValidWebsite(url)).toBe(ok));
});
