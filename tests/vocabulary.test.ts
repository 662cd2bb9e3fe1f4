import vocabularyData from '@/data/vocabulary.json';
import { categories } from '@/lib/categories';
import {
  ALSO_WEIGHT,
  compileVocabulary,
  defaultVocabulary,
  type Person,
  parseVocabulary,
  termKey,
  VocabularyBuilder,
  type VocabularyError,
  type VocabularyFile,
} from '@/lib/vocabulary';

const problemsOf = (data: unknown): string[] => {
  try {
    parseVocabulary(data);
  } catch (e) {
    return (e as VocabularyError).problems;
  }
  return [];
};

const entry = (over: Record<string, unknown> = {}) => ({ terms: ['skint'], categories: ['money'], ...over });

describe('bundled vocabulary', () => {
  const vocab = defaultVocabulary();
  const file = parseVocabulary(vocabularyData);

  // Bereaved by suicide is bereavement first (low mood follows from it); a landlord problem is often a
  // housing-law one, so law centres and advice centres count too.
  it.each([
    ['took his own life', 'bereavement', 'wellbeing'],
    ['landlord', 'housing', 'legal'],
  ])('"%s" links strongly to %s and weakly to %s', (term, strong, weak) => {
    const e = file.entries.find((x) => x.terms.includes(term));
    expect(e?.categories).toEqual([strong]);
    expect(e?.also).toContain(weak);
  });

  it('is valid and rich', () => {
    expect(file.entries.length).toBeGreaterThanOrEqual(150);
    expect(vocab.senses.size).toBeGreaterThanOrEqual(3000);
  });

  it.each(categories.map((c) => c.id))('links lay words to %s', (id) => {
    const strong = file.entries.filter((e) => e.categories.includes(id));
    expect(strong.length).toBeGreaterThanOrEqual(5);
  });

  it.each([
    ['skint', 'money'],
    ['brassic', 'money'],
    ['bailiffs', 'money'],
    ['DWP', 'money'],
    ['UC', 'money'],
    ['PIP', 'money'],
    ['sofa surfing', 'housing'],
    ['kicked out', 'housing'],
    ['on my own', 'loneliness'],
    ['widowed', 'bereavement'],
    ['passed away', 'bereavement'],
    ['chemo', 'conditions'],
    ['dementia', 'conditions'],
    ['housebound', 'loneliness'],
    ["can't read", 'work'],
    ['no wifi', 'digital'],
    ['bus pass', 'transport'],
    ['gambling', 'substance'],
    ['booze', 'substance'],
    ['hits me', 'abuse'],
    ['looking after mum', 'carers'],
    ['food bank', 'food'],
    ['grab rails', 'practical'],
    ['stressed out', 'wellbeing'],
    ['parenting', 'family'],
    ['volunteering', 'work'],
    ['walking group', 'activity'],
    ['immigration', 'legal'],
  ])('"%s" points to %s', (term, category) => {
    const sense = vocab.senses.get(termKey(term).join(' '));
    expect(sense?.categories.get(category)).toBe(1);
  });

  it.each([
    ['lonley', 'lonely'],
    ['benifits', 'benefit'],
    ['homless', 'homeless'],
    ['dementure', 'dementia'],
    ['alchohol', 'alcohol'],
  ])('reads the misspelling "%s" as "%s"', (wrong, right) => {
    expect(vocab.spellings.get(wrong)).toBe(right);
  });

  // Phrases whose words, read one by one, would point to the wrong need: "cant see" alone is sight, "cant
  // read" alone is literacy, "gambling" alone is gambling, not the debts it left.
  it.each([
    ['cant see the kids', 'family', 'conditions'],
    ["can't see his children", 'legal', 'practical'],
    ['cant read the paper', 'conditions', 'work'],
    ['cant see the telly', 'practical', 'work'],
    ['gambling debts', 'money', undefined],
    ['betting debt', 'money', undefined],
    ['worried about my job', 'legal', undefined],
    ['job at risk', 'legal', undefined],
    ['citizens advice', 'money', undefined],
    ['husband has alzheimers', 'carers', undefined],
    ['nan has dementia', 'carers', undefined],
    // Phone credit is getting online, not a credit union; an appliance that "broke" is not being broke.
    ['phone credit', 'digital', undefined],
    ['ran out of data', 'digital', undefined],
    ['washing machine broke', 'practical', undefined],
    ['moving into a new flat', 'practical', undefined],
    ['cant verify my id', 'money', undefined],
    ['help with the shopping', 'practical', undefined],
    ['grandson living with us', 'carers', undefined],
    ['do everything for my mum', 'carers', undefined],
    ['dont see anyone', 'loneliness', undefined],
    ['sits in the house all day', 'loneliness', undefined],
    ['not talking to anyone', 'loneliness', undefined],
    ['wont open up', 'wellbeing', undefined],
    ['dodgy knees', 'conditions', undefined],
    ['off with my back', 'conditions', undefined],
  ])('"%s" points strongly to %s (and not to %s)', (term, category, not) => {
    const sense = vocab.senses.get(termKey(term).join(' '));
    expect(sense?.categories.get(category)).toBe(1);
    if (not) expect(sense?.categories.has(not)).toBe(false);
  });

  it.each([
    ['advise', 'advice'],
    ['adivce', 'advice'],
  ])('reads "%s" as "%s" ("citizens advise")', (wrong, right) => {
    expect(vocab.spellings.get(wrong)).toBe(right);
  });

  // Sector terms a lay word stands for, as services write them.
  it.each([
    ['ehcp', 'additional needs'],
    ['home from hospital', 'meals on wheels'],
    ['lads', 'mens shed'],
    ['keeps falling over', 'grab rails'],
    ['had a fall', 'home adaptations'],
    ['took his own life', 'bereavement support'],
    ['phone credit', 'free sim'],
    ['no photo id', 'claim support'],
    ['help with shopping', 'dial-a-ride'],
    ['moving into a new flat', 'starter packs'],
    ['grandkids living with us', 'kinship care'],
    ['bad knees', 'arthritis'],
    ['slipped disc', 'chronic pain'],
  ])('"%s" also searches for "%s"', (term, sector) => {
    const sense = vocab.senses.get(termKey(term).join(' '));
    expect(sense?.expands.map((e) => e.join(' '))).toContain(termKey(sector).join(' '));
  });

  // A decade of life said on its own ("in her 80s") is someone older, as "over 80s" is.
  it.each([['70s'], ['80s'], ['in his 90s']])('"%s" points to older people', (term) => {
    const sense = vocab.senses.get(
      termKey(term)
        .filter((t) => /\d/.test(t))
        .join(' '),
    );
    expect(sense?.categories.get('loneliness')).toBe(1);
    expect(sense?.expands.map((e) => e.join(' '))).toContain(termKey('older people').join(' '));
  });

  // Losing a home said as it happens, with who is losing it, or before it happens; and a young person who grew
  // up in care. A household put out ("us", "them") is an eviction, not a teenager thrown out by family.
  it.each([
    ['hes chucking us out', 'housing', 'legal'],
    ['landlord is kicking them out', 'housing', 'legal'],
    ['mum is kicking me out', 'housing', 'family'],
    ['probably gonna lose my flat', 'housing', 'money'],
    ['at risk of losing my home', 'housing', 'money'],
    ['was in care', 'housing', 'family'],
    ['grew up in care', 'housing', 'family'],
  ])('a phrase in "%s" points to %s (and more weakly to %s)', (query, strong, weak) => {
    const tokens = termKey(query);
    const found = [...vocab.senses.entries()].filter(
      ([key]) => key.includes(' ') && ` ${tokens.join(' ')} `.includes(` ${key} `),
    );
    expect(
      found.some(([, sense]) => sense.categories.get(strong) === 1 && sense.categories.get(weak) === ALSO_WEIGHT),
    ).toBe(true);
  });

  // Money running out before the next payment, benefits stopped, and choosing between heating and food.
  it.each([
    ['theyve stopped my uc', 'money'],
    ['her benefits have stopped', 'money'],
    ['skint till payday', 'money'],
    ['nothing left till friday', 'food'],
    ['ran out of money', 'money'],
    ['nothing in till next week', 'food'],
    ['choosing between heating and eating', 'food'],
    ['its heat or eat', 'money'],
  ])('a phrase in "%s" points to %s', (query, category) => {
    const tokens = termKey(query);
    const found = [...vocab.senses.entries()].filter(
      ([key]) => key.includes(' ') && ` ${tokens.join(' ')} `.includes(` ${key} `),
    );
    expect(found.some(([, sense]) => sense.categories.get(category) === 1)).toBe(true);
  });

  // Off work because of mental health is a work need too; "doesnt see a soul" is loneliness; wanting to get
  // active but put off by gyms is activity (gentle, beginner-friendly).
  it.each([
    ['been off work with anxiety', 'work'],
    ['off work with his nerves', 'work'],
    ['off work with stress', 'work'],
    ['dad doesnt see a soul', 'loneliness'],
    ['she hasnt seen a soul all week', 'loneliness'],
    ['hes not a gym person', 'activity'],
    ['too embarrassed to exercise', 'activity'],
    ['self conscious at the gym', 'activity'],
  ])('a phrase in "%s" points to %s', (query, category) => {
    const tokens = termKey(query);
    const found = [...vocab.senses.entries()].filter(
      ([key]) => key.includes(' ') && ` ${tokens.join(' ')} `.includes(` ${key} `),
    );
    expect(found.some(([, sense]) => sense.categories.get(category) === 1)).toBe(true);
  });

  it('never treats a lone stopword as a need', () => {
    expect(vocab.senses.has('me')).toBe(false);
    expect(vocab.senses.has('will')).toBe(false);
  });
});

const BAD_FILES: [string, unknown, string][] = [
  ['not an object', null, 'must be an object'],
  ['wrong version', { version: 2, entries: [entry()] }, 'version must be 1'],
  ['no entries', { version: 1, entries: [] }, 'entries must not be empty'],
  ['unknown category', { version: 1, entries: [entry({ categories: ['mony'] })] }, '"mony" is not a known category'],
  ['unknown weak category', { version: 1, entries: [entry({ also: ['fod'] })] }, '"fod" is not a known category'],
  ['no terms', { version: 1, entries: [entry({ terms: [] })] }, 'terms must list at least one'],
  ['term without letters', { version: 1, entries: [entry({ terms: ['!!'] })] }, '"!!" has no letters or numbers'],
  ['no category at all', { version: 1, entries: [entry({ categories: [] })] }, 'must point to at least one category'],
  ['unexpected field', { version: 1, entries: [entry({ weight: 2 })] }, 'is not a field an entry can have'],
  [
    'phrase as a misspelling',
    { version: 1, entries: [entry()], spellings: { 'lon ley': 'lonely' } },
    'must be a single word',
  ],
  ['non-text term', { version: 1, entries: [entry({ terms: [42] })] }, 'must be text'],
  ['unknown person', { version: 1, entries: [entry({ person: 'boy' })] }, 'person must be "man" or "woman"'],
  ['blank specialism', { version: 1, entries: [entry({ specialism: ' ' })] }, 'specialism must name the need'],
  ['non-text specialism', { version: 1, entries: [entry({ specialism: 3 })] }, 'must be text'],
];

describe('parseVocabulary', () => {
  it.each(BAD_FILES)('rejects %s with a plain reason', (_label, data, message) => {
    const problems = problemsOf(data);
    expect(problems.join(' ')).toContain(message);
  });

  it('names the entry by number and first term', () => {
    const problems = problemsOf({
      version: 1,
      entries: [entry(), entry({ terms: ['brassic'], categories: ['mony'] })],
    });
    expect(problems[0]).toMatch(/^Entry 2 \("brassic"\)/);
  });

  it('lists every problem, not just the first', () => {
    const problems = problemsOf({
      version: 1,
      entries: [entry({ categories: ['a'] }), entry({ categories: ['b'] })],
    });
    expect(problems).toHaveLength(2);
  });

  it('accepts a valid file unchanged', () => {
    const data = { version: 1, entries: [entry({ also: ['food'], expands: ['benefits check'] })] };
    expect(parseVocabulary(data).entries).toEqual(data.entries);
  });
});

describe('compileVocabulary', () => {
  const file: VocabularyFile = {
    version: 1,
    spellings: { lonley: 'lonely' },
    entries: [
      { terms: ['lonely', 'on my own'], categories: ['loneliness'], expands: ['befriending'] },
      { terms: ['lonely'], categories: [], also: ['wellbeing'], expands: ['peer support'] },
      { terms: ["can't get to the hospital"], categories: ['transport'] },
      { terms: ['Debts'], categories: ['money'] },
      { terms: ['get out of the house', 'kicked out of home'], categories: ['loneliness'] },
      { terms: ['out of work', 'out work'], categories: ['work'], also: ['money'] },
      { terms: ['took his own life', 'new to the area', 'scared of her'], categories: ['bereavement'] },
      { terms: ['lost his wife'], categories: ['bereavement'] },
      { terms: ['lost his job'], categories: ['work'] },
    ],
  };
  const vocab = compileVocabulary(file);

  it.each([
    // Everyday speech drops the "of": "get out the house" is the phrase "get out of the house".
    ['get out the house', 'get out of the house'],
    ['kicked out home', 'kicked out of home'],
    // Hurried typing drops the articles and "his" or "her": "brother took own life", "new to area".
    ['took own life', 'took his own life'],
    ['new to area', 'new to the area'],
    // A death told as it happens: "since losing his wife" is "lost his wife".
    ['losing his wife', 'lost his wife'],
  ])('reads "%s" as "%s"', (said, written) => {
    const sense = vocab.senses.get(termKey(said).join(' '));
    expect(sense).toBeDefined();
    expect(sense).toBe(vocab.senses.get(termKey(written).join(' ')));
  });

  it('keeps a last "her" (the person, not "her own"): "scared of her" is not read from "scared of"', () => {
    expect(vocab.senses.get(termKey('scared of her').join(' '))).toBeDefined();
    expect(vocab.senses.get(termKey('scared of').join(' '))).toBeUndefined();
  });

  it('reads "losing" as "lost" only for a death', () => {
    expect(vocab.senses.get('losing his job')).toBeUndefined();
  });

  it('keeps a phrase listed without the "of" as its own', () => {
    expect(vocab.senses.get('out work')?.term).toBe('out work');
  });

  it('merges every entry that lists a term', () => {
    const sense = vocab.senses.get('lonely');
    expect(Object.fromEntries(sense?.categories ?? [])).toEqual({ loneliness: 1, wellbeing: ALSO_WEIGHT });
    expect(sense?.expands).toEqual([['befriending'], ['peer', 'support']]);
  });

  // Who a term says the patient is survives merging only when no two entries disagree.
  it.each([
    ['said of a man by one entry', [undefined, 'man'], 'man'],
    ['said of a man by both', ['man', 'man'], 'man'],
    ['said of a man and of a woman', ['man', 'woman'], undefined],
    ['disputed, then said of a man again', ['man', 'woman', 'man'], undefined],
    ['said of nobody', [undefined, undefined], undefined],
  ] as [string, (Person | undefined)[], Person | undefined][])('a term %s', (_label, people, person) => {
    const merged = compileVocabulary({
      version: 1,
      entries: people.map((p) => ({ terms: ['hits him'], categories: ['abuse'], ...(p ? { person: p } : {}) })),
    });
    expect(merged.senses.get('hits him')?.person).toBe(person);
  });

  // A term listed by entries with different specialisms mentions each of them; the specialism's terms are
  // kept, stemmed, to find services named for it.
  it("keeps each term's specialisms, merged across entries, and every term of a specialism", () => {
    const merged = compileVocabulary({
      version: 1,
      entries: [
        { terms: ['terminal', 'dying'], categories: ['bereavement'], specialism: 'cancer' },
        { terms: ['cancer', 'terminal'], categories: ['conditions'], specialism: 'cancer' },
        { terms: ['terminal'], categories: ['bereavement'], specialism: 'hospice care' },
        { terms: ['lonely'], categories: ['loneliness'] },
      ],
    });
    expect(merged.senses.get('terminal')?.specialisms).toEqual(['cancer', 'hospice care']);
    expect(merged.senses.get('dying')?.specialisms).toEqual(['cancer']);
    expect(merged.senses.get('lonely')?.specialisms).toBeUndefined();
    expect(merged.specialists.get('cancer')).toEqual([['terminal'], ['dying'], ['cancer'], ['terminal']]);
    expect([...merged.specialists.keys()]).toEqual(['cancer', 'hospice care']);
  });

  it.each([
    ['on my own', 'on my own'],
    ['Debts', 'debt'],
    ["can't get to the hospital", 'cant get to the hospital'],
  ])('keys "%s" by its stemmed words "%s"', (term, key) => {
    expect(termKey(term).join(' ')).toBe(key);
    expect(vocab.senses.has(key)).toBe(true);
  });

  it('also matches a phrase by its content words alone', () => {
    expect(vocab.looseKeys.get('cant hospital')).toBe('cant get to the hospital');
  });

  it('keeps single words sorted for prefix look-ups', () => {
    expect(vocab.words).toEqual([...vocab.words].sort());
    expect(vocab.words).toContain('lonely');
    expect(vocab.words).not.toContain('on my own');
  });

  it('stems the corrected spelling', () => {
    expect(vocab.spellings.get('lonley')).toBe('lonely');
  });
});

describe('VocabularyBuilder (the panel checks and compiles the vocabulary in idle slices)', () => {
  const inSlices = (data: unknown, size: number) => {
    const b = new VocabularyBuilder(data);
    let slices = 0;
    while (!b.done) {
      b.run(size);
      slices++;
    }
    return { vocabulary: b.finish(), slices };
  };

  it.each([[1], [16], [10_000]])('gives the same vocabulary as compiling at once (slices of %i)', (size) => {
    const { vocabulary, slices } = inSlices(vocabularyData, size);
    const once = compileVocabulary(parseVocabulary(vocabularyData));
    expect(slices).toBe(Math.ceil((vocabularyData as { entries: unknown[] }).entries.length / size));
    expect([...vocabulary.senses.keys()]).toEqual([...once.senses.keys()]);
    expect([...vocabulary.senses.values()]).toEqual([...once.senses.values()]);
    expect(vocabulary.words).toEqual(once.words);
    expect([...vocabulary.looseKeys]).toEqual([...once.looseKeys]);
    expect([...vocabulary.spellings]).toEqual([...once.spellings]);
  });

  it.each(BAD_FILES)('rejects %s with the same plain reason', (_label, data, message) => {
    let problems: string[] = [];
    try {
      inSlices(data, 1);
    } catch (e) {
      problems = (e as VocabularyError).problems;
    }
    expect(problems.join(' ')).toContain(message);
    expect(problems).toEqual(problemsOf(data));
  });
});
