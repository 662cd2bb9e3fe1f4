import * as v from 'valibot';
// Imported as text and parsed when first compiled (in idle time): a large object literal costs the panel's
// start-up its evaluation, a string costs almost nothing until it is used.
import vocabularyText from '../data/vocabulary.json?raw';

/** Node loaders without Vite's `?raw` (tsx, esbuild in the benches) hand over the parsed JSON instead. */
const bundledVocabulary = (): unknown =>
  typeof vocabularyText === 'string' ? JSON.parse(vocabularyText) : (vocabularyText as unknown);

import { categories } from './categories';
import { isFiller, STOPWORDS, stem, tokenise } from './search-text';

/**
 * The lay-language vocabulary (`data/vocabulary.json`): what patients say, linked to need categories and
 * to the words directories use. Validated on load so a bad edit gets a plain-English reason, not a
 * silently worse search.
 */

export interface VocabularyEntry {
  /** Everyday words, slang, misspellings or life events ("skint", "wife passed away"). */
  terms: string[];
  /** Need categories these terms point to strongly (may be empty when `also` is not). */
  categories: string[];
  /** Categories they point to more weakly. */
  also?: string[];
  /** Sector terms to search for as well ("benefits maximisation", "befriending"). */
  expands?: string[];
  /**
   * Who the terms say the patient is, when they say it ("his wife hits him": a man). Services only for
   * the other ("for women fleeing domestic abuse") are then shown lower.
   */
  person?: Person;
  /**
   * A need narrow enough that a service named for it ("After Suicide Support", "Parkinson's Friends") is
   * for it alone: such a service is shown lower when the words do not mention it. Entries sharing a
   * specialism ("cancer" for cancer and for terminal illness) count as mentioning each other's.
   */
  specialism?: string;
}

export type Person = 'man' | 'woman';

export interface VocabularyFile {
  version: 1;
  about?: string;
  /** Common misspelling → intended word. */
  spellings?: Record<string, string>;
  entries: VocabularyEntry[];
}

/** Weight of an `also` link relative to a `categories` link. */
export const ALSO_WEIGHT = 0.5;

/** Small words a phrase is written with that hurried typing leaves out (see `Compiler.result`). */
const DETERMINERS: ReadonlySet<string> = new Set(['a', 'an', 'the', 'his', 'her', 'my', 'their', 'our', 'your']);

/** What one vocabulary term (after merging every entry that lists it) means. */
export interface VocabularySense {
  /** The term as written in the vocabulary (first spelling seen). */
  term: string;
  /** Category id → weight (1 strong, ALSO_WEIGHT weak). */
  categories: Map<string, number>;
  /** Sector phrases as stemmed token lists. */
  expands: string[][];
  /** Who the term says the patient is; unset when no entry says, or entries listing it disagree. */
  person?: Person;
  /** The specialisms of the entries listing it (see `VocabularyEntry.specialism`). */
  specialisms?: string[];
}

export interface CompiledVocabulary {
  /** Stemmed tokens joined by spaces → sense. Includes single words and phrases. */
  senses: Map<string, VocabularySense>;
  /** Phrases with their stopwords removed (only when two or more words remain) → the full phrase key. */
  looseKeys: Map<string, string>;
  /** Most words in any phrase, full or loose. */
  maxPhraseWords: number;
  /** Single-word keys, sorted, for prefix and typo look-ups. */
  words: string[];
  /** Normalised misspelling → stemmed intended word. */
  spellings: Map<string, string>;
  /** Specialism → the stemmed terms of its entries: a service with one of them in its name is for it. */
  specialists: Map<string, string[][]>;
  /** A sector phrase's stemmed key → the phrase as the vocabulary writes it, for reasons shown to people. */
  sectorText: Map<string, string>;
  entryCount: number;
}

export class VocabularyError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The search vocabulary could not be used: ${problems.slice(0, 5).join(' ')}${problems.length > 5 ? ` (and ${problems.length - 5} more problems)` : ''}`,
    );
    this.name = 'VocabularyError';
  }
}

const knownCategories = () => new Set(categories.map((c) => c.id));

// Plain strings here: emptiness is caught below ("has no letters or numbers"), and per-item pipes made
// checking the 4,000-odd terms the slowest part of opening the panel.
const Text = v.string('must be text');
const TextList = (what: string) =>
  v.pipe(v.array(Text, `${what} must be a list of words`), v.minLength(1, `${what} must list at least one`));

const EntrySchema = v.strictObject(
  {
    terms: TextList('terms'),
    categories: v.array(Text, 'categories must be a list of category ids'),
    also: v.optional(v.array(Text, 'also must be a list of category ids')),
    expands: v.optional(v.array(Text, 'expands must be a list of words')),
    person: v.optional(v.picklist(['man', 'woman'], 'person must be "man" or "woman"')),
    specialism: v.optional(Text),
  },
  'is not a field an entry can have (use terms, categories, also, expands, person and specialism)',
);

const FileSchema = v.strictObject(
  {
    version: v.literal(1, 'version must be 1'),
    about: v.optional(v.string()),
    spellings: v.optional(v.record(v.string(), Text, 'spellings must map each misspelling to a word')),
    entries: v.pipe(v.array(v.unknown(), 'entries must be a list'), v.minLength(1, 'entries must not be empty')),
  },
  'The vocabulary file must be an object with "version", "spellings" and "entries" (and nothing else).',
);

/** Checks the shape and meaning of a vocabulary file, listing every problem found in plain English. */
export function parseVocabulary(data: unknown): VocabularyFile {
  const problems: string[] = [];
  const top = checkTop(data);
  const known = knownCategories();
  const entries: VocabularyEntry[] = [];
  top.entries.forEach((raw, index) => {
    const entry = checkEntry(raw, index, known, problems);
    if (entry) entries.push(entry);
  });
  checkSpellings(top.spellings, problems);
  if (problems.length > 0) throw new VocabularyError(problems);
  return { version: 1, about: top.about, spellings: top.spellings, entries };
}

function checkTop(data: unknown) {
  const top = v.safeParse(FileSchema, data);
  if (!top.success) throw new VocabularyError(top.issues.map((i) => describe('The vocabulary', i)));
  return top.output;
}

function checkEntry(raw: unknown, index: number, known: Set<string>, problems: string[]): VocabularyEntry | undefined {
  const label = `Entry ${index + 1}${firstTerm(raw)}`;
  const parsed = v.safeParse(EntrySchema, raw);
  if (!parsed.success) {
    for (const issue of parsed.issues) problems.push(describe(label, issue));
    return undefined;
  }
  const entry = parsed.output;
  if (entry.categories.length === 0 && (entry.also ?? []).length === 0)
    problems.push(`${label}: must point to at least one category, in "categories" or "also".`);
  for (const id of [...entry.categories, ...(entry.also ?? [])]) {
    if (!known.has(id))
      problems.push(`${label}: "${id}" is not a known category. Use one of: ${[...known].join(', ')}.`);
  }
  if (entry.specialism !== undefined && entry.specialism.trim() === '')
    problems.push(`${label}: specialism must name the need, or be left out.`);
  for (const term of [...entry.terms, ...(entry.expands ?? [])]) {
    const key = termKey(term);
    if (key.length === 0) problems.push(`${label}: "${term}" has no letters or numbers to search for.`);
    else keyCache.set(term, key);
  }
  return entry;
}

function checkSpellings(spellings: Record<string, string> | undefined, problems: string[]): void {
  for (const [wrong, right] of Object.entries(spellings ?? {})) {
    if (tokenise(wrong).length !== 1)
      problems.push(`Spelling "${wrong}" must be a single word (phrases belong in an entry's terms).`);
    if (tokenise(right).length !== 1) problems.push(`Spelling "${wrong}" must point to a single word, not "${right}".`);
  }
}

function firstTerm(raw: unknown): string {
  const terms = (raw as { terms?: unknown } | null)?.terms;
  return Array.isArray(terms) && typeof terms[0] === 'string' ? ` ("${terms[0]}")` : '';
}

function describe(label: string, issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue);
  return `${label}${path ? ` – ${path}` : ''}: ${issue.message}.`.replace(/\.\.$/, '.');
}

// Terms already split while checking, so compiling straight after does not split them again.
const keyCache = new Map<string, string[]>();

/** Stemmed tokens of a term, as the search index and query see them. */
export function termKey(term: string): string[] {
  const cached = keyCache.get(term);
  if (cached) return cached;
  return tokenise(term).map(stem);
}

export function compileVocabulary(file: VocabularyFile): CompiledVocabulary {
  try {
    return compile(file);
  } finally {
    keyCache.clear();
  }
}

function compile(file: VocabularyFile): CompiledVocabulary {
  const c = new Compiler();
  for (const entry of file.entries) c.add(entry);
  return c.result(file.spellings, file.entries.length);
}

/** Builds the compiled form one entry at a time, so the work can be spread over idle moments. */
class Compiler {
  private readonly senses = new Map<string, VocabularySense>();
  private readonly looseKeys = new Map<string, string>();
  private readonly merged = new Set<VocabularySense>();
  private readonly disputed = new Set<VocabularySense>();
  private maxPhraseWords = 1;
  private readonly specialists = new Map<string, string[][]>();
  private readonly sectorText = new Map<string, string>();

  private addLooseKey(tokens: string[], key: string): void {
    if (tokens.length < 3) return;
    const loose = tokens.filter((t) => !isFiller(t));
    if (loose.length >= 2 && loose.length < tokens.length) {
      const looseKey = loose.join(' ');
      if (!this.looseKeys.has(looseKey)) this.looseKeys.set(looseKey, key);
    }
  }

  add(entry: VocabularyEntry): void {
    const { senses, merged } = this;
    const expands: string[][] = [];
    for (const phrase of entry.expands ?? []) {
      const key = termKey(phrase);
      if (key.length === 0) continue;
      expands.push(key);
      // "meals on wheels", not the stemmed "meal on wheel".
      const joined = key.join(' ');
      if (!this.sectorText.has(joined)) this.sectorText.set(joined, phrase.toLowerCase());
    }
    const entryCategories = new Map<string, number>();
    for (const id of entry.also ?? []) entryCategories.set(id, ALSO_WEIGHT);
    for (const id of entry.categories) entryCategories.set(id, 1);
    const specialisms = entry.specialism ? [entry.specialism] : undefined;
    // This entry's terms join its specialism's list, found by the search in service names.
    let named: string[][] | undefined;
    if (entry.specialism) {
      named = this.specialists.get(entry.specialism) ?? [];
      this.specialists.set(entry.specialism, named);
    }
    for (const term of entry.terms) {
      const tokens = termKey(term);
      // A lone stopword ("me", "will") would fire on ordinary sentences.
      if (tokens.length === 0 || (tokens.length === 1 && STOPWORDS.has(tokens[0]))) continue;
      const key = tokens.join(' ');
      named?.push(tokens);
      let sense = senses.get(key);
      if (!sense) {
        // Terms listed once (nearly all) share their entry's lists; a second listing merges into copies.
        senses.set(key, { term, categories: entryCategories, expands, person: entry.person, specialisms });
        this.maxPhraseWords = Math.max(this.maxPhraseWords, tokens.length);
        this.addLooseKey(tokens, key);
        continue;
      }
      if (!merged.has(sense)) {
        sense = {
          term: sense.term,
          categories: new Map(sense.categories),
          expands: sense.expands.slice(),
          person: sense.person,
          specialisms: sense.specialisms?.slice(),
        };
        senses.set(key, sense);
        merged.add(sense);
      }
      // Listed as said of a man and of a woman, a term says neither, whatever later entries say.
      if (entry.person && sense.person !== entry.person && !this.disputed.has(sense)) {
        if (sense.person) this.disputed.add(sense);
        sense.person = sense.person ? undefined : entry.person;
      }
      for (const [id, w] of entryCategories) sense.categories.set(id, Math.max(sense.categories.get(id) ?? 0, w));
      if (entry.specialism && !sense.specialisms?.includes(entry.specialism))
        sense.specialisms = [...(sense.specialisms ?? []), entry.specialism];
      const seen = new Set(sense.expands.map((x) => x.join(' ')));
      for (const e of expands) if (!seen.has(e.join(' '))) sense.expands.push(e);
    }
  }

  result(spellingList: Record<string, string> | undefined, entryCount: number): CompiledVocabulary {
    const spellings = new Map<string, string>();
    for (const [wrong, right] of Object.entries(spellingList ?? {})) {
      const w = tokenise(wrong)[0];
      const r = termKey(right)[0];
      if (w && r && w !== r) spellings.set(w, r);
    }
    const { senses, looseKeys, maxPhraseWords } = this;
    // "get out the house", "kicked out the flat": everyday speech drops the "of" as often as not, and the
    // words left are small ones a loose phrase cannot lean on. Read them as the phrase written with it.
    for (const [key, sense] of [...senses]) {
      if (!key.includes('out of ')) continue;
      const short = key.replace(/(^| )out of /g, '$1out ');
      if (!senses.has(short)) senses.set(short, sense);
    }
    // "since losing his wife": a death is told as it happens as often as after it ("lost his wife").
    for (const [key, sense] of [...senses]) {
      if (!key.startsWith('lost ') || sense.categories.get('bereavement') !== 1) continue;
      const losing = `losing ${key.slice(5)}`;
      if (!senses.has(losing)) senses.set(losing, sense);
    }
    // "brother took own life", "new to area": hurried typing drops the articles and "his" or "her" that a
    // phrase is written with, and the words left are all small ones a loose phrase cannot match on.
    for (const [key, sense] of [...senses]) {
      const tokens = key.split(' ');
      // Last in a phrase, "her" is the person ("scared of her"), not a word that can go.
      const short = tokens.filter((t, i) => i === tokens.length - 1 || !DETERMINERS.has(t));
      if (short.length >= 2 && short.length < tokens.length && !senses.has(short.join(' ')))
        senses.set(short.join(' '), sense);
    }
    const words = [...senses.keys()].filter((k) => !k.includes(' ')).sort();
    return {
      senses,
      looseKeys,
      maxPhraseWords,
      words,
      spellings,
      specialists: this.specialists,
      sectorText: this.sectorText,
      entryCount,
    };
  }
}

/**
 * Checks and compiles a vocabulary file a few entries at a time (`run`), so the side panel can do it in idle
 * moments after opening instead of in one long task a keystroke would wait behind. Same result and the same
 * errors as `compileVocabulary(parseVocabulary(data))`.
 */
export class VocabularyBuilder {
  private readonly top: ReturnType<typeof checkTop>;
  private readonly known = knownCategories();
  private readonly problems: string[] = [];
  private readonly compiler = new Compiler();
  private next = 0;

  constructor(data: unknown) {
    this.top = checkTop(data);
  }

  get done(): boolean {
    return this.next >= this.top.entries.length;
  }

  /** Checks and compiles up to `count` more entries. */
  run(count: number): void {
    const { entries } = this.top;
    const until = Math.min(entries.length, this.next + count);
    for (; this.next < until; this.next++) {
      const entry = checkEntry(entries[this.next], this.next, this.known, this.problems);
      if (entry && this.problems.length === 0) this.compiler.add(entry);
    }
  }

  finish(): CompiledVocabulary {
    try {
      this.run(Number.POSITIVE_INFINITY);
      checkSpellings(this.top.spellings, this.problems);
      if (this.problems.length > 0) throw new VocabularyError(this.problems);
      return this.compiler.result(this.top.spellings, this.top.entries.length);
    } finally {
      keyCache.clear();
    }
  }
}

let bundled: CompiledVocabulary | undefined;
let bundledBuilder: VocabularyBuilder | undefined;

/** The bundled vocabulary, validated and compiled once. */
export function defaultVocabulary(): CompiledVocabulary {
  if (!bundled) {
    bundledBuilder ??= new VocabularyBuilder(bundledVocabulary());
    bundled = bundledBuilder.finish();
    bundledBuilder = undefined;
  }
  return bundled;
}

/**
 * Does a slice of the bundled vocabulary's one-off work (checking and compiling `count` entries). Returns
 * true once it is all done, so the caller can stop scheduling idle slices.
 */
export function prepareDefaultVocabulary(count: number): boolean {
  if (bundled) return true;
  bundledBuilder ??= new VocabularyBuilder(bundledVocabulary());
  bundledBuilder.run(count);
  if (!bundledBuilder.done) return false;
  defaultVocabulary();
  return true;
}
