import { handoutContent, handoutItem, handoutText } from '@/lib/handout';
import type { Asset } from '@/lib/types';

const lunch: Asset = {
  id: 'lunch',
  name: 'Friday Lunch Club',
  organisation: 'Age UK Townsville',
  description: 'A  hot lunch and a chat,\nevery Friday.',
  categories: ['loneliness'],
  phone: '01234 567890',
  address: 'St Mark’s Hall, High Street',
  postcode: 'AB1 2CD',
  openingTimes: 'Fridays 12pm to 2pm',
  cost: 'low',
  referral: 'self',
  delivery: ['in_person'],
  waitingWeeks: 0,
  status: 'active',
};

const advice: Asset = {
  id: 'ca-042',
  name: 'Citizens Advice Townsville',
  organisation: 'Citizens Advice Townsville',
  categories: ['money'],
  website: 'https://example.org/advice',
  email: 'help@example.org',
  cost: 'free',
  referral: 'professional',
  delivery: ['phone', 'online', 'in_person'],
  waitingWeeks: 3,
  status: 'active',
  lastVerified: '2025-01-01',
  keywords: ['debt'],
  eligibility: 'Adults living in Townsville',
};

const OPTIONS = {
  practiceName: 'Riverside Surgery',
  intro: 'Here are the details of the local support we talked about.',
  closing: 'If things change or you need more help, contact the practice.',
};

describe('handoutText', () => {
  it('writes one asset as plain English for a text message or letter', () => {
    expect(handoutText([lunch], OPTIONS)).toBe(
      [
        'Local support from Riverside Surgery',
        '',
        'Here are the details of the local support we talked about.',
        '',
        'Friday Lunch Club (Age UK Townsville)',
        'A hot lunch and a chat, every Friday.',
        'Phone: 01234 567890',
        'Address: St Mark’s Hall, High Street, AB1 2CD',
        'Open: Fridays 12pm to 2pm',
        'How: in person',
        'Cost: Low cost',
        'You can contact them yourself.',
        'Usual wait: no waiting list',
        '',
        'If things change or you need more help, contact the practice.',
        '',
      ].join('\n'),
    );
  });

  it('numbers several assets and does not repeat an organisation that is the name', () => {
    const text = handoutText([lunch, advice], OPTIONS);
    expect(text).toContain('1. Friday Lunch Club (Age UK Townsville)\n');
    expect(text).toContain('2. Citizens Advice Townsville\n');
    expect(text).toContain('How: by phone, online and in person');
    expect(text).toContain('Usual wait: about 3 weeks');
    expect(text).toContain('You need a referral from a professional: ask the practice.');
  });

  it('leaves out internal fields (ids, keywords, verification dates, eligibility notes)', () => {
    const text = handoutText([advice], OPTIONS);
    for (const hidden of ['ca-042', 'debt', '2025-01-01', 'Adults living', 'active', 'money']) {
      expect(text).not.toContain(hidden);
    }
  });

  it('has a plain heading when the practice name is not set', () => {
    expect(handoutContent([lunch], { ...OPTIONS, practiceName: ' ' }).heading).toBe('Local support');
  });

  it.each([
    [1, 'Usual wait: about 1 week'],
    [6, 'Usual wait: about 6 weeks'],
  ])('says a wait of %i weeks as "%s"', (waitingWeeks, line) => {
    expect(handoutItem({ ...lunch, waitingWeeks }).lines).toContain(line);
  });

  it('skips missing details rather than printing blanks', () => {
    const bare: Asset = {
      id: 'b',
      name: 'Walk group',
      categories: ['activity'],
      phone: '07000 000000',
      status: 'active',
    };
    expect(handoutItem(bare)).toEqual({ title: 'Walk group', lines: ['Phone: 07000 000000'] });
  });
});
