import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { checkAsset } from '../lib/asset-rules';
import { parseDirectory } from '../lib/directory';
import { compileMapping, mapCategories, parseOrukPage, plainText } from '../lib/oruk';
import type { Asset } from '../lib/types';

const fixtureText = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const fixture = (name: string) => JSON.parse(fixtureText(name));
const v1 = fixture('oruk-v1-page.json');
const byId = (assets: Asset[], id: string) => assets.find((a) => a.id === id);

describe('ORUK v1 page', () => {
  const withoutDuplicate = { ...v1, content: v1.content.slice(0, 5) };
  const page = parseOrukPage(withoutDuplicate);

  it('reports where the page is, for a fetcher walking the feed', () => {
    expect(page.page).toEqual({ number: 1, totalPages: 3, last: false });
  });

  it('maps a fully described service onto every asset field', () => {
    expect(byId(page.assets, 'svc-1')).toEqual({
      id: 'svc-1',
      name: 'Sometown Befriending Service',
      organisation: 'Sometown Council for Voluntary Service',
      description: 'Weekly phone calls & visits from a volunteer.',
      categories: ['loneliness'],
      keywords: ['Befriending'],
      phone: '01234 567890',
      email: 'hello@befriending.example.org',
      website: 'https://befriending.example.org',
      area: 'Sometown',
      openingTimes: 'Mon, Tue, Wed 09:00–17:00',
      cost: 'free',
      referral: 'self',
      minAge: 18,
      eligibility: 'Adults',
      languages: ['English', 'Polish'],
      delivery: ['phone'],
      lastVerified: '2025-11-03',
      status: 'active',
      source: 'oruk',
    });
  });

  it('falls back to keywords, reads addresses, and drops malformed optional details with a warning', () => {
    expect(byId(page.assets, 'svc-2')).toEqual({
      id: 'svc-2',
      name: 'Money Matters Drop-in',
      organisation: 'Sometown Advice',
      description: 'Help with debt, benefits and budgeting.',
      categories: ['money'],
      keywords: ['Advice'],
      address: 'Sometown Library, 1 High Street, Sometown',
      postcode: 'ST1 1AA',
      openingTimes: 'Thursdays 10am to 1pm',
      cost: 'free',
      referral: 'professional',
      eligibility: 'Residents',
      accessibility: 'Step-free access',
      delivery: ['in_person'],
      status: 'active',
      source: 'oruk',
    });
    const about = page.warnings.filter((w) => w.message.startsWith('service "Money Matters Drop-in" (id svc-2)'));
    expect(about.map((w) => w.message)).toEqual([
      expect.stringMatching(/min age 30 is greater than max age 18, so the age limits were left out/),
      expect.stringMatching(/last verified date "2024-02-30" is not a real date.*, so it was left out/),
    ]);
  });

  it('keeps a service that maps to no category as "uncategorised", naming it in a warning', () => {
    expect(byId(page.assets, 'svc-3')).toMatchObject({
      categories: ['uncategorised'],
      website: 'https://knit.example.org',
    });
    expect(byId(page.assets, 'svc-3')?.email).toBeUndefined();
    const messages = page.warnings.map((w) => w.message);
    expect(messages).toContain(
      'service "Tuesday Knitting Circle" (id svc-3): matched no category and was imported as "uncategorised" for review',
    );
    expect(messages).toContain(
      'service "Tuesday Knitting Circle" (id svc-3): email "knit@" is not a valid email address, so it was left out',
    );
  });

  it('imports a defunct service as inactive, and rejects only the service with no contact route', () => {
    expect(byId(page.assets, 'svc-4')).toMatchObject({
      status: 'inactive',
      categories: ['food'],
      phone: '01234 000000',
    });
    expect(page.assets.map((a) => a.id)).toEqual(['svc-1', 'svc-2', 'svc-3', 'svc-4']);
    expect(page.errors).toEqual([
      {
        field: 'phone',
        message:
          'service "No Way To Reach Us" (id svc-5) not imported: no contact route: give a phone number, email, website or address',
      },
    ]);
  });

  it('a later service with the same id replaces the earlier one, with a warning', () => {
    const full = parseOrukPage(v1);
    expect(byId(full.assets, 'svc-1')?.name).toBe('Sometown Befriending Service (updated)');
    expect(full.assets.filter((a) => a.id === 'svc-1')).toHaveLength(1);
    expect(full.warnings.map((w) => w.message)).toContain(
      'service "Sometown Befriending Service (updated)" (id svc-1) has the same id as service "Sometown Befriending Service" (id svc-1); the later one replaces it',
    );
  });

  it('parseDirectory reads the same file as ORUK and says it is one page of several', () => {
    const r = parseDirectory(fixtureText('oruk-v1-page.json'));
    expect(r.assets.map((a) => a.id)).toEqual(['svc-1', 'svc-2', 'svc-3', 'svc-4']);
    expect(r.warnings.at(-1)?.message).toMatch(/one page of a feed with 3 pages/);
  });
});

describe('HSDS 3', () => {
  it('reads our HSDS 3 page: phones, schedules, taxonomy attributes, waits, virtual locations', () => {
    const page = parseOrukPage(fixture('hsds3-page.json'));
    expect(page.page).toEqual({ number: 1, totalPages: 1, last: true });
    expect(page.errors).toEqual([]);
    expect(page.assets).toEqual([
      {
        id: 'h3-1',
        name: 'Carers Cafe',
        organisation: 'Sometown Carers Centre',
        description: 'A monthly cafe for unpaid carers to meet others and get advice.',
        categories: ['carers'],
        keywords: ['Carer support'],
        phone: '01234 765432',
        website: 'https://carers.example.org',
        address: 'Community Hall, 2 Church Lane, Sometown',
        postcode: 'ST2 2BB',
        openingTimes: 'Wed 10:00–12:00',
        minAge: 16,
        languages: ['English'],
        delivery: ['in_person'],
        waitingWeeks: 2,
        lastVerified: '2026-01-20',
        status: 'active',
        source: 'oruk',
      },
      {
        id: 'h3-2',
        name: 'Online Coding Club',
        organisation: 'Code Club Sometown',
        description: 'Learn to use a computer and get online.',
        categories: ['digital'],
        email: 'club@code.example.org',
        delivery: ['online'],
        status: 'inactive',
        source: 'oruk',
      },
    ]);
  });

  it('reads the Open Referral full service example', () => {
    const r = parseDirectory(fixtureText('hsds3-service_full.json'));
    expect(r.errors).toEqual([]);
    expect(r.assets).toHaveLength(1);
    expect(r.assets[0]).toMatchObject({
      id: 'ac148810-d857-441c-9679-408f346de14b',
      name: 'Community Counselling',
      organisation: 'Example Organization Inc.',
      categories: ['wellbeing'],
      phone: '+44 1234 234567 ext. 100',
      email: 'email@example.com',
      website: 'http://example.com/counselling',
      postcode: 'ABC 1234',
      minAge: 12,
      maxAge: 100,
      cost: 'paid',
      lastVerified: '2005-01-01',
      languages: ['Urdu'],
      status: 'active',
    });
    expect(r.assets[0].address).toMatch(/^MyCity Civic Center, 1-30 Main Street/);
    expect(r.assets[0].accessibility).toMatch(/induction loops/);
  });

  it('reads the Open Referral service list example with its paging', () => {
    const page = parseOrukPage(fixture('hsds3-service_list.json'));
    expect(page.page).toEqual({ number: 1, totalPages: 10, last: false });
    expect(page.assets.map((a) => a.name)).toEqual(['Community Counselling']);
  });

  it('explains that a taxonomy term list is not a list of services', () => {
    const page = parseOrukPage(fixture('hsds3-taxonomy_term_list.json'));
    expect(page.assets).toEqual([]);
    expect(page.errors[0].message).toMatch(/list of taxonomy terms, not services/);
  });
});

describe('the category mapping', () => {
  it.each([
    [{ terms: [{ name: 'Befriending' }] }, ['loneliness']],
    [{ terms: [{ name: 'Food and essentials' }] }, ['food']],
    [{ terms: [{ id: 'carers' }] }, ['carers']],
    [{ terms: [{ name: 'Walking groups for carers' }] }, ['activity', 'carers']],
    [{ terms: [], name: 'Bereavement café', description: '' }, ['bereavement']],
    [{ terms: [{ name: 'Befriending' }], name: 'Debt advice' }, ['loneliness']],
    [{ terms: [], name: 'Stroke club', description: 'Peer support after a stroke' }, ['conditions']],
    [{ terms: [], name: 'Lawn bowls', description: '' }, []],
    [{ terms: [], name: 'Tablets and pills', description: '' }, []],
  ])('%j → %j', (service, categories) => {
    expect(mapCategories(service).sort()).toEqual([...categories].sort());
  });

  it('an edited mapping changes the result, and unknown categories in it are reported', () => {
    const { mapping, problems } = compileMapping({
      terms: { 'T-42': ['practical'], knit: ['knitting'] },
      keywords: { loneliness: ['knit*'], nonsense: ['x'] },
    });
    expect(problems).toEqual([
      'term "knit": "knitting" is not a category id',
      'keywords: "nonsense" is not a category id',
    ]);
    expect(mapCategories({ terms: [{ id: 't-42' }] }, mapping)).toEqual(['practical']);
    expect(mapCategories({ terms: [], name: 'Knitters' }, mapping)).toEqual(['loneliness']);
    const page = parseOrukPage(v1, { mapping });
    expect(byId(page.assets, 'svc-3')?.categories).toEqual(['loneliness']);
  });

  it('the shipped mapping names only real categories', () => {
    const raw = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'data', 'oruk-mapping.json'), 'utf8'));
    expect(compileMapping(raw).problems).toEqual([]);
  });
});

describe('hostile feeds', () => {
  it.each([
    ['a number', 42],
    ['null', null],
    ['content that is not a list', { content: 'nope' }],
    ['an unrelated object', { hello: 'world' }],
  ])('%s gives an error, not an exception', (_label, value) => {
    const page = parseOrukPage(value);
    expect(page.assets).toEqual([]);
    expect(page.errors).toHaveLength(1);
  });

  it('services that are not objects are rejected one by one', () => {
    const page = parseOrukPage({ content: [1, null, 'x', v1.content[0]] });
    expect(page.assets.map((a) => a.id)).toEqual(['svc-1']);
    expect(page.errors).toHaveLength(3);
  });

  it('never throws, and every asset it returns keeps the rules', () => {
    const service = fc.record(
      {
        id: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        name: fc.oneof(fc.string(), fc.constant(undefined), fc.integer()),
        description: fc.oneof(fc.string(), fc.constant('<p>a &amp; b</p>'), fc.anything()),
        email: fc.oneof(fc.emailAddress(), fc.string()),
        url: fc.oneof(fc.webUrl(), fc.string()),
        status: fc.oneof(fc.constantFrom('active', 'inactive', 'defunct'), fc.anything()),
        minimum_age: fc.oneof(fc.integer(), fc.string(), fc.double()),
        maximum_age: fc.oneof(fc.integer(), fc.string(), fc.double()),
        assured_date: fc.oneof(fc.string(), fc.constant('2025-13-45')),
        phones: fc.array(fc.record({ number: fc.oneof(fc.string(), fc.integer()) })),
        organization: fc.oneof(fc.record({ name: fc.string() }), fc.anything()),
        service_taxonomys: fc.array(fc.record({ taxonomy: fc.record({ name: fc.string() }) })),
        eligibilitys: fc.oneof(fc.array(fc.anything()), fc.anything()),
        cost_options: fc.array(fc.record({ amount: fc.anything() })),
        languages: fc.anything(),
        service_at_locations: fc.anything(),
        regular_schedules: fc.array(fc.record({ byday: fc.string(), opens_at: fc.string() })),
        wait_time: fc.string(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.record({ content: fc.array(fc.oneof(service, fc.anything())), totalPages: fc.anything() }),
          fc.record({ contents: fc.array(service), last_page: fc.anything() }),
          fc.anything(),
        ),
        (value) => {
          const page = parseOrukPage(value);
          for (const asset of page.assets) {
            expect(checkAsset(asset)).toEqual([]);
            expect(typeof asset.id).toBe('string');
          }
          const text = JSON.stringify(value) ?? '';
          const viaText = parseDirectory(text, 'oruk');
          for (const asset of viaText.assets) expect(checkAsset(asset)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('plainText', () => {
  it.each([
    ['<p>One</p><p>Two &amp; three</p>', 'One\nTwo & three'],
    ['Line<br>break', 'Line\nbreak'],
    ['&pound;5 &#163;6 &#xa3;7', '£5 £6 £7'],
    ['<script>x</script>', 'x'],
    ['A < B', 'A < B'],
    ['<b></b>', undefined],
  ])('%j → %j', (html, text) => {
    expect(plainText(html)).toBe(text);
  });
});
