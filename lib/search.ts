import { categoryLabel } from './categories';
import { isOrdinaryWord } from './ordinary-words';
import { wordSet } from './query-words';
import {
  boundedEditDistance,
  isFiller,
  plausibleTypo,
  readIllnessCapitals,
  STOPWORDS,
  stem,
  tokenise,
  typoBudget,
  WordTable,
} from './search-text';
import type { Asset, SearchFilters } from './types';
import {
  type CompiledVocabulary,
  defaultVocabulary,
  type Person,
  prepareDefaultVocabulary,
  type VocabularySense,
} from './vocabulary';

/**
 * Directory search for the receptionist: lay words in, ranked local assets out, with reasons.
 *
 * Built once per directory (`createAssetSearch`): an inverted index (term → assets, with a weight for the
 * best field the term appears in) over name, organisation, keywords, description, area and eligibility.
 * Each keystroke tokenises the query, reads lay phrases through the vocabulary (categories + sector
 * terms), resolves each word to index terms (exact, prefix for the word being typed, bounded-edit-distance
 * typos over the distinct terms, never over assets), and scores only the assets those terms point to,
 * in reused typed arrays.
 */
export interface SearchHit {
  asset: Asset;
  score: number;
  /** Plain-English reasons this asset matched, e.g. `"skint" → Money, debt and benefits`. */
  why: string[];
}

export interface CategorySuggestion {
  category: string;
  /** The words in the query that pointed to it. */
  because: string[];
}

export interface AssetSearch {
  /** Best first; inactive assets never. `limit` caps the number of hits returned (default: all). */
  search(query: string, filters?: SearchFilters, limit?: number): SearchHit[];
  /** Need categories the query's words point to, best first (for chips and the "find the need" step). */
  suggestCategories(query: string): CategorySuggestion[];
  /**
   * Optional warm-up: compiles the vocabulary and the typo and prefix tables now (tens of milliseconds)
   * instead of on the first keystroke. Call it when the panel is idle after opening.
   */
  prepare?(): void;
  /**
   * Starts that warm-up in idle slices. A restored search does so itself unless told to wait
   * (`SearchOptions.prepareLater`), as the panel does until it knows its quick copy is current.
   */
  prepareWhenIdle?(): void;
  /** The finished text index, to store for the next panel open (`restoreAssetSearch`). */
  exportIndex(): PackedIndex;
  /**
   * Swaps in the full records for the trimmed ones a restored search starts with, in place, so hits
   * already on screen (and anything holding them) gain phone numbers, descriptions and the rest.
   */
  completeAssets(full: Asset[]): void;
}

/**
 * The text index in the form it is stored between panel opens: compressed rows of postings, with the
 * weight of each posting left out because it follows from the fields the term was found in.
 */
export interface PackedIndex {
  /** Number of (active) assets indexed, in the order they were given. */
  assets: number;
  /** Index terms joined by newlines (terms never contain one). */
  terms: string;
  postStart: Int32Array;
  /** 16-bit when the directory has fewer than 65,536 assets: half the bytes to read at open. */
  postAsset: Uint16Array | Int32Array;
  postFields: Uint8Array;
  /** Every field each term appears in, over all assets. */
  termFields: Uint8Array;
  nameWords: Uint8Array;
  /** Per-asset filter codes and category membership, so opening the panel does not work them out again. */
  filters: PackedFilters;
}

export interface PackedFilters {
  cost: Uint8Array;
  referral: Uint8Array;
  delivery: Uint8Array;
  minAge: Float32Array;
  maxAge: Float32Array;
  catBits: Uint32Array;
  categoryBit: [string, number][];
  catMembers: [string, Int32Array][];
  /** Day (since 1970) each asset was last verified, NaN if never: the quality rules, without the assets. */
  verifiedDay: Float32Array;
  /** Waiting time in weeks, 0 if none given. */
  waitingWeeks: Float32Array;
  /** Each asset's area as a number into `areas` (0: none). */
  areaOf: Uint16Array;
  areas: string[];
}

/**
 * Assets a restored search makes only when first needed (`count` of them, in index order), so restoring
 * it at panel open costs no more than the index itself.
 */
export interface LazyAssets {
  count: number;
  build: () => Asset[];
}

export interface SearchOptions {
  /** ISO date used for recency ranking; defaults to today. */
  today?: string;
  /** Months after which "last verified" no longer counts as recent (default 6, as the staleness flag). */
  staleAfterMonths?: number;
  /** Areas counted as local (matched against each asset's `area`); local assets rank above equal others. */
  localAreas?: string[];
  /** Lay-language vocabulary; defaults to the bundled `data/vocabulary.json`. */
  vocabulary?: CompiledVocabulary;
  /**
   * When to build the text index: `now`, or `when-idle` (in slices when the page is idle, finished at
   * once by the first query). Defaults to `when-idle` where the page has `requestIdleCallback`.
   */
  buildIndex?: 'now' | 'when-idle';
  /**
   * A restored search leaves its idle warm-up to the caller's `prepareWhenIdle`, so nothing runs in the
   * idle time before the caller knows it will use this search at all.
   */
  prepareLater?: boolean;
}

// Field bits and the weight of a term found in each.
const NAME = 1;
const ORG = 2;
const KEYWORD = 4;
const DESC = 8;
const AREA = 16;
const OTHER = 32;
const LANGUAGE = 64;
const NAME_OR_ORG = NAME | ORG;
const FIELD_WEIGHT: Record<number, number> = {
  [NAME]: 1,
  [ORG]: 0.75,
  [KEYWORD]: 0.85,
  [DESC]: 0.45,
  [AREA]: 0.4,
  [OTHER]: 0.3,
  // A language the patient speaks, named in the query, is as telling as a keyword.
  [LANGUAGE]: 0.85,
};

/**
 * A posting's weight follows from the fields its term was found in: the best field's weight, plus a little
 * for each further field (a term in several fields of one asset is a stronger signal than the best alone).
 */
const WEIGHT_OF_FIELDS = Float32Array.from({ length: 128 }, (_, f) => {
  let best = 0;
  for (const bit of [NAME, ORG, KEYWORD, DESC, AREA, OTHER, LANGUAGE])
    if (f & bit) best = Math.max(best, FIELD_WEIGHT[bit]);
  return (f & (f - 1)) !== 0 ? Math.min(1.25, best + 0.1 * (popcount(f) - 1)) : best;
});

function idfOf(start: Int32Array, terms: number, n: number): Float32Array {
  const idf = new Float32Array(terms);
  const norm = Math.log(1 + Math.max(n, 2));
  for (let t = 0; t < terms; t++) idf[t] = Math.log(1 + n / (start[t + 1] - start[t])) / norm;
  return idf;
}

// Scoring constants (tuned on the `tune`, `tune2` and `tune3` splits of bench/eval-queries.json only).
const CATEGORY_SCORE = 0.55;
const EXPANSION_SCORE = 0.5;
const SECOND_SIGNAL = 0.35;
const PHRASE_BONUS = 1.6;
const PHRASE_OUTSIDE = 0.5;
const EXTRA_CATEGORY = 0.3;
const EXTRA_EXPANSION = 0.3;
const COVERAGE_FLOOR = 0.35;
const CATEGORY_IDF_SCALE = 2;
const CREDIT_FRACTION = 0.75;
const QUALITY_WEIGHT = 0.2;
const MAX_UNITS = 12;
const PREFIX_NAME_CAP = 200;
const PREFIX_FULL_CAP = 24;
const FUZZY_CAP = 3;
const CACHE_CAP = 4000;
const MAX_KEY_SCORE = 2 ** 33;
// Context words (see demoteContextWords): only in queries of at least this many words that name a need,
// and only words at least this common (idf on the 0–1 scale of the index; 0.6 ≈ in one asset in twenty).
const CONTEXT_MIN_UNITS = 3;
const CONTEXT_IDF = 0.6;
// Every need a sentence names gets a service among the first NEED_PLACES results, from this place on, if its
// best service scores at least NEED_MIN_SHARE of the top one.
const NEED_PLACES = 5;
const NEED_FIRST_SLOT = 2;
const NEED_MIN_SHARE = 0.4;
// Small words a loose phrase may skip between two of its words. "cant really get to hospital" is one
// thought; "mum is on her own all day and gets really lonely" is two ("mum", "lonely"), not "new mum lonely".
const LOOSE_GAP = 4;
// Share of "covering the query" a word the vocabulary does not know is worth beside one that names a need.
const PLAIN_SPEC = 0.5;
// Share of "covering the query" for a word that only repeats needs earlier words named ("cant pay", "rent").
const REPEAT_SPEC = 0.5;
// Weight of a category link to an asset that lists the category after its main one (its first): a walking
// group for the bereaved is in "physical activity", but an activity is not what it is for.
const SIDE_CATEGORY = 0.9;
/** How receptionists and patients frame a request: never the need itself. */
const CONTEXT_WORDS: ReadonlySet<string> = wordSet('asking-words');

/**
 * Words that say someone young is involved. Without one (or an age), a service only for young people (upper
 * age limit YOUTH_MAX_AGE or under) fits few of the people a surgery front desk asks about, so it ranks
 * lower. With one it keeps its score and no more: "autistic son" is a young person, but the parent asking
 * is the one who needs the support.
 */
const YOUTH_WORDS: ReadonlySet<string> = wordSet('young-person-words');
const YOUTH_MAX_AGE = 25;
// At 0.8 young people's counselling still took one of the first five places in 14 tune queries that missed a
// service; 0.5 to 0.3 scored alike.
const YOUTH_ONLY = 0.5;
/**
 * An age said in the query that falls inside a service's age band ("12 yr old" and young carers aged 8 to 17)
 * is strong evidence the service fits. 1.1 was too timid for the blind query sets; 1.5 to 2 scored alike.
 */
const AGE_FITS = 1.5;
/** A service from this age up ("over 55s", "60 and over") is made for older people, as a band is for its ages. */
const OLDER_MIN_AGE = 50;
// A service only for women, when the words say the patient is a man (or the other way round): still
// listed, lower down. "his wife hits him" should not open on a women's refuge.
const OTHER_PERSON = 0.3;
// A service named for a narrow need (suicide bereavement, baby loss, Parkinson's, cancer: an entry's
// "specialism" in the vocabulary), when the words do not mention it: still listed, lower down. At 0.5 it
// lifted the 5,027 tune queries from 0.9092 to 0.9146 (76 better, none worse). Later, over 5,473: 0.3 scored
// 0.9085, 0.5 0.9080, 0.7 0.9067; 0.5 kept, as 0.3 hides more of what may still be wanted.
const SPECIALIST_UNSAID = 0.5;
// In a sentence of SENTENCE_UNITS words or more, one of them in a service's name ("friends" in "Parkinson's
// Friends", "talk" in "Walk and Talk") is mostly coincidence: it weighs NAME_IN_SENTENCE of a name match.
// A name typed whole still gets the name bonus. 0.5 from 0.3 to 0.75 over the tune splits (+0.002).
const SENTENCE_UNITS = 4;
const NAME_IN_SENTENCE = 0.5;
// Words a service uses to say who it is for, as the index stems them.
const SAID_OF: Record<Person, string[]> = {
  woman: ['women', 'woman', 'female'],
  man: ['men', 'male', 'dad', 'father'],
};

const WORK_WORDS: ReadonlySet<string> = new Set(['work', 'works', 'working']);
/** After "at", where someone studies is where they are: "at college", "at uni". */
const STUDY_PLACES: ReadonlySet<string> = new Set(['college', 'uni', 'university']);
/** "not at college", "not working or at college": not being there is the need. */
const NOT_AT: ReadonlySet<string> = new Set(['not', 'never', 'isnt', 'wasnt', 'no']);
/** The caller's worry, when it is about someone: "I worry about her", "worried about my dad". */
const WORRY_WORDS: ReadonlySet<string> = new Set(['worry', 'worries', 'worried', 'worrying']);
const WORRIED_ABOUT: ReadonlySet<string> = wordSet('worried-about');
/** Said between the worry and the person: "worried about my dad", "worried the old lady next door...". */
const WORRIED_LINKS: ReadonlySet<string> = new Set(['about', 'my', 'her', 'his', 'our', 'the', 'for']);

/** Whether the worry word at `k` is about a person: the one asking is worried; the person has the need. */
function worriedAboutSomeone(raw: string[], k: number): boolean {
  return WORRY_WORDS.has(raw[k]) && aboutSomeone(raw, k + 1);
}
/** Whether the words from `from` name a person the worry is about: "about her son", "my dad". */
function aboutSomeone(raw: string[], from: number): boolean {
  for (let j = from; j < raw.length && j <= from + 2; j++) {
    if (WORRIED_ABOUT.has(raw[j])) return true;
    if (!WORRIED_LINKS.has(raw[j])) return false;
  }
  return false;
}
/**
 * Whether the word at `k` only says where or when someone is, or that the one asking is worried, and so is
 * not itself a need: "partners back at work", "works full time", "19 and at college", "I worry about her".
 */
function onlyWhereOrWho(raw: string[], k: number): boolean {
  const word = raw[k];
  if (WORK_WORDS.has(word)) return WORK_PLACE.has(raw[k - 1]) || WORK_HOURS.has(raw[k + 1]) || operating(raw, k);
  if (STUDY_PLACES.has(word)) return raw[k - 1] === 'at' && !NOT_AT.has(raw[k - 2]) && !NOT_AT.has(raw[k - 4]);
  return worriedAboutSomeone(raw, k);
}

/** "cant work the app", "nan cant work her ipad", "cant work out the journal": using a thing, not a job. */
function operating(raw: string[], k: number): boolean {
  return raw[k] === 'work' && CANT_WORDS.has(raw[k - 1]) && WORKED_THINGS.has(raw[k + 1]);
}
const CANT_WORDS: ReadonlySet<string> = new Set(['cant', 'cannot', 'can', 'couldnt', 'how']);
const WORKED_THINGS: ReadonlySet<string> = new Set('the his her my their it this that out'.split(' '));

/** Before "work", these make it a place or a time: "at work", "after work". */
const WORK_PLACE: ReadonlySet<string> = new Set(['at', 'after', 'before', 'from']);
/** After it, these make it hours or a place: "works all day", "work full time", "works away". */
const WORK_HOURS: ReadonlySet<string> = new Set(['all', 'full', 'nights', 'shifts', 'lates', 'away']);

/** When something is or was: "till friday", "since yesterday". */
const WHEN_WORDS: ReadonlySet<string> = wordSet('when-words');

/** "next week", "last month": a time said with its span, never a need, nor a service named "Next Step…". */
const WHEN_LEADS: ReadonlySet<string> = new Set(['next', 'last', 'coming', 'past']);
const WHEN_SPANS: ReadonlySet<string> = new Set([...WHEN_WORDS, ...wordSet('when-spans')]);

/** How something happened, said inside a phrase ("mum sadly died"): skipped like small words there. */
const PHRASE_ADVERBS: ReadonlySet<string> = wordSet('phrase-adverbs');

/** Said before a feeling to make it stronger: "dead lonely", "proper down". */
const INTENSIFIERS: ReadonlySet<string> = new Set(['dead', 'proper', 'right']);
const INTENSIFIED: ReadonlySet<string> = wordSet('intensified');

type MatchKind = 'exact' | 'prefix' | 'variant' | 'typo' | 'spelling';

interface TermMatch {
  id: number;
  quality: number;
  kind: MatchKind;
}

interface SenseMatch {
  sense: VocabularySense;
  /** The words the receptionist typed that led here. */
  typed: string;
  /** The vocabulary word reached when it differs from what was typed (typo or prefix). */
  via?: string;
  kind: MatchKind;
  quality: number;
}

interface Unit {
  /** What was typed for this unit (normalised words). */
  typed: string;
  /** One list of matches per content word (a phrase unit has several, scored together). */
  words: TermMatch[][];
  senses: SenseMatch[];
  /** Counts towards score but not towards "how much of the query matched" (a word half typed, a number). */
  optional: boolean;
  /** Where a typed word was read as another ("lonley" → "lonely"). */
  corrections: [string, string][];
  concept?: Concept;
  /** A single word the vocabulary has no sense for. */
  plain?: boolean;
}

interface Concept {
  members: Int32Array[];
  weights: number[];
  /** The category id of each member list. */
  categories: string[];
  /** The number each category has in `mainCategory`. */
  categoryNumbers: number[];
  expansions: Expansion[];
  quality: number;
  /** The strongest category link (1, or ALSO_WEIGHT for words that only weakly point to a need). */
  strongest: number;
}

interface CompiledFilter {
  active: boolean;
  byCategory: boolean;
  catBits: number;
  catList?: Set<string>;
  byCost: boolean;
  costBits: number;
  byReferral: boolean;
  referralBits: number;
  byDelivery: boolean;
  deliveryBits: number;
  age?: number;
}

interface TokenResolution {
  terms: TermMatch[];
  senses: { sense: VocabularySense; via: string; kind: MatchKind; quality: number }[];
  corrected?: string;
}

interface Expansion {
  text: string;
  assets: Int32Array;
  weights: Float32Array;
}

export function createAssetSearch(assets: Asset[], options: SearchOptions = {}): AssetSearch {
  const index = new SearchIndex(
    assets.filter((a) => a && a.status !== 'inactive'),
    options,
  );
  // In a browser page the text index is built in idle slices, so the panel opens without waiting for
  // it; a query that arrives first finishes it on the spot. Elsewhere (Node, tests) it is built now.
  const idle = pageIdleScheduler();
  const when = options.buildIndex ?? (idle ? 'when-idle' : 'now');
  if (when === 'now' || !idle) index.ensureIndex();
  else index.indexWhenIdle(idle);
  return api(index);
}

/**
 * A search over a stored index (`exportIndex`), so opening the panel skips reading every description and
 * re-indexing them. `assets` are the indexed (active) assets in the same order, or how to make them on
 * first need (`LazyAssets`); they may be trimmed to the fields filters and the results list use, and
 * completed later (`completeAssets`). Ranking reads only the stored columns. Throws when the packed index
 * does not fit, so the caller can rebuild instead.
 */
export function restoreAssetSearch(
  assets: Asset[] | LazyAssets,
  packed: PackedIndex,
  options: SearchOptions = {},
): AssetSearch {
  const index = new SearchIndex(assets, options, packed);
  // The index is complete; what the first keystroke would still build (vocabulary, prefix and typo tables)
  // is built when the page is next idle.
  const idle = pageIdleScheduler();
  if (idle && !options.prepareLater) index.prepareWhenIdle(idle);
  return api(index);
}

function api(index: SearchIndex): AssetSearch {
  return {
    search: (query, filters, limit) => index.search(query, filters ?? {}, limit),
    suggestCategories: (query) => index.suggestCategories(query),
    prepare: () => index.prepare(),
    prepareWhenIdle: () => {
      const idle = pageIdleScheduler();
      if (idle) index.prepareWhenIdle(idle);
    },
    exportIndex: () => index.exportIndex(),
    completeAssets: (full) => index.completeAssets(full),
  };
}

class SearchIndex {
  /** Made from `pendingAssets` on first need when restored from a stored index (the `assets` getter). */
  private assetList: Asset[];
  private pendingAssets?: () => Asset[];
  private vocabulary?: CompiledVocabulary;
  readonly n: number;
  // Terms and postings (compressed rows: postings of term t are [postStart[t], postStart[t + 1])).
  readonly termIds = new Map<string, number>();
  readonly termText: string[] = [];
  postStart!: Int32Array;
  /** 16-bit below 65,536 assets: half the memory, and half the bytes stored for the next panel open. */
  postAsset!: Uint16Array | Int32Array;
  postFields!: Uint8Array;
  idf!: Float32Array;
  termFields!: Uint8Array;
  // Per asset.
  readonly quality: Float32Array;
  readonly nameWords: Uint8Array;
  readonly catMembers = new Map<string, Int32Array>();
  readonly cost: Uint8Array;
  readonly referral: Uint8Array;
  readonly delivery: Uint8Array;
  readonly minAge: Float32Array;
  readonly maxAge: Float32Array;
  readonly verifiedDay: Float32Array;
  readonly waitingWeeks: Float32Array;
  readonly areaOf: Uint16Array;
  readonly areas: string[] = [''];
  // Scratch, reused by every keystroke.
  private readonly total: Float32Array;
  private readonly coverage: Float32Array;
  private readonly mask: Uint32Array;
  private readonly nameMask: Uint32Array;
  private readonly conceptMask: Uint32Array;
  private readonly stamp: Uint32Array;
  private readonly touched: Int32Array;
  private readonly unitText: Float32Array;
  private readonly unitCat: Float32Array;
  private readonly unitCatSum: Float32Array;
  private readonly unitExp: Float32Array;
  private readonly unitName: Uint8Array;
  private readonly unitWords: Uint8Array;
  private readonly unitStamp: Uint32Array;
  private readonly unitTouched: Int32Array;
  /** Per unit: category weight not already given by an earlier unit, then the unit's score with only that. */
  private unitFresh?: Float32Array;
  /** Per unit: sum of the sector-term scores (unitExp keeps the best). */
  private unitExpSum?: Float32Array;
  /** Per asset, the units it comes close to the best match for (see showEveryNeed). */
  private strongMask?: Uint32Array;
  private readonly finalScore: Float64Array;
  private readonly sortKeys: Float64Array;
  readonly catBits: Uint32Array;
  readonly categoryBit = new Map<string, number>();
  private epoch = 0;
  private unitEpoch = 0;
  // Built on first need, so opening the panel does not pay for them.
  private sorted?: { text: string[]; ids: Int32Array; nameText: string[]; nameIds: Int32Array };
  private fuzzy?: { byLength: string[][]; masks: Uint32Array[]; source: Uint8Array[] };
  private builder?: PostingsBuilder;
  private readonly resolutions = new Map<string, TokenResolution>();
  /** Per asset, the number (in `categoryNumber`) of its main category, the first it lists; built on first need. */
  private mainCategory?: Int32Array;
  private readonly categoryNumber = new Map<string, number>();
  private readonly expansions = new Map<string, Expansion | null>();

  constructor(assets: Asset[] | LazyAssets, options: SearchOptions, packed?: PackedIndex) {
    const lazy = !Array.isArray(assets);
    this.assetList = lazy ? [] : assets;
    if (lazy) this.pendingAssets = assets.build;
    this.vocabulary = options.vocabulary;
    const n = lazy ? assets.count : assets.length;
    this.n = n;
    this.quality = new Float32Array(n);
    this.nameWords = new Uint8Array(n);
    this.cost = new Uint8Array(n);
    this.referral = new Uint8Array(n);
    this.delivery = new Uint8Array(n);
    this.minAge = new Float32Array(n);
    this.maxAge = new Float32Array(n);
    this.verifiedDay = new Float32Array(n);
    this.waitingWeeks = new Float32Array(n);
    this.areaOf = new Uint16Array(n);
    this.total = new Float32Array(n);
    this.coverage = new Float32Array(n);
    this.mask = new Uint32Array(n);
    this.nameMask = new Uint32Array(n);
    this.conceptMask = new Uint32Array(n);
    this.stamp = new Uint32Array(n);
    this.touched = new Int32Array(n);
    this.unitText = new Float32Array(n);
    this.unitCat = new Float32Array(n);
    this.unitCatSum = new Float32Array(n);
    this.unitExp = new Float32Array(n);
    this.unitName = new Uint8Array(n);
    this.unitWords = new Uint8Array(n);
    this.unitStamp = new Uint32Array(n);
    this.unitTouched = new Int32Array(n);
    this.finalScore = new Float64Array(n);
    this.sortKeys = new Float64Array(n);
    this.catBits = new Uint32Array(n);
    if (packed) this.restoreFilters(packed.filters);
    else this.describeAssets();
    this.rateAssets(options);
    if (packed) this.restore(packed);
    else this.builder = new PostingsBuilder(this);
  }

  private restore(p: PackedIndex): void {
    const terms = p.terms === '' ? [] : p.terms.split('\n');
    const t = terms.length;
    const count = p.postAsset.length;
    if (
      p.assets !== this.n ||
      p.postStart.length !== t + 1 ||
      p.postStart[t] !== count ||
      p.postFields.length !== count ||
      p.termFields?.length !== t ||
      p.nameWords.length !== this.n
    )
      throw new Error(`Stored search index does not fit this directory (${p.assets} assets indexed, ${this.n} given).`);
    for (let i = 0; i < t; i++) {
      this.termText.push(terms[i]);
      this.termIds.set(terms[i], i);
    }
    this.nameWords.set(p.nameWords);
    this.postStart = p.postStart;
    this.postAsset = p.postAsset;
    this.postFields = p.postFields;
    this.termFields = p.termFields;
    this.idf = idfOf(p.postStart, t, this.n);
  }

  exportIndex(): PackedIndex {
    this.ensureIndex();
    return {
      assets: this.n,
      terms: this.termText.join('\n'),
      postStart: this.postStart,
      postAsset: this.postAsset,
      postFields: this.postFields,
      termFields: this.termFields,
      nameWords: this.nameWords,
      filters: {
        cost: this.cost,
        referral: this.referral,
        delivery: this.delivery,
        minAge: this.minAge,
        maxAge: this.maxAge,
        catBits: this.catBits,
        categoryBit: [...this.categoryBit],
        catMembers: [...this.catMembers],
        verifiedDay: this.verifiedDay,
        waitingWeeks: this.waitingWeeks,
        areaOf: this.areaOf,
        areas: [...this.areas],
      },
    };
  }

  /**
   * The indexed assets. A search restored from a stored index makes them from the stored list on first
   * need (a query, idle time, or completing them), so opening the panel only restores the index.
   */
  get assets(): Asset[] {
    const build = this.pendingAssets;
    if (build) {
      this.pendingAssets = undefined;
      const list = build();
      if (list.length !== this.n) throw new Error(`Stored assets do not fit the index (${list.length} for ${this.n}).`);
      this.assetList = list;
    }
    return this.assetList;
  }

  completeAssets(full: Asset[]): void {
    const byId = new Map<string, Asset>();
    for (const a of full) if (a && typeof a.id === 'string') byId.set(a.id, a);
    for (const trimmed of this.assets) {
      const whole = byId.get(trimmed.id);
      if (whole && whole !== trimmed) Object.assign(trimmed, whole);
    }
  }

  /** Compiled on first use, so opening the panel pays only for the index. */
  get vocab(): CompiledVocabulary {
    this.vocabulary ??= defaultVocabulary();
    return this.vocabulary;
  }

  /** Does now the one-off work the first keystroke would otherwise do. */
  prepare(): void {
    this.ensureIndex();
    void this.vocab;
    this.ensureSorted();
    this.ensureFuzzy();
  }

  // ── building ─────────────────────────────────────────────────────────────

  /** Filter codes and categories: cheap, needed even before the text index exists. */
  private describeAssets(): void {
    const catLists = new Map<string, number[]>();
    const { cost, referral, delivery, minAge, maxAge, catBits, categoryBit } = this;
    for (let a = 0; a < this.n; a++) {
      const asset = this.assets[a];
      for (const c of asset.categories ?? []) {
        const list = catLists.get(c);
        if (list) list.push(a);
        else catLists.set(c, [a]);
        let bit = categoryBit.get(c);
        if (bit === undefined) {
          bit = categoryBit.size < 32 ? categoryBit.size : -1;
          categoryBit.set(c, bit);
        }
        if (bit >= 0) catBits[a] |= 1 << bit;
      }
      cost[a] = asset.cost === 'free' ? 1 : asset.cost === 'low' ? 2 : asset.cost === 'paid' ? 3 : 0;
      const r = asset.referral;
      referral[a] = r === 'self' ? 1 : r === 'professional' ? 2 : r === 'link_worker' ? 3 : 0;
      let d = 0;
      for (const x of asset.delivery ?? []) d |= x === 'in_person' ? 1 : x === 'phone' ? 2 : x === 'online' ? 4 : 0;
      delivery[a] = d;
      minAge[a] = typeof asset.minAge === 'number' ? asset.minAge : Number.NEGATIVE_INFINITY;
      maxAge[a] = typeof asset.maxAge === 'number' ? asset.maxAge : Number.POSITIVE_INFINITY;
      this.verifiedDay[a] = asset.lastVerified ? isoDayMs(asset.lastVerified) / DAY_MS : Number.NaN;
      this.waitingWeeks[a] = asset.waitingWeeks || 0;
      this.areaOf[a] = asset.area ? this.areaNumber(asset.area) : 0;
    }
    for (const [c, list] of catLists) this.catMembers.set(c, Int32Array.from(list));
  }

  private readonly areaNumbers = new Map<string, number>();
  private areaNumber(area: string): number {
    let i = this.areaNumbers.get(area);
    if (i === undefined) {
      i = this.areas.push(area) - 1;
      this.areaNumbers.set(area, i);
    }
    // More distinct areas than a county has: the rest count as no area (not local).
    return i < 0xffff ? i : 0;
  }

  private restoreFilters(f: PackedFilters): void {
    const n = this.n;
    if (
      !f ||
      [f.cost, f.referral, f.delivery, f.minAge, f.maxAge, f.catBits, f.verifiedDay, f.waitingWeeks, f.areaOf].some(
        (x) => x?.length !== n,
      ) ||
      !Array.isArray(f.categoryBit) ||
      !Array.isArray(f.catMembers) ||
      !Array.isArray(f.areas) ||
      f.areas[0] !== ''
    )
      throw new Error('Stored search filters do not fit this directory.');
    this.verifiedDay.set(f.verifiedDay);
    this.waitingWeeks.set(f.waitingWeeks);
    this.areaOf.set(f.areaOf);
    this.areas.length = 0;
    for (const area of f.areas) this.areas.push(area);
    this.cost.set(f.cost);
    this.referral.set(f.referral);
    this.delivery.set(f.delivery);
    this.minAge.set(f.minAge);
    this.maxAge.set(f.maxAge);
    this.catBits.set(f.catBits);
    for (const [c, bit] of f.categoryBit) this.categoryBit.set(c, bit);
    for (const [c, list] of f.catMembers) this.catMembers.set(c, list);
  }

  /** The quality rules (recency depends on today, so this is never stored). */
  private rateAssets(options: SearchOptions): void {
    const today = Date.parse(options.today ?? new Date().toISOString().slice(0, 10)) / DAY_MS;
    const recentDays = (options.staleAfterMonths ?? 6) * 30.44;
    const local = new Set((options.localAreas ?? []).map((x) => tokenise(x).join(' ')));
    // Per area, not per asset: a county has dozens of areas and thousands of assets.
    const areaLocal = this.areas.map((area, i) =>
      local.size === 0 ? 0.5 : i > 0 && local.has(tokenise(area).join(' ')) ? 1 : 0,
    );
    const { cost, referral, verifiedDay, waitingWeeks, areaOf, quality } = this;
    for (let a = 0; a < this.n; a++) {
      const age = today - verifiedDay[a];
      const recency = Number.isNaN(age) ? 0 : age <= recentDays ? 1 : age <= 2 * recentDays ? 0.5 : 0;
      const wait = waitingWeeks[a] ? 1 / (1 + waitingWeeks[a] / 2) : 1;
      quality[a] =
        0.3 * recency +
        0.25 * REFERRAL_QUALITY[referral[a]] +
        0.2 * COST_QUALITY[cost[a]] +
        0.1 * wait +
        0.15 * areaLocal[areaOf[a]];
    }
  }

  /**
   * The first time asset `a` is reached in the current query unit: clear its per-unit scores and add it
   * to the unit's touched list. Returns the new length of that list.
   */
  private enterUnit(a: number, uEpoch: number, count: number): number {
    if (this.unitStamp[a] === uEpoch) return count;
    this.unitStamp[a] = uEpoch;
    this.unitText[a] = 0;
    this.unitCat[a] = 0;
    this.unitCatSum[a] = 0;
    this.unitExp[a] = 0;
    if (this.unitFresh) this.unitFresh[a] = 0;
    if (this.unitExpSum) this.unitExpSum[a] = 0;
    this.unitName[a] = 0;
    this.unitWords[a] = 0;
    this.unitTouched[count] = a;
    return count + 1;
  }

  /** Finishes the text index now if it is not finished yet (every query needs all of it). */
  ensureIndex(): void {
    const b = this.builder;
    if (!b) return;
    b.run(this.n);
    b.finish();
    this.builder = undefined;
  }

  /** Builds the text index a slice at a time whenever the page is idle, then warms the query tables. */
  indexWhenIdle(idle: IdleScheduler): void {
    const step = (deadline?: { timeRemaining(): number }) => {
      const b = this.builder;
      if (!b) return;
      do b.run(Math.min(this.n, b.next + IDLE_SLICE));
      while (b.next < this.n && deadline !== undefined && deadline.timeRemaining() > 2);
      if (b.next < this.n) idle(step, { timeout: 500 });
      else {
        this.ensureIndex();
        this.prepareWhenIdle(idle);
      }
    };
    idle(step, { timeout: 500 });
  }

  /**
   * The first keystroke's one-off work (assets, vocabulary, prefix and typo tables) in idle slices of a few
   * milliseconds, so a key pressed meanwhile never waits behind one long task.
   */
  prepareWhenIdle(idle: IdleScheduler): void {
    const steps: (() => boolean)[] = [
      () => this.assets !== undefined,
      () => this.vocabulary !== undefined || prepareDefaultVocabulary(VOCABULARY_SLICE),
      () => this.ensureSorted() !== undefined,
      () => this.ensureFuzzy() !== undefined,
    ];
    let i = 0;
    const step = (deadline?: { timeRemaining(): number }) => {
      while (i < steps.length) {
        if (steps[i]()) i++;
        if (!deadline || deadline.timeRemaining() <= 2) break;
      }
      if (i < steps.length) idle(step, { timeout: 1000 });
    };
    idle(step, { timeout: 1000 });
  }

  private ensureSorted() {
    if (this.sorted) return this.sorted;
    const order = Array.from(this.termText.keys()).sort((x, y) =>
      this.termText[x] < this.termText[y] ? -1 : this.termText[x] > this.termText[y] ? 1 : 0,
    );
    const nameOrder = order.filter((t) => (this.termFields[t] & NAME_OR_ORG) !== 0);
    this.sorted = {
      text: order.map((t) => this.termText[t]),
      ids: Int32Array.from(order),
      nameText: nameOrder.map((t) => this.termText[t]),
      nameIds: Int32Array.from(nameOrder),
    };
    return this.sorted;
  }

  /** Distinct index terms and vocabulary words by length, with a letter-set mask to skip hopeless pairs. */
  private ensureFuzzy() {
    if (this.fuzzy) return this.fuzzy;
    const byLength: string[][] = [];
    const sourceLists: number[][] = [];
    const add = (word: string, source: number) => {
      const l = Math.min(word.length, 40);
      byLength[l] ??= [];
      sourceLists[l] ??= [];
      byLength[l].push(word);
      sourceLists[l].push(source);
    };
    for (const t of this.termText) add(t, this.vocab.senses.has(t) ? 3 : 1);
    for (const w of this.vocab.words) if (!this.termIds.has(w)) add(w, 2);
    // Words only inside lay phrases ("dismissal" in "unfair dismissal"): a slip for one ("unfair dismisal")
    // is read as the word, so the phrase still counts. Ranked after every other kind of word.
    const inPhrases = new Set<string>();
    for (const key of this.vocab.senses.keys())
      if (key.includes(' '))
        for (const w of key.split(' '))
          if (w.length >= 5 && !this.termIds.has(w) && !this.vocab.senses.has(w)) inPhrases.add(w);
    for (const w of inPhrases) add(w, 0);
    const masks: Uint32Array[] = [];
    const source: Uint8Array[] = [];
    for (let l = 0; l < byLength.length; l++) {
      const list = byLength[l] ?? [];
      byLength[l] = list;
      masks[l] = Uint32Array.from(list, letterMask);
      source[l] = Uint8Array.from(sourceLists[l] ?? []);
    }
    this.fuzzy = { byLength, masks, source };
    return this.fuzzy;
  }

  // ── query analysis ───────────────────────────────────────────────────────

  /** Splits the query into units: vocabulary phrases first (longest wins), then single content words. */
  private analyse(query: string): {
    units: Unit[];
    ageHint?: number;
    youth: boolean;
    raw: string[];
    words: string[];
  } {
    const raw = agesInWords(tokenise(readIllnessCapitals(query)));
    if (raw.length === 0) return { units: [], youth: false, raw, words: [] };
    const partialLast = /[\p{L}\p{N}'’]$/u.test(query);
    const vocab = this.vocab;
    const stems = raw.map((w) => {
      const fixed = vocab.spellings.get(w);
      return fixed ?? stem(w);
    });
    const units: Unit[] = [];
    // "over 70s", "in her 80s", "12 yr old": an age said anywhere, even inside a lay phrase ("12 yr old
    // looking after his mum"), is the person's age.
    let ageHint: number | undefined;
    let youth = false;
    for (let k = 0; k < raw.length; k++) {
      if (YOUTH_WORDS.has(raw[k])) youth = true;
      // "mum of a 9yo", "parents of a 6 year old": the child's age; the parent is the one asking.
      if (childOfParent(raw, k)) {
        youth = true;
        continue;
      }
      if (ageHint === undefined) ageHint = decadeAge(raw[k]) ?? statedAge(raw, k);
    }
    // "forced marrige": a slip inside a lay phrase is read as the word it is a slip for, so the phrase still
    // counts, as the word would on its own.
    const phraseStems = stems.slice();
    let corrected = false;
    for (let k = 0; k < raw.length; k++) {
      if (STOPWORDS.has(raw[k]) || isNumber(raw[k]) || stems[k].length < 5) continue;
      const r = this.resolve(stems[k], false, raw[k]);
      // Only a word known in no form at all: "falling" is "fall", not a slip for "failing".
      if (r.corrected && r.terms.every((m) => m.kind === 'typo')) {
        phraseStems[k] = r.corrected;
        corrected = true;
      }
    }
    let i = 0;
    while (i < raw.length && units.length < MAX_UNITS) {
      const phrase = this.phraseAt(raw, stems, i) ?? (corrected ? this.phraseAt(raw, phraseStems, i) : undefined);
      // "worried sick about her son": the one asking is worried; the son has the need.
      if (phrase && WORRY_WORDS.has(raw[i]) && aboutSomeone(raw, phrase.end)) {
        units.push({
          typed: raw.slice(i, phrase.end).join(' '),
          words: [],
          senses: [],
          optional: true,
          corrections: [],
          plain: true,
        });
        i = phrase.end;
        continue;
      }
      if (phrase) {
        const words = phrase.positions
          .filter((p) => !STOPWORDS.has(raw[p]) && !PHRASE_ADVERBS.has(raw[p]))
          .map((p) => this.resolve(stems[p], false).terms.filter((m) => m.kind !== 'prefix'));
        units.push({
          typed: raw.slice(i, phrase.end).join(' '),
          words,
          senses: [{ sense: phrase.sense, typed: raw.slice(i, phrase.end).join(' '), kind: 'exact', quality: 1 }],
          optional: false,
          corrections: phrase.positions
            .filter((p) => stems[p] !== stem(raw[p]))
            .map((p) => [raw[p], stems[p]] as [string, string]),
        });
        i = phrase.end;
        continue;
      }
      const word = raw[i];
      const isLast = i === raw.length - 1;
      const partial = isLast && partialLast;
      i++;
      // "13", and "13yr", "13yrs", "13yo" as people write "13yr old".
      const number = AGE_WORD.exec(word);
      if (number) {
        const age = Number(number[1]);
        if (ageHint === undefined && age >= 1 && age <= 110 && !countsSomething(raw, i) && !childOfParent(raw, i - 1))
          ageHint = age;
        continue;
      }
      if (STOPWORDS.has(word) && !(partial && raw.length === 1)) continue;
      if (WHEN_LEADS.has(word) && i < raw.length && WHEN_SPANS.has(raw[i])) {
        i++;
        continue;
      }
      // "literally", "honestly": how it is said; never read as a typo of a word that means something.
      if (PHRASE_ADVERBS.has(word) && raw.length > 1) continue;
      // "dead lonely", "proper low": how much, not a death.
      if (INTENSIFIERS.has(word) && i < raw.length && INTENSIFIED.has(raw[i])) continue;
      const r = this.resolve(stems[i - 1], partial, word);
      const corrections: [string, string][] = [];
      if (stems[i - 1] !== stem(word)) corrections.push([word, stems[i - 1]]);
      else if (r.corrected) corrections.push([word, r.corrected]);
      // The word still breaks ties, as a half-typed one does.
      const where = raw.length > 3 && onlyWhereOrWho(raw, i - 1);
      // "dad's 75", "mums 81": who is being talked about, with their age. What the word means still counts;
      // the word itself is not a name typed directly ("Dads Matter").
      const whose = AGE_LEADS.has(word) && i < raw.length && statedAge(raw, i) !== undefined;
      units.push({
        typed: word,
        words: [whose ? [] : r.terms],
        senses: where ? [] : r.senses.map((s) => ({ ...s, typed: word })),
        optional: (partial && word.length <= 2 && raw.length > 1) || where,
        corrections,
        plain: where || r.senses.length === 0,
      });
    }
    this.demoteContextWords(units);
    return { units, ageHint, youth, raw, words: phraseStems };
  }

  /**
   * In a sentence that names a need, a word the vocabulary does not know and that is not in any asset's
   * name ("phone", "lady", "patient says") is how the receptionist or patient talks, not what they need.
   * Left in, it counts as much as the need itself, so assets that merely mention it in passing crowd out
   * the ones that fit the need. It still breaks ties, as a half-typed word does.
   */
  private demoteContextWords(units: Unit[]): void {
    let needs = 0;
    let required = 0;
    for (const u of units) {
      if (u.optional) continue;
      required++;
      for (const s of u.senses) for (const w of s.sense.categories.values()) if (w >= 1) needs++;
    }
    if (needs === 0 || required < 2) return;
    for (const u of units) {
      if (u.optional || !u.plain || u.words.length !== 1) continue;
      // When it is, said beside a need ("nothing in the cupboards till friday"), is never the need itself,
      // even in a short query, and even when a service is named after the day.
      if (WHEN_WORDS.has(u.typed)) {
        u.optional = true;
        continue;
      }
      if (required < CONTEXT_MIN_UNITS) continue;
      const terms = u.words[0];
      const context = CONTEXT_WORDS.has(u.typed);
      let inName = false;
      let best = 0;
      for (const m of terms) {
        if (m.kind === 'prefix') continue;
        if ((this.termFields[m.id] & NAME_OR_ORG) !== 0) inName = true;
        if (this.idf[m.id] > best) best = this.idf[m.id];
      }
      if (context || (!inName && best < CONTEXT_IDF)) u.optional = true;
    }
  }

  private phraseAt(
    raw: string[],
    stems: string[],
    i: number,
  ): { sense: VocabularySense; end: number; positions: number[] } | undefined {
    const vocab = this.vocab;
    // The word still being typed counts only as written ("wife di" is not yet "wife died").
    const limit = raw.length;
    let exact: { sense: VocabularySense; end: number; positions: number[] } | undefined;
    // "my 12 yr old basically does everything for me": how it is said ("basically", "sadly") is skipped
    // inside an exact phrase too, which matters most for phrases made only of small words.
    const kept: number[] = [];
    for (let j = i; j < limit && kept.length < vocab.maxPhraseWords; j++)
      if (j === i || !PHRASE_ADVERBS.has(raw[j])) kept.push(j);
    for (let len = kept.length; len >= 2 && !exact; len--) {
      const key = kept
        .slice(0, len)
        .map((p) => stems[p])
        .join(' ');
      const sense = vocab.senses.get(key);
      if (sense) exact = { sense, end: kept[len - 1] + 1, positions: range(i, kept[len - 1] + 1) };
    }
    // A number before a phrase ("lady 81 no friends") is an age or a count, not the phrase's first word.
    if (isFiller(raw[i]) || isNumber(raw[i])) return exact;
    // A loose phrase that takes in more of what was said beats a shorter exact one inside it: "cant get out
    // to the shops" is about shopping, not just "cant get out".
    let exactWords = 0;
    if (exact) for (let j = i; j < exact.end; j++) if (!isFiller(raw[j])) exactWords++;
    // Loose match: the phrase's content words in order, ignoring small words in between.
    const content: number[] = [];
    let gap = 0;
    for (let j = i; j < limit && content.length < vocab.maxPhraseWords; j++) {
      // A number inside a phrase ("wife of 50 years died") is a detail, not a break in it.
      if (!isFiller(raw[j]) && !isNumber(raw[j]) && !PHRASE_ADVERBS.has(raw[j])) {
        content.push(j);
        gap = 0;
      } else if (++gap > LOOSE_GAP) break;
    }
    for (let len = content.length; len >= 2 && len > exactWords; len--) {
      const key = content
        .slice(0, len)
        .map((p) => stems[p])
        .join(' ');
      // A phrase with no small words of its own ("wife died") can still have some said inside it
      // ("wife of 50 years died").
      const full = vocab.looseKeys.get(key) ?? (vocab.senses.has(key) ? key : undefined);
      const sense = full === undefined ? undefined : vocab.senses.get(full);
      if (sense) return { sense, end: content[len - 1] + 1, positions: range(i, content[len - 1] + 1) };
    }
    return exact;
  }

  /** Index terms and vocabulary senses one typed word stands for. Cached: typing re-asks for earlier words. */
  private resolve(word: string, partial: boolean, rawWord = word): TokenResolution {
    const key = `${partial ? 'p' : 'w'}${rawWord}\u0000${word}`;
    const cached = this.resolutions.get(key);
    if (cached) return cached;
    if (this.resolutions.size >= CACHE_CAP) this.resolutions.clear();
    const r = this.resolveUncached(word, partial, rawWord);
    this.resolutions.set(key, r);
    return r;
  }

  private resolveUncached(word: string, partial: boolean, rawWord: string): TokenResolution {
    const terms: TermMatch[] = [];
    const senses: TokenResolution['senses'] = [];
    const seen = new Set<number>();
    const addTerm = (id: number | undefined, quality: number, kind: MatchKind) => {
      if (id === undefined || seen.has(id)) return;
      seen.add(id);
      terms.push({ id, quality, kind });
    };
    const spelled = word !== stem(rawWord);
    const baseKind: MatchKind = spelled ? 'spelling' : 'exact';
    addTerm(this.termIds.get(word), 1, baseKind);
    const sense = this.vocab.senses.get(word);
    if (sense) senses.push({ sense, via: word, kind: baseKind, quality: 1 });

    if (word.length >= 4) {
      // Cheap stand-in for stemming, by common suffixes only: "volunteering" reaches "volunteer",
      // "walk" reaches "walking", but "homeless" never reaches "home".
      for (const v of suffixVariants(word)) addTerm(this.termIds.get(v), 0.7, 'variant');
    }

    if (partial) {
      const s = this.ensureSorted();
      // One or two letters match a large share of all names: keep only the commonest words.
      const nameCap = word.length === 1 ? 24 : word.length === 2 ? 64 : PREFIX_NAME_CAP;
      for (const id of this.prefixRange(s.nameText, s.nameIds, word, nameCap))
        addTerm(id, prefixQuality(word, this.termText[id]), 'prefix');
      if (word.length >= 3)
        for (const id of this.prefixRange(s.text, s.ids, word, PREFIX_FULL_CAP))
          addTerm(id, 0.9 * prefixQuality(word, this.termText[id]), 'prefix');
      // A word for a person typed whole ("lonley older man", "my little girl") is that person, not the
      // start of "manager" or "girlfriend".
      const whole = PERSON_WORDS.has(word);
      if (word.length >= 3 && !whole && !sense && !this.termIds.has(word)) {
        const words = this.vocab.words;
        let lo = lowerBound(words, word);
        let added = 0;
        for (; lo < words.length && words[lo].startsWith(word) && added < 4; lo++, added++) {
          const s2 = this.vocab.senses.get(words[lo]);
          if (s2) senses.push({ sense: s2, via: words[lo], kind: 'prefix', quality: 0.6 });
        }
      }
    }

    let corrected: string | undefined;
    const exactFound = this.termIds.has(word) || sense !== undefined || isOrdinaryWord(word);
    // Only other forms of the word found ("smokeing" → "smoke"): it may still be a slip for a word the
    // vocabulary knows ("smoking"), which says far more than the stray form does.
    const onlyVariants = terms.length > 0 && terms.every((m) => m.kind === 'variant');
    if (!exactFound && senses.length === 0 && (terms.length === 0 || onlyVariants)) {
      for (const candidate of this.typoCandidates(word)) {
        const q = candidate.distance === 1 ? 0.85 : 0.7;
        addTerm(this.termIds.get(candidate.word), q, 'typo');
        const s2 = this.vocab.senses.get(candidate.word);
        if (s2) senses.push({ sense: s2, via: candidate.word, kind: 'typo', quality: q });
        corrected ??= candidate.word;
      }
    }
    return { terms, senses, corrected };
  }

  /** Ids of terms starting with `prefix`, the most widely used first, at most `cap`. */
  private prefixRange(
    text: string[],
    ids: Int32Array,
    prefix: string,
    cap: number,
    accept?: (term: string) => boolean,
  ): number[] {
    let i = lowerBound(text, prefix);
    const found: number[] = [];
    for (; i < text.length && text[i].startsWith(prefix); i++) {
      if (text[i] === prefix || (accept && !accept(text[i]))) continue;
      found.push(ids[i]);
      // A one-letter prefix can match thousands of terms; stop collecting well past the cap.
      if (found.length >= cap * 8) break;
    }
    if (found.length > cap) {
      const df = (t: number) => this.postStart[t + 1] - this.postStart[t];
      found.sort((x, y) => df(y) - df(x));
      found.length = cap;
    }
    return found;
  }

  private typoCandidates(word: string): { word: string; distance: number }[] {
    const budget = typoBudget(word.length);
    if (budget === 0) return [];
    const fz = this.ensureFuzzy();
    const mask = letterMask(word);
    let best = budget + 1;
    let found: { word: string; distance: number; rank: number }[] = [];
    for (let l = Math.max(1, word.length - budget); l <= Math.min(40, word.length + budget); l++) {
      const list = fz.byLength[l];
      if (!list) continue;
      const masks = fz.masks[l];
      const src = fz.source[l];
      for (let k = 0; k < list.length; k++) {
        if (popcount(masks[k] ^ mask) > 2 * best) continue;
        const d = boundedEditDistance(word, list[k], Math.min(best, budget));
        if (d > budget || d > best) continue;
        // Two edits apart is only plausible as a typo when the word starts the same way; one edit, when it
        // is the kind of slip fingers make.
        if (d === 2 && (list[k].charCodeAt(0) !== word.charCodeAt(0) || list[k].charCodeAt(1) !== word.charCodeAt(1)))
          continue;
        if (d === 1 && !plausibleTypo(word, list[k])) continue;
        if (d < best) {
          best = d;
          found = [];
        }
        const id = this.termIds.get(list[k]);
        const df = id === undefined ? 0 : this.postStart[id + 1] - this.postStart[id];
        // Vocabulary words first (they carry meaning), then common terms, then the first letter kept.
        const rank = (src[k] & 2 ? 1e6 : 0) + df + (list[k][0] === word[0] ? 1e5 : 0);
        found.push({ word: list[k], distance: d, rank });
      }
    }
    return found.sort((x, y) => y.rank - x.rank).slice(0, FUZZY_CAP);
  }

  // ── scoring ──────────────────────────────────────────────────────────────

  search(query: string, filters: SearchFilters, limit?: number): SearchHit[] {
    const filter = this.compileFilter(filters);
    // Browsing (no words yet) needs only the filters and quality rules, not the text index: the panel's
    // first render must not force the build the idle slices are doing.
    if (tokenise(query).length === 0) return this.browse(filters, filter, limit);
    this.ensureIndex();
    const { units, ageHint, youth, raw, words } = this.analyse(query);
    if (units.length === 0) return this.browse(filters, filter, limit);
    // Raw words, not spellings: "fella knocks her about" reads "fella" as "man", who here is not the patient.
    const person = personOf(units) ?? personSaid(raw);

    // Hot loop: typed arrays in locals, no closures, nothing allocated per asset.
    const { postStart, postAsset, postFields, idf, stamp, total, coverage, mask, nameMask, conceptMask } = this;
    const touched = this.touched;
    const { unitText, unitCat, unitCatSum, unitExp, unitName, unitWords, unitTouched } = this;
    this.unitFresh ??= new Float32Array(this.n);
    this.unitExpSum ??= new Float32Array(this.n);
    this.strongMask ??= new Uint32Array(this.n);
    const { unitFresh, unitExpSum, strongMask } = this;
    const epoch = this.nextEpoch();
    let touchedCount = 0;
    let effective = 0;
    let effectiveMask = 0;
    // Units that name a need no earlier unit named.
    let needMask = 0;
    const specificity = new Float32Array(units.length);
    let specificityTotal = 0;
    let textUnits = 0;
    const order: number[] = [];
    for (let u = 0; u < units.length; u++) if (!units[u].optional) order.push(u);
    const onlyOptional = order.length === 0;
    for (let u = 0; u < units.length; u++) if (units[u].optional) order.push(u);

    const catSeen = new Map<string, number>();
    const sentence = units.length >= SENTENCE_UNITS;
    // Whether any word names a need outright; then words the vocabulary does not know matter less.
    let namesNeed = false;
    for (const unit of units)
      for (const x of unit.senses) for (const w of x.sense.categories.values()) if (w >= 1) namesNeed = true;
    for (const u of order) {
      const unit = units[u];
      const bit = 1 << u;
      const gatherNew = !unit.optional || onlyOptional || touchedCount === 0;
      const uEpoch = this.nextUnitEpoch();
      let uCount = 0;
      // Text: a phrase's words each add their best term once; a single word keeps its best-scoring term.
      const k = unit.words.length;
      // Words the index has never seen ("hard" in "hard of hearing") neither dilute nor block a phrase.
      let kEff = 0;
      for (let w = 0; w < k; w++) if (unit.words[w].length > 0) kEff++;
      const kDiv = Math.max(1, kEff);
      let anyText = false;
      for (let w = 0; w < k; w++) {
        const matches = unit.words[w];
        const mCount = k === 1 ? matches.length : Math.min(1, matches.length);
        for (let m = 0; m < mCount; m++) {
          const id = matches[m].id;
          const q = (matches[m].quality * idf[id]) / kDiv;
          // A name counts as typed only through the word itself, a typo of it or its start, never
          // through another form of it ("passed" must not make "Bus Pass" a name match).
          const nameable = matches[m].kind !== 'variant';
          for (let p = postStart[id], end = postStart[id + 1]; p < end; p++) {
            const a = postAsset[p];
            if (!gatherNew && stamp[a] !== epoch) continue;
            uCount = this.enterUnit(a, uEpoch, uCount);
            anyText = true;
            let s = q * WEIGHT_OF_FIELDS[postFields[p]];
            const nameHit = nameable && (postFields[p] & NAME_OR_ORG) !== 0;
            if (k === 1 && sentence && (postFields[p] & NAME_OR_ORG) !== 0) s *= NAME_IN_SENTENCE;
            if (k === 1) {
              if (s > unitText[a]) unitText[a] = s;
              if (nameHit) unitName[a] = 1;
            } else {
              unitText[a] += s;
              unitWords[a]++;
              if (nameHit) unitName[a]++;
            }
          }
        }
      }
      if (anyText) textUnits++;
      // Concept: categories the vocabulary points to, and the sector terms it expands to.
      const concept = this.conceptOf(unit);
      let anyFresh = false;
      if (concept) {
        const main = this.mainCategory as Int32Array;
        for (let c = 0; c < concept.members.length; c++) {
          const members = concept.members[c];
          // A category already pointed to by an earlier word counts only for what it adds: "wife" and
          // "left him" both say family, and saying it twice must not lift every family service above the
          // one that fits the rest of the sentence. It still counts in full towards covering this unit.
          const cat = concept.categories[c];
          const w = concept.weights[c];
          const before = catSeen.get(cat) ?? 0;
          const fresh = w > before ? w - before : 0;
          if (fresh > 0) anyFresh = true;
          if (w > before) catSeen.set(cat, w);
          const number = concept.categoryNumbers[c];
          for (let j = 0; j < members.length; j++) {
            const a = members[j];
            if (!gatherNew && stamp[a] !== epoch) continue;
            uCount = this.enterUnit(a, uEpoch, uCount);
            const side = main[a] === number ? 1 : SIDE_CATEGORY;
            const wa = w * side;
            if (wa > unitCat[a]) unitCat[a] = wa;
            if (fresh * side > unitFresh[a]) unitFresh[a] = fresh * side;
            unitCatSum[a] += wa;
          }
        }
        const q = concept.quality;
        for (const x of concept.expansions) {
          const xa = x.assets;
          const xw = x.weights;
          for (let j = 0; j < xa.length; j++) {
            const a = xa[j];
            if (!gatherNew && stamp[a] !== epoch) continue;
            uCount = this.enterUnit(a, uEpoch, uCount);
            const s = xw[j] * q;
            if (s > unitExp[a]) unitExp[a] = s;
            unitExpSum[a] += s;
          }
        }
      }
      if (uCount > 0 && !(unit.optional && !onlyOptional)) {
        effective++;
        effectiveMask |= bit;
        // A word that only weakly points to a need ("mum"), or that was read as a typo in a longer
        // query ("moving" → "mowing"), matters less when it is missing.
        let spec = concept ? concept.strongest ** 2 : namesNeed && unit.plain ? PLAIN_SPEC : 1;
        if (units.length > 1 && unit.corrections.length > 0 && unit.senses.every((x) => x.kind === 'typo')) spec *= 0.5;
        if (concept && !anyFresh) spec *= REPEAT_SPEC;
        if (concept && anyFresh && concept.strongest >= 1 && !unit.optional) needMask |= bit;
        specificity[u] = spec;
        specificityTotal += spec;
      }
      const weight = unit.optional ? 0.5 : 1;
      const isPhrase = k > 1 || unit.typed.includes(' ');
      // "cant get to the hospital" is a need, not the name "Home from Hospital" typed with small words
      // around it: a phrase is a name typed directly only when two or more of its words are in the name.
      const nameable = k > 1 || !isPhrase;
      const strength = concept ? concept.strongest : 1;
      // Pass 1: each asset's score for this unit (kept in unitText) and the best of them.
      let best = 0;
      for (let j = 0; j < uCount; j++) {
        const a = unitTouched[j];
        // The whole phrase, word for word, in the asset says more than its words scattered about.
        let text = kEff > 1 && unitWords[a] >= kEff ? PHRASE_BONUS * unitText[a] : unitText[a];
        // An asset in several of the categories a phrase points to fits it better than one in just one.
        const extra = EXTRA_CATEGORY * (unitCatSum[a] - unitCat[a]);
        const cat = unitCat[a] + extra;
        // A vocabulary phrase means its need ("cant get to the hospital": transport); its words in an
        // asset outside that need ("Home from Hospital") are a coincidence more than a match.
        if (isPhrase && cat <= 0) text *= PHRASE_OUTSIDE;
        // Sector terms count fully inside the categories the words point to, half outside them.
        // Several of the sector terms a word stands for, not just one, is a closer fit.
        const x = unitExp[a] + EXTRA_EXPANSION * (unitExpSum[a] - unitExp[a]);
        const exp = EXPANSION_SCORE * (cat > 0 ? x : 0.5 * x);
        const c = CATEGORY_SCORE * cat + exp;
        unitCat[a] = c;
        const sc = text > c ? text + SECOND_SIGNAL * c : c + SECOND_SIGNAL * text;
        unitText[a] = sc;
        if (sc > best) best = sc;
        // What this unit adds to the total: the same, with categories earlier words already gave counted once.
        const cFresh = CATEGORY_SCORE * (unitFresh[a] + extra) + exp;
        unitFresh[a] = text > cFresh ? text + SECOND_SIGNAL * cFresh : cFresh + SECOND_SIGNAL * text;
      }
      // Pass 2: add to the totals. An asset "covers" this part of the query in proportion to how close
      // it comes to the best match for it, so a bare category link does not count as much as the
      // asset that says it in so many words.
      const full = CREDIT_FRACTION * best;
      for (let j = 0; j < uCount; j++) {
        const a = unitTouched[j];
        const sc = unitText[a];
        if (sc <= 0) continue;
        if (stamp[a] !== epoch) {
          stamp[a] = epoch;
          total[a] = 0;
          coverage[a] = 0;
          mask[a] = 0;
          nameMask[a] = 0;
          conceptMask[a] = 0;
          strongMask[a] = 0;
          touched[touchedCount++] = a;
        }
        total[a] += weight * unitFresh[a] * strength;
        if ((effectiveMask & bit) !== 0) coverage[a] += specificity[u] * Math.min(1, sc / full);
        mask[a] |= bit;
        if (unitCat[a] > 0) conceptMask[a] |= bit;
        if (sc >= full) strongMask[a] |= bit;
        // Every word of a phrase must be in the name, including ones the index does not otherwise know.
        if (k > 0 && unitName[a] >= k && nameable) nameMask[a] |= bit;
      }
    }

    // Final score: coverage of the query, names typed directly, then the quality rules.
    const fs = this.finalScore;
    const candidates = unitTouched; // free again: reuse as the candidate list
    const { quality, nameWords, minAge, maxAge } = this;
    let cc = 0;
    const named = textUnits > 0 && effectiveMask !== 0;
    for (let j = 0; j < touchedCount; j++) {
      const a = touched[j];
      if (filter.active && !this.passes(filter, a)) continue;
      const covered = specificityTotal > 0 ? Math.min(1, coverage[a] / specificityTotal) : 0;
      let score = total[a] * (COVERAGE_FLOOR + (1 - COVERAGE_FLOOR) * covered * covered);
      if (named && (nameMask[a] & effectiveMask) === effectiveMask) {
        const tight = effective / Math.max(effective, nameWords[a]);
        score += 1.5 * effective + 1 + tight;
      }
      if (ageHint !== undefined) {
        if (minAge[a] > ageHint || maxAge[a] < ageHint) score *= 0.4;
        else if (Number.isFinite(minAge[a] + maxAge[a]) || minAge[a] >= OLDER_MIN_AGE) score *= AGE_FITS;
      } else if (!youth && maxAge[a] <= YOUTH_MAX_AGE) score *= YOUTH_ONLY;
      if (person && this.onlyFor(otherPerson(person), a)) score *= OTHER_PERSON;
      fs[a] = score * (1 + QUALITY_WEIGHT * quality[a]);
      candidates[cc++] = a;
    }
    const unsaid = this.specialistsUnsaid(units, words);
    for (const a of unsaid.keys()) if (stamp[a] === epoch) fs[a] *= SPECIALIST_UNSAID;
    const ranked = this.rank(candidates, cc, fs, limit);
    if ((needMask & (needMask - 1)) !== 0) this.showEveryNeed(ranked, candidates, cc, fs, needMask, effectiveMask);
    const context: HitContext = { index: this, units, ageHint, effectiveMask, person, unsaid };
    const hits: SearchHit[] = new Array(ranked.length);
    for (let j = 0; j < ranked.length; j++) {
      const a = ranked[j];
      hits[j] = new Hit(this.assets[a], fs[a], context, a, mask[a], nameMask[a], conceptMask[a]);
    }
    return hits;
  }

  /**
   * "lost his job, behind on the rent and drinking" is three needs; services for the two that share money
   * can fill the first places on score alone. When a need the sentence names has no service among the
   * first few, its best-scoring service takes the last of those places (never one held by a name typed
   * directly), so the receptionist sees every need at a glance.
   */
  private showEveryNeed(
    ranked: Int32Array,
    candidates: Int32Array,
    count: number,
    fs: Float64Array,
    needMask: number,
    effectiveMask: number,
  ): void {
    const shown = Math.min(NEED_PLACES, ranked.length);
    if (shown < NEED_PLACES || count <= shown) return;
    const { nameMask } = this;
    const conceptMask = this.strongMask as Uint32Array;
    let slot = shown - 1;
    for (let rest = needMask; rest !== 0 && slot >= NEED_FIRST_SLOT; rest &= rest - 1) {
      const bit = rest & -rest;
      let seen = false;
      for (let j = 0; j < shown && !seen; j++) if ((conceptMask[ranked[j]] & bit) !== 0) seen = true;
      if (seen) continue;
      let best = -1;
      for (let j = 0; j < count; j++) {
        const a = candidates[j];
        if ((conceptMask[a] & bit) === 0 || (best >= 0 && fs[a] <= fs[best])) continue;
        let inTop = false;
        for (let k = 0; k < shown && !inTop; k++) if (ranked[k] === a) inTop = true;
        if (!inTop) best = a;
      }
      if (best < 0 || fs[best] < NEED_MIN_SHARE * fs[ranked[0]]) continue;
      // A name typed directly keeps its place.
      while (slot >= NEED_FIRST_SLOT && (nameMask[ranked[slot]] & effectiveMask) === effectiveMask) slot--;
      if (slot < NEED_FIRST_SLOT) return;
      let from = ranked.indexOf(best);
      if (from < 0) from = ranked.length - 1;
      for (let j = from; j > slot; j--) ranked[j] = ranked[j - 1];
      ranked[slot] = best;
      slot--;
    }
  }

  /** Empty query: every asset passing the filters, ranked by the quality rules alone. */
  private browse(filters: SearchFilters, filter: CompiledFilter, limit?: number): SearchHit[] {
    if (!filter.active) return [];
    const fs = this.finalScore;
    const candidates = this.unitTouched;
    let cc = 0;
    for (let a = 0; a < this.n; a++) {
      if (!this.passes(filter, a)) continue;
      fs[a] = 1 + this.quality[a];
      candidates[cc++] = a;
    }
    const ranked = this.rank(candidates, cc, fs, limit);
    const context: HitContext = { index: this, units: [], effectiveMask: 0, browseCategories: filters.categories };
    const hits: SearchHit[] = new Array(ranked.length);
    for (let j = 0; j < ranked.length; j++)
      hits[j] = new Hit(this.assets[ranked[j]], fs[ranked[j]], context, ranked[j], 0, 0, 0);
    return hits;
  }

  /**
   * Candidates best first (ties in directory order), at most `limit`. Sorts packed numeric keys
   * (score quantised to 1e-6, then position) with the engine's native numeric sort, several times faster
   * than a comparator over thousands of candidates.
   */
  private rank(list: Int32Array, count: number, score: Float64Array, limit?: number): Int32Array {
    const keys = this.sortKeys.length >= count ? this.sortKeys.subarray(0, count) : new Float64Array(count);
    const shift = this.n <= 0x20000 ? 0x20000 : 0x100000;
    for (let j = 0; j < count; j++) {
      const a = list[j];
      const q = Math.min(MAX_KEY_SCORE, Math.max(0, Math.round(score[a] * 1e6)));
      keys[j] = (MAX_KEY_SCORE - q) * shift + a;
    }
    keys.sort();
    const max = limit === undefined ? count : Math.min(limit, count);
    const out = new Int32Array(max);
    for (let j = 0; j < max; j++) out[j] = keys[j] % shift;
    return out;
  }

  private compileFilter(filters: SearchFilters): CompiledFilter {
    let catBits = 0;
    let catList: Set<string> | undefined;
    for (const c of filters.categories ?? []) {
      const bit = this.categoryBit.get(c);
      // A category no asset has matches nothing; beyond 32 categories, fall back to a set.
      if (bit === undefined) continue;
      if (bit >= 0) catBits |= 1 << bit;
      else {
        catList ??= new Set();
        catList.add(c);
      }
    }
    let costBits = 0;
    for (const c of filters.cost ?? []) costBits |= 1 << costCode(c);
    let referralBits = 0;
    for (const r of filters.referral ?? []) referralBits |= 1 << referralCode(r);
    let deliveryBits = 0;
    for (const d of filters.delivery ?? []) deliveryBits |= deliveryCode(d);
    const age = typeof filters.age === 'number' && Number.isFinite(filters.age) ? filters.age : undefined;
    const byCategory = (filters.categories?.length ?? 0) > 0;
    const byCost = (filters.cost?.length ?? 0) > 0;
    const byReferral = (filters.referral?.length ?? 0) > 0;
    const byDelivery = (filters.delivery?.length ?? 0) > 0;
    return {
      active: byCategory || byCost || byReferral || byDelivery || age !== undefined,
      byCategory,
      catBits,
      catList,
      byCost,
      costBits,
      byReferral,
      referralBits,
      byDelivery,
      deliveryBits,
      age,
    };
  }

  private passes(f: CompiledFilter, a: number): boolean {
    if (f.byCategory && (this.catBits[a] & f.catBits) === 0) {
      if (!f.catList || !this.assets[a].categories.some((c) => f.catList?.has(c))) return false;
    }
    if (f.byCost && ((1 << this.cost[a]) & f.costBits) === 0) return false;
    if (f.byReferral && ((1 << this.referral[a]) & f.referralBits) === 0) return false;
    if (f.byDelivery && (this.delivery[a] & f.deliveryBits) === 0) return false;
    if (f.age !== undefined && (this.minAge[a] > f.age || this.maxAge[a] < f.age)) return false;
    return true;
  }

  /** A unit's vocabulary senses merged into category member lists and sector-term postings. */
  private conceptOf(unit: Unit): Concept | undefined {
    if (unit.senses.length === 0) return undefined;
    if (unit.concept) return unit.concept;
    const cats = new Map<string, number>();
    const expands = new Map<string, string[]>();
    let strongest = 0;
    for (const s of unit.senses) {
      for (const [c, w] of s.sense.categories) {
        cats.set(c, Math.max(cats.get(c) ?? 0, w * s.quality));
        strongest = Math.max(strongest, w);
      }
      for (const e of s.sense.expands) expands.set(e.join(' '), e);
    }
    const members: Int32Array[] = [];
    const weights: number[] = [];
    const categories: string[] = [];
    const categoryNumbers: number[] = [];
    this.ensureMainCategory();
    for (const [c, w] of cats) {
      const list = this.catMembers.get(c);
      if (!list) continue;
      members.push(list);
      categories.push(c);
      categoryNumbers.push(this.numberOfCategory(c));
      // Like a word's idf: belonging to a category most of the directory shares says less.
      const catIdf = Math.log(1 + this.n / list.length) / Math.log(1 + Math.max(this.n, 2));
      weights.push(w * Math.min(1.5, CATEGORY_IDF_SCALE * catIdf));
    }
    const expansions: Expansion[] = [];
    for (const e of expands.values()) {
      const x = this.expansion(e);
      if (x) expansions.push(x);
    }
    unit.concept = {
      members,
      weights,
      categories,
      categoryNumbers,
      expansions,
      quality: unit.senses[0].quality,
      strongest,
    };
    return unit.concept;
  }

  private numberOfCategory(c: string): number {
    let k = this.categoryNumber.get(c);
    if (k === undefined) {
      k = this.categoryNumber.size;
      this.categoryNumber.set(c, k);
    }
    return k;
  }

  /** Each asset's main category: the first it lists (directories list what a service is for first). */
  private ensureMainCategory(): Int32Array {
    if (this.mainCategory) return this.mainCategory;
    const main = new Int32Array(this.n).fill(-1);
    for (let a = 0; a < this.n; a++) {
      const first = this.assets[a].categories?.[0];
      if (typeof first === 'string') main[a] = this.numberOfCategory(first);
    }
    this.mainCategory = main;
    return main;
  }

  /** Assets containing every word of a sector phrase, with the weakest of those words' weights. */
  private expansion(words: string[]): Expansion | null {
    const key = words.join(' ');
    const cached = this.expansions.get(key);
    if (cached !== undefined) return cached;
    const ids: number[] = [];
    for (const w of words) {
      if (STOPWORDS.has(w)) continue;
      const id = this.termIds.get(w);
      if (id === undefined) {
        this.expansions.set(key, null);
        return null;
      }
      ids.push(id);
    }
    if (ids.length === 0) {
      this.expansions.set(key, null);
      return null;
    }
    ids.sort((x, y) => this.postStart[x + 1] - this.postStart[x] - (this.postStart[y + 1] - this.postStart[y]));
    const first = ids[0];
    const assets: number[] = [];
    const weights: number[] = [];
    for (let p = this.postStart[first]; p < this.postStart[first + 1]; p++) {
      const a = this.postAsset[p];
      let w = WEIGHT_OF_FIELDS[this.postFields[p]];
      let all = true;
      for (let k = 1; k < ids.length && all; k++) {
        const q = this.findPosting(ids[k], a);
        if (q < 0) all = false;
        else w = Math.min(w, WEIGHT_OF_FIELDS[this.postFields[q]]);
      }
      if (all) {
        assets.push(a);
        // Weighted by the rarest word's idf: "postvention" tells more than "peer support".
        weights.push(w * this.idf[first]);
      }
    }
    const x = { text: key, assets: Int32Array.from(assets), weights: Float32Array.from(weights) };
    this.expansions.set(key, x);
    return x;
  }

  /**
   * Services named for a specialism the words do not mention ("After Suicide Support" for "wife passed
   * away"), each with that specialism; a service also named for one the words do mention is not among them.
   * The words mention it through a vocabulary phrase of its entries, or by saying one of its terms inside
   * any phrase ("cancer money worries", "mum has dementia").
   */
  private specialistsUnsaid(units: Unit[], words: string[]): Map<number, string> {
    const unsaid = new Map<number, string>();
    const { assets, byFirst } = this.specialistIndex();
    if (assets.size === 0) return unsaid;
    const said = new Set<string>();
    for (const unit of units) for (const { sense } of unit.senses) for (const x of sense.specialisms ?? []) said.add(x);
    for (let k = 0; k < words.length; k++)
      for (const { tokens, specialism } of byFirst.get(words[k]) ?? [])
        if (tokens.every((t, j) => words[k + j] === t)) said.add(specialism);
    for (const [specialism, list] of assets) if (!said.has(specialism)) for (const a of list) unsaid.set(a, specialism);
    for (const specialism of said) for (const a of assets.get(specialism) ?? []) unsaid.delete(a);
    return unsaid;
  }

  private specialists?: {
    vocab: CompiledVocabulary;
    assets: Map<string, number[]>;
    byFirst: Map<string, { tokens: string[]; specialism: string }[]>;
  };

  /**
   * Per specialism, the assets with one of its terms in their name; and its terms by first word, to find
   * them in a query. Worked out once per index and vocabulary.
   */
  private specialistIndex(): NonNullable<SearchIndex['specialists']> {
    const vocab = this.vocab;
    if (this.specialists?.vocab === vocab) return this.specialists;
    const assets = new Map<string, number[]>();
    const byFirst = new Map<string, { tokens: string[]; specialism: string }[]>();
    for (const [specialism, terms] of vocab.specialists) {
      const found = new Set<number>();
      for (const tokens of terms) {
        const list = byFirst.get(tokens[0]) ?? [];
        list.push({ tokens, specialism });
        byFirst.set(tokens[0], list);
        // Small words and letters ("me", "c o p d") are in too many names, or none, to say anything.
        if (tokens.some((t) => t.length < 3 || STOPWORDS.has(t))) continue;
        let inAll: Set<number> | undefined;
        for (const t of tokens) {
          const inName = new Set<number>();
          const id = this.termIds.get(t);
          if (id !== undefined)
            for (let p = this.postStart[id]; p < this.postStart[id + 1]; p++)
              if (this.postFields[p] & NAME && (!inAll || inAll.has(this.postAsset[p]))) inName.add(this.postAsset[p]);
          inAll = inName;
        }
        for (const a of inAll ?? []) found.add(a);
      }
      if (found.size > 0) assets.set(specialism, [...found]);
    }
    this.specialists = { vocab, assets, byFirst };
    return this.specialists;
  }

  /** Whether the asset says it is for this person and not for the other ("for women", "for dads"). */
  onlyFor(person: Person, a: number): boolean {
    return this.says(person, a) && !this.says(otherPerson(person), a);
  }

  private says(person: Person, a: number): boolean {
    for (const word of SAID_OF[person]) {
      const t = this.termIds.get(word);
      if (t !== undefined && this.findPosting(t, a) >= 0) return true;
    }
    return false;
  }

  /** Position of asset `a` in term `t`'s posting list, or -1. */
  findPosting(t: number, a: number): number {
    let lo = this.postStart[t];
    let hi = this.postStart[t + 1] - 1;
    const list = this.postAsset;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = list[mid];
      if (v === a) return mid;
      if (v < a) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  private nextEpoch(): number {
    this.epoch = (this.epoch + 1) >>> 0;
    if (this.epoch === 0) {
      this.stamp.fill(0);
      this.epoch = 1;
    }
    return this.epoch;
  }

  private nextUnitEpoch(): number {
    this.unitEpoch = (this.unitEpoch + 1) >>> 0;
    if (this.unitEpoch === 0) {
      this.unitStamp.fill(0);
      this.unitEpoch = 1;
    }
    return this.unitEpoch;
  }

  // ── suggestions ──────────────────────────────────────────────────────────

  suggestCategories(query: string): CategorySuggestion[] {
    this.ensureIndex();
    const { units } = this.analyse(query);
    const score = new Map<string, number>();
    const because = new Map<string, string[]>();
    const first = new Map<string, number>();
    units.forEach((unit, position) => {
      for (const s of unit.senses) {
        for (const [c, w] of s.sense.categories) {
          score.set(c, (score.get(c) ?? 0) + w * s.quality);
          if (!first.has(c)) first.set(c, position);
          const list = because.get(c) ?? [];
          if (!list.includes(unit.typed)) list.push(unit.typed);
          because.set(c, list);
        }
      }
    });
    return [...score.keys()]
      .sort((x, y) => score.get(y)! - score.get(x)! || first.get(x)! - first.get(y)!)
      .map((category) => ({ category, because: because.get(category)! }));
  }

  // ── explanations ─────────────────────────────────────────────────────────

  explain(ctx: HitContext, a: number, mask: number, nameMask: number, conceptMask: number): string[] {
    const asset = this.assets[a];
    const why: string[] = [];
    const add = (s: string) => {
      if (!why.includes(s)) why.push(s);
    };
    if (ctx.browseCategories?.length) {
      for (const c of asset.categories) if (ctx.browseCategories.includes(c)) add(`in ${categoryLabel(c)}`);
      return why;
    }
    const named = ctx.effectiveMask !== 0 && (nameMask & ctx.effectiveMask) === ctx.effectiveMask;
    if (named) {
      const typed = ctx.units
        .filter((_, i) => (ctx.effectiveMask & (1 << i)) !== 0)
        .map((u) => u.typed)
        .join(' ');
      const inName = ctx.units.every(
        (u, i) => (ctx.effectiveMask & (1 << i)) === 0 || u.words.every((ws) => this.hasField(ws, a, NAME)),
      );
      add(`${inName ? 'name' : 'organisation'} matches "${typed}"`);
    }
    ctx.units.forEach((unit, i) => {
      const bit = 1 << i;
      if ((mask & bit) === 0) return;
      for (const [from, to] of unit.corrections) add(`typo "${from}" → "${to}"`);
      if ((conceptMask & bit) !== 0) {
        let explained = false;
        for (const s of unit.senses) {
          const strongestFirst = [...s.sense.categories].sort((x, y) => y[1] - x[1]);
          for (const [c] of strongestFirst) {
            if (!asset.categories.includes(c)) continue;
            const word = s.kind === 'prefix' || s.kind === 'typo' ? s.via : s.typed;
            add(`"${word}" → ${categoryLabel(c)}`);
            explained = true;
          }
        }
        if (!explained) {
          for (const s of unit.senses) {
            for (const e of s.sense.expands) {
              const x = this.expansion(e);
              if (x && binarySearch(x.assets, a) >= 0) {
                const key = e.join(' ');
                add(`"${s.typed}" → "${this.vocab.sectorText.get(key) ?? key}"`);
                explained = true;
                break;
              }
            }
            if (explained) break;
          }
        }
      }
      if (named && (ctx.effectiveMask & bit) !== 0) return;
      for (const ws of unit.words) {
        const m = this.bestPresent(ws, a);
        if (!m) continue;
        const term = this.termText[m.id];
        const where = this.fieldLabel(this.postFields[this.findPosting(m.id, a)]);
        if (m.kind === 'typo') add(`typo "${unit.typed}" → "${term}"`);
        else if (m.kind === 'prefix' || m.kind === 'variant') add(`"${unit.typed}" matches "${term}" in ${where}`);
        else add(`${where} mentions "${term}"`);
      }
    });
    if (ctx.ageHint !== undefined && Number.isFinite(this.minAge[a] + this.maxAge[a]))
      add(`age ${ctx.ageHint} is within ${asset.minAge}–${asset.maxAge}`);
    if (ctx.person && this.onlyFor(otherPerson(ctx.person), a))
      add(`for ${ctx.person === 'man' ? 'women' : 'men'}; shown lower as the words are about a ${ctx.person}`);
    const specialism = ctx.unsaid?.get(a);
    if (specialism) add(`for ${specialism}, which the words do not mention; shown lower`);
    return why;
  }

  private bestPresent(matches: TermMatch[], a: number): TermMatch | undefined {
    let best: TermMatch | undefined;
    for (const m of matches) {
      if ((!best || m.quality > best.quality) && this.findPosting(m.id, a) >= 0) best = m;
    }
    return best;
  }

  private hasField(matches: TermMatch[], a: number, field: number): boolean {
    if (matches.length === 0) return true;
    return matches.some((m) => {
      const p = this.findPosting(m.id, a);
      return p >= 0 && (this.postFields[p] & field) !== 0;
    });
  }

  private fieldLabel(fields: number): string {
    if (fields & NAME) return 'name';
    if (fields & ORG) return 'organisation';
    if (fields & KEYWORD) return 'keywords';
    if (fields & DESC) return 'description';
    if (fields & AREA) return 'area';
    if (fields & LANGUAGE) return 'languages';
    return 'eligibility';
  }
}

function otherPerson(person: Person): Person {
  return person === 'man' ? 'woman' : 'man';
}

// Words that say who someone is, not who they are to someone else: "mum 27 twins" is a woman, while
// "wife died" says nothing sure about who is asking.
const GENDER_WORDS: ReadonlyMap<string, Person> = new Map([
  ...[...wordSet('woman-words')].map((w) => [w, 'woman'] as const),
  ...[...wordSet('man-words')].map((w) => [w, 'man'] as const),
]);

/** After a person, these make them the one asking: "sister says", "mum worried son 15 smoking". */
const ASKING_WORDS: ReadonlySet<string> = new Set('says said asking asks rang phoned called worried'.split(' '));

/** Before "mum" or "dad", these make them the other parent: "split from the kids' mum". */
const OTHER_PARENT: ReadonlySet<string> = new Set('kids kid childrens babys baby'.split(' '));

/** Who the words say the patient is, when every such word agrees. */
function personSaid(words: string[]): Person | undefined {
  let person: Person | undefined;
  for (let k = 0; k < words.length; k++) {
    const said = GENDER_WORDS.get(words[k]);
    if (!said || ASKING_WORDS.has(words[k + 1]) || OTHER_PARENT.has(words[k - 1])) continue;
    if (person && person !== said) return undefined;
    person = said;
  }
  return person;
}

/** Who the query's vocabulary phrases say the patient is, when they all agree. */
function personOf(units: Unit[]): Person | undefined {
  let person: Person | undefined;
  for (const unit of units) {
    if (unit.optional) continue;
    for (const { sense } of unit.senses) {
      if (!sense.person) continue;
      if (person && person !== sense.person) return undefined;
      person = sense.person;
    }
  }
  return person;
}

/** The page's `requestIdleCallback`, or undefined where there is none (Node, tests, workers without it). */
export function pageIdleScheduler(): IdleScheduler | undefined {
  const host = globalThis as { requestIdleCallback?: IdleScheduler };
  const request = host.requestIdleCallback;
  return typeof request === 'function' ? (cb, o) => request.call(globalThis, cb, o) : undefined;
}

export type IdleScheduler = (
  callback: (deadline?: { timeRemaining(): number }) => void,
  options?: { timeout: number },
) => unknown;

/** Assets indexed per idle slice: a few milliseconds of work. */
const IDLE_SLICE = 256;
/** Vocabulary entries checked and compiled per idle slice: a few milliseconds of work. */
const VOCABULARY_SLICE = 16;

/**
 * Builds the inverted index, any number of assets at a time (so it can run in idle slices), then packs
 * it into compressed rows: the postings of term t are [postStart[t], postStart[t + 1]), in asset order.
 */
class PostingsBuilder {
  next = 0;
  private cap: number;
  private count = 0;
  private pTerm: Int32Array;
  private pAsset: Int32Array;
  private pFields: Uint8Array;
  // Word (as scanned) → term id (-1 stopword, -2 not seen yet), so each distinct word is stemmed once.
  private readonly table: WordTable;
  private wordTerm: Int32Array = new Int32Array(8192).fill(-2);
  private seenAt: Int32Array = new Int32Array(8192).fill(-1);
  private slotOf: Int32Array = new Int32Array(8192);
  private readonly texts: (string | undefined)[] = [];
  private readonly fields: number[] = [];

  constructor(private readonly index: SearchIndex) {
    this.cap = Math.max(1024, index.n * 48);
    this.pTerm = new Int32Array(this.cap);
    this.pAsset = new Int32Array(this.cap);
    this.pFields = new Uint8Array(this.cap);
    this.table = new WordTable(Math.max(4096, index.n));
  }

  /** Indexes assets up to (not including) `until`. */
  run(until: number): void {
    const { table, texts, fields } = this;
    const { assets, nameWords } = this.index;
    let { count, cap, pTerm, pAsset, pFields, wordTerm, seenAt, slotOf } = this;
    for (let a = this.next; a < until; a++) {
      const asset = assets[a];
      texts.length = 0;
      fields.length = 0;
      texts.push(asset.name, asset.organisation);
      fields.push(NAME, ORG);
      if (asset.keywords)
        for (const k of asset.keywords) {
          texts.push(k);
          fields.push(KEYWORD);
        }
      texts.push(asset.description, asset.area, asset.eligibility);
      fields.push(DESC, AREA, OTHER);
      // Languages other than English: "only speaks Urdu" should find the services that speak it.
      if (Array.isArray(asset.languages))
        for (const language of asset.languages) {
          if (typeof language !== 'string' || /^english$/i.test(language.trim())) continue;
          texts.push(language);
          fields.push(LANGUAGE);
        }
      for (let f = 0; f < texts.length; f++) {
        const text = texts[f];
        if (!text || typeof text !== 'string') continue;
        const field = fields[f];
        const wordCount = table.scan(text);
        const words = table.buffer;
        for (let i = 0; i < wordCount; i++) {
          const wordId = words[i];
          let id = wordId < wordTerm.length ? wordTerm[wordId] : -2;
          if (id === -2) {
            id = this.resolveWord(wordId);
            wordTerm = this.wordTerm;
            seenAt = this.seenAt;
            slotOf = this.slotOf;
          }
          if (id < 0) continue;
          if (seenAt[id] === a) {
            const slot = slotOf[id];
            pFields[slot] |= field;
            continue;
          }
          if (count === cap) {
            cap *= 2;
            pTerm = grow(pTerm, cap);
            pAsset = grow(pAsset, cap);
            pFields = grow(pFields, cap);
          }
          seenAt[id] = a;
          slotOf[id] = count;
          pTerm[count] = id;
          pAsset[count] = a;
          pFields[count] = field;
          count++;
          if (field === NAME) nameWords[a]++;
        }
      }
    }
    this.next = Math.max(this.next, until);
    Object.assign(this, { count, cap, pTerm, pAsset, pFields });
  }

  /** Slow path, once per distinct word: stem it, find or add its term, grow the per-term arrays. */
  private resolveWord(wordId: number): number {
    while (wordId >= this.wordTerm.length) this.wordTerm = growFill(this.wordTerm, -2);
    const word = this.table.words[wordId];
    let id = -1;
    if (!STOPWORDS.has(word)) {
      const s = stem(word);
      const { termIds, termText } = this.index;
      const known = termIds.get(s);
      if (known !== undefined) id = known;
      else {
        id = termText.length;
        termIds.set(s, id);
        termText.push(s);
        while (id >= this.seenAt.length) {
          this.seenAt = growFill(this.seenAt, -1);
          this.slotOf = grow(this.slotOf, this.slotOf.length * 2);
        }
      }
    }
    this.wordTerm[wordId] = id;
    return id;
  }

  finish(): void {
    const { count, pTerm, pAsset, pFields } = this;
    const index = this.index;
    const n = index.n;
    const terms = index.termText.length;
    const start = new Int32Array(terms + 1);
    for (let i = 0; i < count; i++) start[pTerm[i] + 1]++;
    for (let t = 0; t < terms; t++) start[t + 1] += start[t];
    const fill = start.slice(0, terms);
    const postAsset = n < 65_536 ? new Uint16Array(count) : new Int32Array(count);
    const postFields = new Uint8Array(count);
    const termFields = new Uint8Array(terms);
    // Scanning in asset order keeps every posting list sorted by asset, which `why` relies on.
    for (let i = 0; i < count; i++) {
      const t = pTerm[i];
      const at = fill[t]++;
      postAsset[at] = pAsset[i];
      postFields[at] = pFields[i];
      termFields[t] |= pFields[i];
    }
    const idf = idfOf(start, terms, n);
    index.postStart = start;
    index.postAsset = postAsset;
    index.postFields = postFields;
    index.termFields = termFields;
    index.idf = idf;
  }
}

interface HitContext {
  index: SearchIndex;
  units: Unit[];
  ageHint?: number;
  person?: Person;
  /** Services shown lower as named for a need the words do not mention, with that need. */
  unsaid?: Map<number, string>;
  effectiveMask: number;
  browseCategories?: string[];
}

/** A result whose reasons are worked out only when someone reads them (most results are never shown). */
class Hit implements SearchHit {
  private reasons?: string[];
  constructor(
    readonly asset: Asset,
    readonly score: number,
    private readonly ctx: HitContext,
    private readonly at: number,
    private readonly mask: number,
    private readonly nameMask: number,
    private readonly conceptMask: number,
  ) {}

  get why(): string[] {
    this.reasons ??= this.ctx.index.explain(this.ctx, this.at, this.mask, this.nameMask, this.conceptMask);
    return this.reasons;
  }

  toJSON() {
    return { asset: this.asset, score: this.score, why: this.why };
  }
}

/** Dates are stored as YYYY-MM-DD; reading the digits directly is several times faster than Date.parse. */
function isoDayMs(day: string): number {
  if (day.length === 10 && day.charCodeAt(4) === 45 && day.charCodeAt(7) === 45) {
    const y = Number(day.slice(0, 4));
    const m = Number(day.slice(5, 7));
    const d = Number(day.slice(8, 10));
    if (y > 0 && m >= 1 && m <= 12 && d >= 1 && d <= 31) return Date.UTC(y, m - 1, d);
  }
  return Date.parse(day);
}

const DAY_MS = 86_400_000;
// Indexed by the filter codes (costCode, referralCode; 0: not given).
const COST_QUALITY = [0.3, 1, 0.6, 0, 0.3, 0.3, 0.3, 0.3];
const REFERRAL_QUALITY = [0.3, 1, 0.2, 0.4, 0.3, 0.3, 0.3, 0.3];

// Unknown filter values map to a code no asset has (7), so they match nothing rather than everything.
const costCode = (c: string) => (c === 'free' ? 1 : c === 'low' ? 2 : c === 'paid' ? 3 : 7);
const referralCode = (r: string) => (r === 'self' ? 1 : r === 'professional' ? 2 : r === 'link_worker' ? 3 : 7);
const deliveryCode = (d: string) => (d === 'in_person' ? 1 : d === 'phone' ? 2 : d === 'online' ? 4 : 0);

function prefixQuality(prefix: string, term: string): number {
  return 0.55 + 0.4 * (prefix.length / term.length);
}

function growFill(arr: Int32Array, fill: number): Int32Array {
  // Doubling keeps the per-word slow path amortised constant.
  const next = new Int32Array(arr.length * 2).fill(fill);
  next.set(arr);
  return next;
}

function grow<T extends Int32Array | Float32Array | Uint8Array>(arr: T, size: number): T {
  const next = new (arr.constructor as { new (n: number): T })(size);
  next.set(arr);
  return next;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0xf0f0f0f) * 0x1010101) >>> 24;
}

function letterMask(word: string): number {
  let m = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    m |= 1 << (c >= 97 && c <= 122 ? c - 97 : 26 + (c % 6));
  }
  return m >>> 0;
}

function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function binarySearch(list: Int32Array, value: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] === value) return mid;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

const SUFFIXES: [string, string][] = [
  ['ing', ''],
  ['ing', 'e'],
  ['ed', ''],
  ['ed', 'e'],
  ['ied', 'y'],
  ['er', ''],
  ['ers', ''],
  ['ment', ''],
  ['ness', ''],
  ['ly', ''],
];

/**
 * Words that say a number counts something other than years of life: "off work 3 months", "ive got 2 kids",
 * "owes 500 quid". "3 years" is a while, "3 years old" an age.
 */
const COUNTED_WORDS: ReadonlySet<string> = wordSet('counted-words');

/** Whether the number just before `next` counts something other than a person's age ("2 kids", "24/7"). */
function countsSomething(raw: string[], next: number): boolean {
  const before = raw[next - 2];
  if (before !== undefined && isNumber(before)) return true;
  const after = raw[next];
  if (after === undefined) return false;
  if (isNumber(after)) return true;
  if (COUNTED_WORDS.has(after)) return true;
  return YEAR_WORDS.has(after) && raw[next + 1] !== 'old';
}

/** "70s" → 70: a decade of life, as people say an age range ("over 60s", "in his 80s"). */
function decadeAge(word: string): number | undefined {
  if (word.length !== 3 || word.charCodeAt(2) !== 115 /* s */) return undefined;
  const tens = word.charCodeAt(0) - 48;
  const units = word.charCodeAt(1) - 48;
  if (tens < 1 || tens > 9 || units < 0 || units > 9) return undefined;
  return tens * 10 + units;
}

/**
 * An age said in so many words at `raw[k]`: "12 yr old", "12 year old", "12yr old", "12yo", "aged 12", and a
 * number said of a person: "shes 12", "im 17", "patient is 12", "mums 81".
 */
function statedAge(raw: string[], k: number): number | undefined {
  const number = AGE_WORD.exec(raw[k]);
  if (!number) return undefined;
  const next = raw[k + 1];
  const before = raw[k - 1];
  const said =
    number[2] === 'yo' ||
    next === 'yo' ||
    (before !== undefined && AGE_LEADS.has(before) && !countsSomething(raw, k + 1)) ||
    // "son 15", "dad 84": a number straight after the person, as receptionists jot it ("baby 6 weeks" is not).
    (before !== undefined && PERSON_WORDS.has(before) && before !== 'baby' && !countsSomething(raw, k + 1)) ||
    (before === 'is' && raw[k - 2] !== undefined && PERSON_WORDS.has(raw[k - 2]) && !countsSomething(raw, k + 1)) ||
    (number[2] !== undefined && next === 'old') ||
    (YEAR_WORDS.has(next) && raw[k + 2] === 'old');
  const age = Number(number[1]);
  return said && age >= 1 && age <= 110 ? age : undefined;
}

const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  (
    'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen ' +
    'seventeen eighteen nineteen'
  )
    .split(' ')
    .map((w, i) => [w, i + 1] as [string, number])
    .concat('twenty thirty forty fifty sixty seventy eighty ninety'.split(' ').map((w, i) => [w, 20 + 10 * i])),
);

/**
 * "my eight-year-old", "im seventy-four": an age in words, written as the number it is so the age rules
 * read it. Other numbers in words ("two kids", "three grand") are left as they are.
 */
function agesInWords(raw: string[]): string[] {
  if (!raw.some((w) => NUMBER_WORDS.has(w))) return raw;
  const out: string[] = [];
  for (let k = 0; k < raw.length; k++) {
    const n = NUMBER_WORDS.get(raw[k]);
    const units = n !== undefined && n >= 20 ? NUMBER_WORDS.get(raw[k + 1]) : undefined;
    const end = units !== undefined && units < 10 ? k + 2 : k + 1;
    const next = raw[end];
    const value = n === undefined ? 0 : n + (end === k + 2 ? (units as number) : 0);
    const aged =
      n !== undefined &&
      ((YEAR_WORDS.has(next) && raw[end + 1] === 'old') ||
        next === 'yo' ||
        (k > 0 && AGE_LEADS.has(raw[k - 1]) && !countsSomething(raw, end)) ||
        // "im only fourteen", "seventeen with a baby": from twelve up, a number in words that counts
        // nothing is an age, as the same number in digits is ("two of them" and "one" stay words).
        (value >= 12 && !countsSomething(raw, end) && !NUMBER_WORDS.has(next)));
    if (!aged) {
      out.push(raw[k]);
      continue;
    }
    out.push(String(value));
    k = end - 1;
  }
  return out;
}

/** "12 year old", "12 yrs old": the words between an age and "old". */
const YEAR_WORDS: ReadonlySet<string> = new Set(['year', 'years', 'yr', 'yrs']);

/** A number as an age may be written: "13", "13yr", "13yrs", "13yo". */
const AGE_WORD = /^(\d+)(yrs?|yo)?$/;

const PARENT_WORDS: ReadonlySet<string> = wordSet('parent-words');

/** Whether the number at k is a child's age said of its parent: "mum of 9yo", "parents of a 6 year old". */
function childOfParent(raw: string[], k: number): boolean {
  if (!AGE_WORD.test(raw[k])) return false;
  let j = k - 1;
  if (raw[j] === 'a' || raw[j] === 'an') j--;
  return raw[j] === 'of' && PARENT_WORDS.has(raw[j - 1]);
}

/** Words that put a person's age straight after them: "aged 12", "shes 12", "mums 81". */
const AGE_LEADS: ReadonlySet<string> = wordSet('age-leads');
/** Who a number is said of, with "is" or straight after: "patient is 12", "she is 80", "son 15". */
const PERSON_WORDS: ReadonlySet<string> = wordSet('person-words');

function isNumber(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 48 && c <= 57 && /^\d+$/.test(word);
}

/** Other forms of a word by common English suffixes, both taking them off and putting them on. */
export function suffixVariants(word: string): string[] {
  const out: string[] = [];
  for (const [suffix, replacement] of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3)
      out.push(word.slice(0, -suffix.length) + replacement);
    if (replacement === '') out.push(word + suffix);
    else if (word.endsWith(replacement) && word.length > 3) out.push(word.slice(0, -replacement.length) + suffix);
  }
  // A doubled consonant before -ed or -ing: "scammed" → "scam", "shopping" → "shop".
  const m = /^(.*([bdgklmnprt]))\2(ed|ing)$/.exec(word);
  if (m && m[1].length >= 2) out.push(m[1]);
  return out.filter((v) => v !== word);
}
