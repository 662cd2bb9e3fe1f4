import fc from 'fast-check';
import {
  boundedEditDistance,
  normalise,
  plausibleTypo,
  readIllnessCapitals,
  STOPWORDS,
  stem,
  tokenise,
  typoBudget,
  WordTable,
} from '@/lib/search-text';

describe('tokenise', () => {
  it.each([
    ['Skint', ['skint']],
    ["Can't get to the hospital!", ['cant', 'get', 'to', 'the', 'hospital']],
    ['Men’s Shed', ['mens', 'shed']],
    ['Knit & Natter', ['knit', 'and', 'natter']],
    ['Café', ['cafe']],
    ['ME/CFS support', ['me', 'cfs', 'support']],
    ['Dial-a-Ride', ['dial', 'a', 'ride']],
    ['  spaced   out  ', ['spaced', 'out']],
    ["'quoted'", ['quoted']],
    ['Straße', ['strasse']],
    ['Over-55s club, 2pm–4pm', ['over', '55s', 'club', '2pm', '4pm']],
    ['', []],
    ['—', []],
  ])('%j → %j', (text, words) => {
    expect(tokenise(text)).toEqual(words);
  });

  it('normalise joins the words with single spaces', () => {
    expect(normalise('  Age UK — Befriending ')).toBe('age uk befriending');
  });
});

describe('readIllnessCapitals', () => {
  it.each([
    ['has ME, stuck indoors', 'has ME/CFS, stuck indoors'],
    ['ME and fibro', 'ME/CFS and fibro'],
    ['she has me worried', 'she has me worried'],
    ['Tell me about it', 'Tell me about it'],
    // All in capitals, "ME" is just the word.
    ['HELP ME', 'HELP ME'],
    ['MEN', 'MEN'],
    ['ME/CFS group', 'ME/CFS group'],
    ['ME / CFS', 'ME / CFS'],
  ])('%j → %j', (query, read) => {
    expect(readIllnessCapitals(query)).toBe(read);
  });
});

describe('stem (plurals only)', () => {
  it.each([
    ['debts', 'debt'],
    ['activities', 'activity'],
    ['carers', 'carer'],
    ['bailiffs', 'bailiff'],
    ['glasses', 'glass'],
    ['address', 'address'],
    ['crisis', 'crisis'],
    ['status', 'status'],
    ['bus', 'bus'],
    ['news', 'news'],
    ['caring', 'caring'],
    ['housing', 'housing'],
  ])('%s → %s', (word, stemmed) => {
    expect(stem(word)).toBe(stemmed);
  });
});

describe('boundedEditDistance', () => {
  it.each([
    ['lonely', 'lonely', 2, 0],
    ['lonley', 'lonely', 2, 1],
    ['homless', 'homeless', 2, 1],
    ['benifits', 'benefits', 2, 1],
    ['dementure', 'dementia', 2, 3], // three edits: the vocabulary's spelling list catches this one
    ['skint', 'print', 1, 2],
    ['cat', 'dinosaur', 2, 3],
    ['', 'abc', 5, 3],
  ])('%s vs %s (max %i) = %i', (a, b, max, d) => {
    expect(boundedEditDistance(a, b, max)).toBe(d);
  });

  it('never reports less than the true distance and stops at max + 1', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 12 }),
        fc.string({ maxLength: 12 }),
        fc.integer({ min: 0, max: 3 }),
        (a, b, max) => {
          const d = boundedEditDistance(a, b, max);
          const full = boundedEditDistance(a, b, 100);
          return d <= max + 1 && (full <= max ? d === full : d === max + 1);
        },
      ),
    );
  });
});

describe('plausibleTypo', () => {
  it.each([
    ['lonley', 'lonely', true], // swapped letters
    ['homless', 'homeless', true], // missed letter
    ['bailifs', 'bailiffs', true],
    ['benifit', 'benefit', true], // one vowel for another
    ['clearwsy', 'clearway', true], // neighbouring key
    ['moving', 'mowing', false], // a different real word: v and w are far apart
    ['took', 'book', false],
    ['lonaly', 'lonely', true],
  ])('%s for %s: %s', (typed, word, plausible) => {
    expect(plausibleTypo(typed, word)).toBe(plausible);
  });
});

describe('typoBudget', () => {
  it.each([
    [3, 0],
    [4, 0],
    [5, 1],
    [8, 1],
    [9, 2],
    [14, 2],
  ])('a %i-letter word may be %i edits off', (length, budget) => {
    expect(typoBudget(length)).toBe(budget);
  });
});

describe('WordTable.scan', () => {
  const scanWords = (table: WordTable, text: string) => {
    const count = table.scan(text);
    return Array.from(table.buffer.subarray(0, count), (id) => table.words[id]);
  };

  it.each([
    ['Free, confidential debt advice & support'],
    ['Men’s Shed at St Mary’s Church Hall'],
    ['Café Crème — naïve façade'],
    ["Don't PANIC: it's 9am–5pm"],
  ])('finds the same words as tokenise in %j', (text) => {
    expect(scanWords(new WordTable(), text)).toEqual(tokenise(text));
  });

  it('gives one index per distinct word however often and in whatever case it appears', () => {
    const table = new WordTable(4);
    scanWords(table, 'Debt debt DEBT advice');
    scanWords(table, 'advice about debt');
    expect(table.words).toEqual(['debt', 'advice', 'about']);
  });

  it('agrees with tokenise on any text', () => {
    const table = new WordTable(8);
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."aZ9 é’'&-.ßÉx".split('')), maxLength: 40 }),
        (text) => JSON.stringify(scanWords(table, text)) === JSON.stringify(tokenise(text)),
      ),
    );
  });
});

describe('stopwords', () => {
  it.each(['the', 'my', 'since', 'help', 'need'])('"%s" is a stopword', (w) => {
    expect(STOPWORDS.has(w)).toBe(true);
  });
  it.each(['alone', 'lonely', 'debt', 'home', 'down'])('"%s" carries meaning', (w) => {
    expect(STOPWORDS.has(w)).toBe(false);
  });
});
