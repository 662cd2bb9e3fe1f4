import { categoryLabel } from './categories';
import { boundedEditDistance, STOPWORDS, stem, tokenise, typoBudget } from './search-text';
import type { Asset, SearchFilters } from './types';
import { type CompiledVocabulary, defaultVocabulary, type VocabularySense } from './vocabulary';

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
}

// Field bits and the weight of a term found in each.
const NAME = 1;
const ORG = 2;
const KEYWORD = 4;
const DESC = 8;
const AREA = 16;
const OTHER = 32;
const NAME_OR_ORG = NAME | ORG;
const FIELD_WEIGHT: Record<number, number> = {
  [NAME]: 1,
  [ORG]: 0.75,
  [KEYWORD]: 0.85,
  [DESC]: 0.45,
  [AREA]: 0.4,
  [OTHER]: 0.3,
};

// Scoring constants (tuned on the `tune` split of bench/eval-queries.json only).
const CATEGORY_SCORE = 0.55;
const EXPANSION_SCORE = 0.5;
const SECOND_SIGNAL = 0.35;
const PHRASE_BONUS = 1.6;
const EXTRA_CATEGORY = 0.3;
const COVERAGE_FLOOR = 0.35;
const QUALITY_WEIGHT = 0.2;
const MAX_UNITS = 12;
const PREFIX_NAME_CAP = 200;
const PREFIX_FULL_CAP = 24;
const FUZZY_CAP = 3;
const CACHE_CAP = 4000;

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
  return {
    search: (query, filters, limit) => index.search(query, filters ?? {}, limit),
    suggestCategories: (query) => index.suggestCategories(query),
  };
}

class SearchIndex {
  readonly assets: Asset[];
  readonly vocab: CompiledVocabulary;
  readonly n: number;
  // Terms and postings (compressed rows: postings of term t are [postStart[t], postStart[t + 1])).
  readonly termIds = new Map<string, number>();
  readonly termText: string[] = [];
  postStart!: Int32Array;
  postAsset!: Int32Array;
  postWeight!: Float32Array;
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
  // Scratch, reused by every keystroke.
  private readonly total: Float32Array;
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
  private readonly finalScore: Float64Array;
  private epoch = 0;
  private unitEpoch = 0;
  // Built on first need, so opening the panel does not pay for them.
  private sorted?: { text: string[]; ids: Int32Array; nameText: string[]; nameIds: Int32Array };
  private fuzzy?: { byLength: string[][]; masks: Uint32Array[]; source: Uint8Array[] };
  private readonly resolutions = new Map<string, TokenResolution>();
  private readonly expansions = new Map<string, Expansion | null>();

  constructor(assets: Asset[], options: SearchOptions) {
    this.assets = assets;
    this.vocab = options.vocabulary ?? defaultVocabulary();
    const n = assets.length;
    this.n = n;
    this.quality = new Float32Array(n);
    this.nameWords = new Uint8Array(n);
    this.cost = new Uint8Array(n);
    this.referral = new Uint8Array(n);
    this.delivery = new Uint8Array(n);
    this.minAge = new Float32Array(n);
    this.maxAge = new Float32Array(n);
    this.total = new Float32Array(n);
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
    this.build(options);
  }

  // ── building ─────────────────────────────────────────────────────────────

  private build(options: SearchOptions): void {
    const n = this.n;
    let cap = Math.max(1024, n * 48);
    let pTerm = new Int32Array(cap);
    let pAsset = new Int32Array(cap);
    let pWeight = new Float32Array(cap);
    let pFields = new Uint8Array(cap);
    let count = 0;
    let seenAt = new Int32Array(4096).fill(-1);
    let slotOf = new Int32Array(4096);
    // Raw word → term id (-1 for stopwords), so each distinct word is stemmed and looked up once.
    const wordIds = new Map<string, number>();
    const termIds = this.termIds;
    const termText = this.termText;
    const catLists = new Map<string, number[]>();
    const today = Date.parse(options.today ?? new Date().toISOString().slice(0, 10));
    const recentMs = (options.staleAfterMonths ?? 6) * 30.44 * 86_400_000;
    const local = new Set((options.localAreas ?? []).map((a) => tokenise(a).join(' ')));

    const termOf = (word: string): number => {
      let id = wordIds.get(word);
      if (id !== undefined) return id;
      if (STOPWORDS.has(word)) id = -1;
      else {
        const s = stem(word);
        id = termIds.get(s);
        if (id === undefined) {
          id = termText.length;
          termIds.set(s, id);
          termText.push(s);
          if (id >= seenAt.length) {
            const bigger = new Int32Array(seenAt.length * 2).fill(-1);
            bigger.set(seenAt);
            seenAt = bigger;
            const slots = new Int32Array(slotOf.length * 2);
            slots.set(slotOf);
            slotOf = slots;
          }
        }
      }
      wordIds.set(word, id);
      return id;
    };

    let a = 0;
    const addField = (text: string | undefined, field: number) => {
      if (!text) return;
      const words = tokenise(text);
      const w = FIELD_WEIGHT[field];
      for (let i = 0; i < words.length; i++) {
        const id = termOf(words[i]);
        if (id < 0) continue;
        if (seenAt[id] === a) {
          const slot = slotOf[id];
          pFields[slot] |= field;
          if (w > pWeight[slot]) pWeight[slot] = w;
          continue;
        }
        if (count === cap) {
          cap *= 2;
          pTerm = grow(pTerm, cap);
          pAsset = grow(pAsset, cap);
          pWeight = grow(pWeight, cap);
          pFields = grow(pFields, cap);
        }
        seenAt[id] = a;
        slotOf[id] = count;
        pTerm[count] = id;
        pAsset[count] = a;
        pWeight[count] = w;
        pFields[count] = field;
        count++;
        if (field === NAME) this.nameWords[a]++;
      }
    };

    for (a = 0; a < n; a++) {
      const asset = this.assets[a];
      addField(asset.name, NAME);
      addField(asset.organisation, ORG);
      if (asset.keywords) for (const k of asset.keywords) addField(k, KEYWORD);
      addField(asset.description, DESC);
      addField(asset.area, AREA);
      addField(asset.eligibility, OTHER);
      for (const c of asset.categories ?? []) {
        const list = catLists.get(c);
        if (list) list.push(a);
        else catLists.set(c, [a]);
      }
      this.cost[a] = asset.cost === 'free' ? 1 : asset.cost === 'low' ? 2 : asset.cost === 'paid' ? 3 : 0;
      this.referral[a] =
        asset.referral === 'self'
          ? 1
          : asset.referral === 'professional'
            ? 2
            : asset.referral === 'link_worker'
              ? 3
              : 0;
      let d = 0;
      for (const x of asset.delivery ?? []) d |= x === 'in_person' ? 1 : x === 'phone' ? 2 : x === 'online' ? 4 : 0;
      this.delivery[a] = d;
      this.minAge[a] = typeof asset.minAge === 'number' ? asset.minAge : Number.NEGATIVE_INFINITY;
      this.maxAge[a] = typeof asset.maxAge === 'number' ? asset.maxAge : Number.POSITIVE_INFINITY;
      this.quality[a] = assetQuality(asset, today, recentMs, local);
    }

    // Terms found in several fields of one asset are a stronger signal than the best field alone.
    for (let i = 0; i < count; i++) {
      const f = pFields[i];
      if ((f & (f - 1)) !== 0) pWeight[i] = Math.min(1.25, pWeight[i] + 0.1 * (popcount(f) - 1));
    }

    const terms = termText.length;
    const start = new Int32Array(terms + 1);
    for (let i = 0; i < count; i++) start[pTerm[i] + 1]++;
    for (let t = 0; t < terms; t++) start[t + 1] += start[t];
    const fill = start.slice(0, terms);
    const postAsset = new Int32Array(count);
    const postWeight = new Float32Array(count);
    const postFields = new Uint8Array(count);
    const termFields = new Uint8Array(terms);
    // Scanning in asset order keeps every posting list sorted by asset, which `why` relies on.
    for (let i = 0; i < count; i++) {
      const t = pTerm[i];
      const at = fill[t]++;
      postAsset[at] = pAsset[i];
      postWeight[at] = pWeight[i];
      postFields[at] = pFields[i];
      termFields[t] |= pFields[i];
    }
    const idf = new Float32Array(terms);
    const norm = Math.log(1 + Math.max(n, 2));
    for (let t = 0; t < terms; t++) idf[t] = Math.log(1 + n / (start[t + 1] - start[t])) / norm;
    this.postStart = start;
    this.postAsset = postAsset;
    this.postWeight = postWeight;
    this.postFields = postFields;
    this.termFields = termFields;
    this.idf = idf;
    for (const [c, list] of catLists) this.catMembers.set(c, Int32Array.from(list));
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
  private analyse(query: string): { units: Unit[]; ageHint?: number } {
    const raw = tokenise(query);
    if (raw.length === 0) return { units: [] };
    const partialLast = /[\p{L}\p{N}'’]$/u.test(query);
    const vocab = this.vocab;
    const stems = raw.map((w) => {
      const fixed = vocab.spellings.get(w);
      return fixed ?? stem(w);
    });
    const units: Unit[] = [];
    let ageHint: number | undefined;
    let i = 0;
    while (i < raw.length && units.length < MAX_UNITS) {
      const phrase = this.phraseAt(raw, stems, i);
      if (phrase) {
        const words = phrase.positions
          .filter((p) => !STOPWORDS.has(raw[p]))
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
      if (/^\d+$/.test(word)) {
        const age = Number(word);
        if (ageHint === undefined && age >= 1 && age <= 110) ageHint = age;
        continue;
      }
      if (STOPWORDS.has(word) && !(partial && raw.length === 1)) continue;
      const r = this.resolve(stems[i - 1], partial, word);
      const corrections: [string, string][] = [];
      if (stems[i - 1] !== stem(word)) corrections.push([word, stems[i - 1]]);
      else if (r.corrected) corrections.push([word, r.corrected]);
      units.push({
        typed: word,
        words: [r.terms],
        senses: r.senses.map((s) => ({ ...s, typed: word })),
        optional: partial && word.length <= 2 && raw.length > 1,
        corrections,
      });
    }
    return { units, ageHint };
  }

  private phraseAt(
    raw: string[],
    stems: string[],
    i: number,
  ): { sense: VocabularySense; end: number; positions: number[] } | undefined {
    const vocab = this.vocab;
    // The word still being typed counts only as written ("wife di" is not yet "wife died").
    const limit = raw.length;
    for (let len = Math.min(vocab.maxPhraseWords, limit - i); len >= 2; len--) {
      const key = stems.slice(i, i + len).join(' ');
      const sense = vocab.senses.get(key);
      if (sense) return { sense, end: i + len, positions: range(i, i + len) };
    }
    if (STOPWORDS.has(raw[i])) return undefined;
    // Loose match: the phrase's content words in order, ignoring small words in between.
    const content: number[] = [];
    for (let j = i; j < limit && content.length < vocab.maxPhraseWords; j++)
      if (!STOPWORDS.has(raw[j])) content.push(j);
    for (let len = content.length; len >= 2; len--) {
      const key = content
        .slice(0, len)
        .map((p) => stems[p])
        .join(' ');
      const full = vocab.looseKeys.get(key);
      const sense = full === undefined ? undefined : vocab.senses.get(full);
      if (sense) return { sense, end: content[len - 1] + 1, positions: range(i, content[len - 1] + 1) };
    }
    return undefined;
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
      for (const id of this.prefixRange(s.nameText, s.nameIds, word, PREFIX_NAME_CAP))
        addTerm(id, prefixQuality(word, this.termText[id]), 'prefix');
      if (word.length >= 3)
        for (const id of this.prefixRange(s.text, s.ids, word, PREFIX_FULL_CAP))
          addTerm(id, 0.9 * prefixQuality(word, this.termText[id]), 'prefix');
      if (word.length >= 3 && !sense && !this.termIds.has(word)) {
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
    const exactFound = this.termIds.has(word) || sense !== undefined;
    if (!exactFound && terms.length === 0 && senses.length === 0) {
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
        // Two edits apart is only plausible as a typo when the word starts the same way.
        if (d === 2 && (list[k].charCodeAt(0) !== word.charCodeAt(0) || list[k].charCodeAt(1) !== word.charCodeAt(1)))
          continue;
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
    const { units, ageHint } = this.analyse(query);
    const filter = this.compileFilter(filters);
    if (units.length === 0) return this.browse(filters, filter, limit);

    const epoch = this.nextEpoch();
    let touchedCount = 0;
    let effective = 0;
    let effectiveMask = 0;
    const specificity = new Float32Array(units.length);
    let specificityTotal = 0;
    let textUnits = 0;
    const required = units.filter((u) => !u.optional);
    const ordered = [...required, ...units.filter((u) => u.optional)];
    const onlyOptional = required.length === 0;
    for (let b = 0; b < ordered.length; b++) {
      const unit = ordered[b];
      const bit = 1 << units.indexOf(unit);
      const gatherNew = !unit.optional || onlyOptional || touchedCount === 0;
      const uEpoch = this.nextUnitEpoch();
      let uCount = 0;
      const touch = (a: number) => {
        if (this.unitStamp[a] !== uEpoch) {
          this.unitStamp[a] = uEpoch;
          this.unitText[a] = 0;
          this.unitCat[a] = 0;
          this.unitCatSum[a] = 0;
          this.unitExp[a] = 0;
          this.unitName[a] = 0;
          this.unitWords[a] = 0;
          this.unitTouched[uCount++] = a;
        }
      };
      // Text: a phrase's words share the unit's text score; a single word takes its best-matching term.
      const k = unit.words.length;
      let anyText = false;
      for (let w = 0; w < k; w++) {
        const matches = unit.words[w];
        // A phrase's words each add their best term once; a single word keeps its best-scoring term.
        const mCount = k === 1 ? matches.length : Math.min(1, matches.length);
        for (let m = 0; m < mCount; m++) {
          const { id, quality } = matches[m];
          const q = (quality * this.idf[id]) / k;
          for (let p = this.postStart[id], end = this.postStart[id + 1]; p < end; p++) {
            const a = this.postAsset[p];
            if (!gatherNew && this.stamp[a] !== epoch) continue;
            touch(a);
            anyText = true;
            const s = q * this.postWeight[p];
            const nameHit = (this.postFields[p] & NAME_OR_ORG) !== 0;
            if (k === 1) {
              if (s > this.unitText[a]) this.unitText[a] = s;
              if (nameHit) this.unitName[a] = 1;
            } else {
              this.unitText[a] += s;
              this.unitWords[a]++;
              if (nameHit) this.unitName[a]++;
            }
          }
        }
      }
      if (anyText) textUnits++;
      // Concept: categories the vocabulary points to, and the sector terms it expands to.
      if (unit.senses.length > 0) {
        const cats = new Map<string, number>();
        const expands = new Map<string, string[]>();
        for (const s of unit.senses) {
          for (const [c, w] of s.sense.categories) cats.set(c, Math.max(cats.get(c) ?? 0, w * s.quality));
          for (const e of s.sense.expands) expands.set(e.join(' '), e);
        }
        for (const [c, w] of cats) {
          const members = this.catMembers.get(c);
          if (!members) continue;
          for (let j = 0; j < members.length; j++) {
            const a = members[j];
            if (!gatherNew && this.stamp[a] !== epoch) continue;
            touch(a);
            if (w > this.unitCat[a]) this.unitCat[a] = w;
            this.unitCatSum[a] += w;
          }
        }
        for (const e of expands.values()) {
          const x = this.expansion(e);
          if (!x) continue;
          const q = unit.senses[0].quality;
          for (let j = 0; j < x.assets.length; j++) {
            const a = x.assets[j];
            if (!gatherNew && this.stamp[a] !== epoch) continue;
            touch(a);
            const s = x.weights[j] * q;
            if (s > this.unitExp[a]) this.unitExp[a] = s;
          }
        }
      }
      if (uCount > 0 && !(unit.optional && !onlyOptional)) {
        effective++;
        effectiveMask |= bit;
        // A word that only weakly points to a need ("mum") matters less when it is missing.
        let spec = 1;
        if (unit.senses.length > 0) {
          spec = 0;
          for (const s of unit.senses) for (const w of s.sense.categories.values()) spec = Math.max(spec, w);
        }
        specificity[units.indexOf(unit)] = spec;
        specificityTotal += spec;
      }
      const nameNeeded = k;
      for (let j = 0; j < uCount; j++) {
        const a = this.unitTouched[j];
        // The whole phrase, word for word, in the asset says more than its words scattered about.
        const text = k > 1 && this.unitWords[a] === k ? PHRASE_BONUS * this.unitText[a] : this.unitText[a];
        // An asset in several of the categories a phrase points to fits it better than one in just one.
        const cat = this.unitCat[a] + EXTRA_CATEGORY * (this.unitCatSum[a] - this.unitCat[a]);
        const concept = CATEGORY_SCORE * cat + EXPANSION_SCORE * this.unitExp[a];
        const s = text > concept ? text + SECOND_SIGNAL * concept : concept + SECOND_SIGNAL * text;
        if (s <= 0) continue;
        if (this.stamp[a] !== epoch) {
          this.stamp[a] = epoch;
          this.total[a] = 0;
          this.mask[a] = 0;
          this.nameMask[a] = 0;
          this.conceptMask[a] = 0;
          this.touched[touchedCount++] = a;
        }
        this.total[a] += unit.optional ? 0.5 * s : s;
        this.mask[a] |= bit;
        if (concept > 0) this.conceptMask[a] |= bit;
        if (nameNeeded > 0 && this.unitName[a] >= nameNeeded) this.nameMask[a] |= bit;
      }
    }

    // Final score: coverage of the query, names typed directly, then the quality rules.
    const fs = this.finalScore;
    const candidates = this.unitTouched; // free again: reuse as the candidate list
    let cc = 0;
    for (let j = 0; j < touchedCount; j++) {
      const a = this.touched[j];
      if (!filter(a)) continue;
      let covered = 0;
      const m = this.mask[a] & effectiveMask;
      if (m !== 0) for (let u = 0; u < units.length; u++) if (m & (1 << u)) covered += specificity[u];
      covered = specificityTotal > 0 ? covered / specificityTotal : 0;
      let score = this.total[a] * (COVERAGE_FLOOR + (1 - COVERAGE_FLOOR) * covered * covered);
      if (textUnits > 0 && effectiveMask !== 0 && (this.nameMask[a] & effectiveMask) === effectiveMask) {
        const tight = effective / Math.max(effective, this.nameWords[a]);
        score += 1.5 * effective + 1 + tight;
      }
      if (ageHint !== undefined && (this.minAge[a] > ageHint || this.maxAge[a] < ageHint)) score *= 0.4;
      else if (ageHint !== undefined && Number.isFinite(this.minAge[a] + this.maxAge[a])) score *= 1.1;
      fs[a] = score * (1 + QUALITY_WEIGHT * this.quality[a]);
      candidates[cc++] = a;
    }
    const order = sortByScore(candidates, cc, fs);
    const context: HitContext = { index: this, units, ageHint, effectiveMask };
    const max = limit === undefined ? order.length : Math.min(limit, order.length);
    const hits: SearchHit[] = new Array(max);
    for (let j = 0; j < max; j++) {
      const a = order[j];
      hits[j] = new Hit(this.assets[a], fs[a], context, a, this.mask[a], this.nameMask[a], this.conceptMask[a]);
    }
    return hits;
  }

  /** Empty query: every asset passing the filters, ranked by the quality rules alone. */
  private browse(filters: SearchFilters, filter: (a: number) => boolean, limit?: number): SearchHit[] {
    const any =
      (filters.categories?.length ?? 0) > 0 ||
      (filters.cost?.length ?? 0) > 0 ||
      (filters.delivery?.length ?? 0) > 0 ||
      (filters.referral?.length ?? 0) > 0 ||
      typeof filters.age === 'number';
    if (!any) return [];
    const fs = this.finalScore;
    const candidates = this.unitTouched;
    let cc = 0;
    for (let a = 0; a < this.n; a++) {
      if (!filter(a)) continue;
      fs[a] = 1 + this.quality[a];
      candidates[cc++] = a;
    }
    const order = sortByScore(candidates, cc, fs);
    const max = limit === undefined ? order.length : Math.min(limit, order.length);
    const context: HitContext = { index: this, units: [], effectiveMask: 0, browseCategories: filters.categories };
    const hits: SearchHit[] = new Array(max);
    for (let j = 0; j < max; j++) hits[j] = new Hit(this.assets[order[j]], fs[order[j]], context, order[j], 0, 0, 0);
    return hits;
  }

  private compileFilter(filters: SearchFilters): (a: number) => boolean {
    const cats = filters.categories?.length ? filters.categories : undefined;
    const costs = filters.cost?.length ? new Set<number>(filters.cost.map(costCode)) : undefined;
    const refs = filters.referral?.length ? new Set<number>(filters.referral.map(referralCode)) : undefined;
    let deliveryBits = 0;
    for (const d of filters.delivery ?? []) deliveryBits |= deliveryCode(d);
    const age = typeof filters.age === 'number' && Number.isFinite(filters.age) ? filters.age : undefined;
    let inCategory: Uint8Array | undefined;
    if (cats) {
      inCategory = new Uint8Array(this.n);
      for (const c of cats) for (const a of this.catMembers.get(c) ?? []) inCategory[a] = 1;
    }
    const wantsDelivery = (filters.delivery?.length ?? 0) > 0;
    return (a) =>
      (!inCategory || inCategory[a] === 1) &&
      (!costs || costs.has(this.cost[a])) &&
      (!refs || refs.has(this.referral[a])) &&
      (!wantsDelivery || (this.delivery[a] & deliveryBits) !== 0) &&
      (age === undefined || (this.minAge[a] <= age && this.maxAge[a] >= age));
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
      let w = this.postWeight[p];
      let all = true;
      for (let k = 1; k < ids.length && all; k++) {
        const q = this.findPosting(ids[k], a);
        if (q < 0) all = false;
        else w = Math.min(w, this.postWeight[q]);
      }
      if (all) {
        assets.push(a);
        weights.push(w);
      }
    }
    const x = { text: key, assets: Int32Array.from(assets), weights: Float32Array.from(weights) };
    this.expansions.set(key, x);
    return x;
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
          for (const [c] of s.sense.categories) {
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
                add(`"${s.typed}" → "${e.join(' ')}"`);
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
    return 'eligibility';
  }
}

interface HitContext {
  index: SearchIndex;
  units: Unit[];
  ageHint?: number;
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

function assetQuality(asset: Asset, today: number, recentMs: number, local: Set<string>): number {
  const verified = asset.lastVerified ? Date.parse(asset.lastVerified) : Number.NaN;
  const age = today - verified;
  const recency = Number.isNaN(age) ? 0 : age <= recentMs ? 1 : age <= 2 * recentMs ? 0.5 : 0;
  const referral = asset.referral === 'self' ? 1 : asset.referral === 'link_worker' ? 0.4 : asset.referral ? 0.2 : 0.3;
  const cost = asset.cost === 'free' ? 1 : asset.cost === 'low' ? 0.6 : asset.cost === 'paid' ? 0 : 0.3;
  const wait = asset.waitingWeeks ? 1 / (1 + asset.waitingWeeks / 2) : 1;
  const isLocal = local.size === 0 ? 0.5 : asset.area && local.has(tokenise(asset.area).join(' ')) ? 1 : 0;
  return 0.3 * recency + 0.25 * referral + 0.2 * cost + 0.1 * wait + 0.15 * isLocal;
}

const costCode = (c: string) => (c === 'free' ? 1 : c === 'low' ? 2 : c === 'paid' ? 3 : -1);
const referralCode = (r: string) => (r === 'self' ? 1 : r === 'professional' ? 2 : r === 'link_worker' ? 3 : -1);
const deliveryCode = (d: string) => (d === 'in_person' ? 1 : d === 'phone' ? 2 : d === 'online' ? 4 : 0);

function prefixQuality(prefix: string, term: string): number {
  return 0.55 + 0.4 * (prefix.length / term.length);
}

/** Candidates (first `count` of `list`) best first; ties keep directory order. */
function sortByScore(list: Int32Array, count: number, score: Float64Array): Int32Array {
  const out = list.slice(0, count);
  out.sort((x, y) => score[y] - score[x] || x - y);
  return out;
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

/** Other forms of a word by common English suffixes, both taking them off and putting them on. */
export function suffixVariants(word: string): string[] {
  const out: string[] = [];
  for (const [suffix, replacement] of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3)
      out.push(word.slice(0, -suffix.length) + replacement);
    if (replacement === '') out.push(word + suffix);
    else if (word.endsWith(replacement) && word.length > 3) out.push(word.slice(0, -replacement.length) + suffix);
  }
  return out.filter((v) => v !== word);
}
