/**
 * Text handling shared by the search index, the vocabulary and the query: one normalisation so that what
 * a receptionist types and what a directory says meet on the same terms.
 */

import { wordSet } from './query-words';

/**
 * Normalised words in order: lower case, accents folded ("café" → "cafe"), apostrophes dropped inside
 * words ("can't" → "cant", "men's" → "mens"), "&" read as "and", anything else that is not a letter or
 * digit a break. A hand-written scanner rather than a chain of regular expressions, because the index
 * runs it over every description in the directory when the panel opens.
 */
export function tokenise(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  const n = lower.length;
  let start = -1;
  let clean = true;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? lower.charCodeAt(i) : 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) {
        start = i;
        clean = true;
      }
      continue;
    }
    if (c > 127) {
      if (APOSTROPHE_CODES.has(c)) {
        if (start >= 0) clean = false;
        continue;
      }
      if (foldChar(c) !== '') {
        if (start < 0) {
          start = i;
          clean = true;
        }
        clean = false;
        continue;
      }
    } else if (c === 39 || c === 96) {
      // ASCII apostrophe or backtick inside a word: skip it, keep the word whole.
      if (start >= 0) clean = false;
      continue;
    }
    if (start >= 0) {
      const word = clean ? lower.slice(start, i) : cleanWord(lower, start, i);
      if (word !== '') out.push(word);
      start = -1;
    }
    if (c === 38) out.push('and');
  }
  return out;
}

/**
 * "has ME, stuck indoors": written in capitals, ME is the illness (ME/CFS), not the pronoun that every
 * sentence has. Read it so only when the rest of the query is not in capitals too.
 */
export function readIllnessCapitals(query: string): string {
  const illness = /\bME\b(?!\s*\/\s*CFS)/g;
  if (!illness.test(query) || query === query.toUpperCase()) return query;
  return query.replace(illness, 'ME/CFS');
}

/** The words of `text` joined by single spaces. */
export function normalise(text: string): string {
  return tokenise(text).join(' ');
}

const APOSTROPHE_CODES = new Set([0x2019, 0x2018, 0x00b4, 0x02bc]);

function cleanWord(lower: string, from: number, to: number): string {
  let w = '';
  for (let i = from; i < to; i++) {
    const c = lower.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) w += lower[i];
    else if (c > 127) w += foldChar(c);
  }
  return w;
}

const foldCache = new Map<number, string>();

/** An accented letter's plain form ("é" → "e", "ß" → "ss"), or "" for anything that is not a letter. */
function foldChar(code: number): string {
  let f = foldCache.get(code);
  if (f === undefined) {
    const ch = String.fromCharCode(code);
    f =
      ch === 'ß'
        ? 'ss'
        : ch === 'æ'
          ? 'ae'
          : ch === 'œ'
            ? 'oe'
            : ch === 'ø'
              ? 'o'
              : ch.normalize('NFKD').replace(/[^a-z0-9]/g, '');
    foldCache.set(code, f);
  }
  return f;
}

/**
 * A deliberately light stemmer: plurals only ("debts" → "debt", "activities" → "activity"). Heavier
 * stemming merges words a navigator would keep apart ("caring"/"care", "housing"/"house") and makes
 * typed prefixes stop matching.
 */
export function stem(word: string): string {
  const n = word.length;
  if (n <= 4 || word.charCodeAt(n - 1) !== 115 /* s */) return word;
  if (word.endsWith('ies') && n > 5) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('sses')) return word.slice(0, -2);
  return word.slice(0, -1);
}

/**
 * Words that carry no need on their own. Phrases in the vocabulary are matched before these are dropped,
 * so "on my own" and "kicked out" still count.
 */
export const STOPWORDS: ReadonlySet<string> = wordSet('small-words');

const NEGATIONS = new Set([
  'no',
  'not',
  'cant',
  'cannot',
  'dont',
  'doesnt',
  'didnt',
  'isnt',
  'wont',
  'couldnt',
  'hasnt',
  'havent',
]);

/**
 * Words skipped when matching a vocabulary phrase loosely ("can't really get to hospital" still reads as
 * "can't get to hospital"): stopwords, except negations, which change what a phrase means.
 */
export function isFiller(word: string): boolean {
  // "new mum struggling" is about a baby; "mum struggling" is not: "new" is never skipped inside a phrase.
  return STOPWORDS.has(word) && !NEGATIONS.has(word) && word !== 'new';
}

/** Longest edit distance accepted as a typo for a word of this length (0 = exact only). */
export function typoBudget(length: number): number {
  // Short words are too often real words the directory just does not use ("took" is not "book").
  if (length < 5) return 0;
  if (length < 9) return 1;
  return 2;
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent swaps, so "lonley" is one edit from
 * "lonely"), giving up as soon as it must exceed `max`. `rows` is scratch space reused between calls.
 */
export function boundedEditDistance(a: string, b: string, max: number, rows: Int32Array[] = scratchRows): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === 0 || lb === 0) return Math.max(la, lb);
  if (rows[0].length < lb + 1) {
    for (let r = 0; r < 3; r++) rows[r] = new Int32Array(lb + 16);
  }
  let prev2 = rows[0];
  let prev = rows[1];
  let cur = rows[2];
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = prev[j - 1] + cost;
      const del = prev[j] + 1;
      if (del < v) v = del;
      const ins = cur[j - 1] + 1;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        const swap = prev2[j - 2] + 1;
        if (swap < v) v = swap;
      }
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return Math.min(prev[lb], max + 1);
}

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const VOWELS = new Set('aeiouy');

/** Letters next to each other on a UK keyboard (same row or the row above or below, offset by one). */
function adjacentKeys(a: string, b: string): boolean {
  const find = (c: string) => {
    for (let r = 0; r < KEYBOARD_ROWS.length; r++) {
      const col = KEYBOARD_ROWS[r].indexOf(c);
      if (col >= 0) return [r, col];
    }
    return undefined;
  };
  const pa = find(a);
  const pb = find(b);
  if (!pa || !pb) return false;
  return Math.abs(pa[0] - pb[0]) <= 1 && Math.abs(pa[1] - pb[1]) <= 1;
}

/**
 * Whether `typed` could plausibly be a slip for `word` one edit away: a letter missed or doubled, two
 * letters swapped, a neighbouring key, or one vowel for another ("benifits"). A different real word
 * ("moving" for "mowing": v and w are far apart) usually fails this.
 */
export function plausibleTypo(typed: string, word: string): boolean {
  if (typed.length !== word.length) return true;
  let first = -1;
  let second = -1;
  for (let i = 0; i < typed.length; i++) {
    if (typed[i] === word[i]) continue;
    if (first < 0) first = i;
    else if (second < 0) second = i;
    else return false;
  }
  if (first < 0) return true;
  if (second >= 0) return second === first + 1 && typed[first] === word[second] && typed[second] === word[first];
  const x = typed[first];
  const y = word[first];
  return (VOWELS.has(x) && VOWELS.has(y)) || adjacentKeys(x, y);
}

const scratchRows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Interns words straight out of longer text: `scan` finds the same words as `tokenise` but recognises
 * each by two independent 32-bit hashes and its length, computed while scanning, so indexing a directory
 * allocates a string per distinct word rather than per word (about three times faster than a regular
 * expression plus a Map). Two different words would have to agree on length and on both hashes to be
 * confused: odds far below one in a billion for a directory's vocabulary.
 */
export class WordTable {
  readonly words: string[] = [];
  /** Word indexes found by the last `scan` (the first `count` it returned). */
  buffer = new Int32Array(256);
  private hashes: Int32Array;
  private hashes2: Int32Array;
  private lengths: Int32Array;
  private slots: Int32Array;
  private mask: number;

  constructor(capacity = 4096) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    this.hashes = new Int32Array(size >> 1);
    this.hashes2 = new Int32Array(size >> 1);
    this.lengths = new Int32Array(size >> 1);
  }

  get size(): number {
    return this.words.length;
  }

  /** The index of `word` (already normalised), adding it if new. */
  intern(word: string): number {
    let h = FNV_OFFSET;
    let g = 0;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      h = Math.imul(h ^ c, FNV_PRIME);
      g = (Math.imul(g, 31) + c) | 0;
    }
    return this.find(word, 0, word.length, h, g);
  }

  /** Puts the word indexes of `text`, in order, in `buffer` and returns how many. Same rules as `tokenise`. */
  scan(text: string): number {
    const lower = text.toLowerCase();
    const n = lower.length;
    let count = 0;
    let start = -1;
    let clean = true;
    let h = FNV_OFFSET;
    let g = 0;
    for (let i = 0; i <= n; i++) {
      const c = i < n ? lower.charCodeAt(i) : 32;
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
        if (start < 0) {
          start = i;
          clean = true;
          h = FNV_OFFSET;
          g = 0;
        }
        h = Math.imul(h ^ c, FNV_PRIME);
        g = (Math.imul(g, 31) + c) | 0;
        continue;
      }
      if (c > 127) {
        if (APOSTROPHE_CODES.has(c)) {
          if (start >= 0) clean = false;
          continue;
        }
        if (foldChar(c) !== '') {
          if (start < 0) start = i;
          clean = false;
          continue;
        }
      } else if (c === 39 || c === 96) {
        if (start >= 0) clean = false;
        continue;
      }
      if (start >= 0) {
        let id = -1;
        if (clean) id = this.find(lower, start, i, h, g);
        else {
          const word = cleanWord(lower, start, i);
          if (word !== '') id = this.intern(word);
        }
        if (id >= 0) count = this.push(count, id);
        start = -1;
      }
      if (c === 38) count = this.push(count, this.intern('and'));
    }
    return count;
  }

  private push(count: number, id: number): number {
    if (count === this.buffer.length) {
      const bigger = new Int32Array(this.buffer.length * 2);
      bigger.set(this.buffer);
      this.buffer = bigger;
    }
    this.buffer[count] = id;
    return count + 1;
  }

  private find(lower: string, start: number, end: number, h: number, g: number): number {
    const len = end - start;
    let slot = h & this.mask;
    for (;;) {
      const entry = this.slots[slot];
      if (entry === 0)
        return this.insert(start === 0 && end === lower.length ? lower : lower.slice(start, end), h, g, slot);
      const id = entry - 1;
      // Two independent 32-bit hashes and the length must all agree: telling words apart this way
      // rather than character by character is what makes the scan fast.
      if (this.hashes[id] === h && this.hashes2[id] === g && this.lengths[id] === len) return id;
      slot = (slot + 1) & this.mask;
    }
  }

  private insert(word: string, h: number, g: number, slot: number): number {
    const id = this.words.length;
    this.words.push(word);
    if (id >= this.hashes.length) {
      this.hashes = doubled(this.hashes);
      this.hashes2 = doubled(this.hashes2);
      this.lengths = doubled(this.lengths);
    }
    this.hashes[id] = h;
    this.hashes2[id] = g;
    this.lengths[id] = word.length;
    this.slots[slot] = id + 1;
    if (this.words.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const size = this.slots.length * 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let id = 0; id < this.words.length; id++) {
      let slot = this.hashes[id] & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = id + 1;
    }
  }
}

function doubled(arr: Int32Array): Int32Array {
  const bigger = new Int32Array(arr.length * 2);
  bigger.set(arr);
  return bigger;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
