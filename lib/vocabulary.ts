import * as v from 'valibot';
import vocabularyData from '../data/vocabulary.json';
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
}

export interface VocabularyFile {
  version: 1;
  about?: string;
  /** Common misspelling → intended word. */
  spellings?: Record<string, string>;
  entries: VocabularyEntry[];
}

/** Weight of an `also` link relative to a `categories` link. */
export const ALSO_WEIGHT = 0.5;

/** What one vocabulary term (after merging every entry that lists it) means. */
export interface VocabularySense {
  /** The term as written in the vocabulary (first spelling seen). */
  term: string;
  /** Category id → weight (1 strong, ALSO_WEIGHT weak). */
  categories: Map<string, number>;
  /** Sector phrases as stemmed token lists. */
  expands: string[][];
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
  },
  'is not a field an entry can have (use terms, categories, also and expands)',
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
  const top = v.safeParse(FileSchema, data);
  if (!top.success) {
    throw new VocabularyError(top.issues.map((i) => describe('The vocabulary', i)));
  }
  const known = knownCategories();
  const entries: VocabularyEntry[] = [];
  top.output.entries.forEach((raw, index) => {
    const label = `Entry ${index + 1}${firstTerm(raw)}`;
    const parsed = v.safeParse(EntrySchema, raw);
    if (!parsed.success) {
      for (const issue of parsed.issues) problems.push(describe(label, issue));
      return;
    }
    const entry = parsed.output;
    if (entry.categories.length === 0 && (entry.also ?? []).length === 0)
      problems.push(`${label}: must point to at least one category, in "categories" or "also".`);
    for (const id of [...entry.categories, ...(entry.also ?? [])]) {
      if (!known.has(id))
        problems.push(`${label}: "${id}" is not a known category. Use one of: ${[...known].join(', ')}.`);
    }
    for (const term of [...entry.terms, ...(entry.expands ?? [])]) {
      const key = termKey(term);
      if (key.length === 0) problems.push(`${label}: "${term}" has no letters or numbers to search for.`);
      else keyCache.set(term, key);
    }
    entries.push(entry);
  });
  for (const [wrong, right] of Object.entries(top.output.spellings ?? {})) {
    if (tokenise(wrong).length !== 1)
      problems.push(`Spelling "${wrong}" must be a single word (phrases belong in an entry's terms).`);
    if (tokenise(right).length !== 1) problems.push(`Spelling "${wrong}" must point to a single word, not "${right}".`);
  }
  if (problems.length > 0) throw new VocabularyError(problems);
  return { version: 1, about: top.output.about, spellings: top.output.spellings, entries };
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
  const senses = new Map<string, VocabularySense>();
  const looseKeys = new Map<string, string>();
  let maxPhraseWords = 1;
  const merged = new Set<VocabularySense>();
  const addLooseKey = (tokens: string[], key: string) => {
    if (tokens.length < 3) return;
    const loose = tokens.filter((t) => !isFiller(t));
    if (loose.length >= 2 && loose.length < tokens.length) {
      const looseKey = loose.join(' ');
      if (!looseKeys.has(looseKey)) looseKeys.set(looseKey, key);
    }
  };
  for (const entry of file.entries) {
    const expands = (entry.expands ?? []).map(termKey).filter((k) => k.length > 0);
    const entryCategories = new Map<string, number>();
    for (const id of entry.also ?? []) entryCategories.set(id, ALSO_WEIGHT);
    for (const id of entry.categories) entryCategories.set(id, 1);
    for (const term of entry.terms) {
      const tokens = termKey(term);
      // A lone stopword ("me", "will") would fire on ordinary sentences.
      if (tokens.length === 0 || (tokens.length === 1 && STOPWORDS.has(tokens[0]))) continue;
      const key = tokens.join(' ');
      let sense = senses.get(key);
      if (!sense) {
        // Terms listed once (nearly all) share their entry's lists; a second listing merges into copies.
        senses.set(key, { term, categories: entryCategories, expands });
        maxPhraseWords = Math.max(maxPhraseWords, tokens.length);
        addLooseKey(tokens, key);
        continue;
      }
      if (!merged.has(sense)) {
        sense = { term: sense.term, categories: new Map(sense.categories), expands: sense.expands.slice() };
        senses.set(key, sense);
        merged.add(sense);
      }
      for (const [id, w] of entryCategories) sense.categories.set(id, Math.max(sense.categories.get(id) ?? 0, w));
      const seen = new Set(sense.expands.map((x) => x.join(' ')));
      for (const e of expands) if (!seen.has(e.join(' '))) sense.expands.push(e);
    }
  }
  const spellings = new Map<string, string>();
  for (const [wrong, right] of Object.entries(file.spellings ?? {})) {
    const w = tokenise(wrong)[0];
    const r = termKey(right)[0];
    if (w && r && w !== r) spellings.set(w, r);
  }
  const words = [...senses.keys()].filter((k) => !k.includes(' ')).sort();
  return { senses, looseKeys, maxPhraseWords, words, spellings, entryCount: file.entries.length };
}

let bundled: CompiledVocabulary | undefined;

/** The bundled vocabulary, validated and compiled once. */
export function defaultVocabulary(): CompiledVocabulary {
  bundled ??= compileVocabulary(parseVocabulary(vocabularyData));
  return bundled;
}
