import mappingData from '../data/oruk-mapping.json';
import { checkAsset, deriveAssetId, normaliseAsset } from './asset-rules';
import { isCategoryId, resolveCategory } from './categories';
import {
  type Asset,
  type Delivery,
  type Issue,
  type ParseResult,
  type Referral,
  UNCATEGORISED,
  type Warning,
} from './types';

/**
 * Open Referral UK feeds → assets. Two dialects are live: ORUK v1 (`content`, `service_taxonomys`,
 * `regular_schedules`, `eligibilitys`, `physical_addresses`…) and HSDS 3.x (`contents`, `phones`,
 * `schedules`, `attributes[].taxonomy_term`, `minimum_age`…). Both are read by the same code, which
 * looks for either spelling of each field.
 *
 * Feeds are someone else's data that the practice cannot correct, so a service is kept whenever it
 * can be used: a malformed optional detail (bad email, min age above max age) is dropped with a
 * warning, and a service that maps to no category is kept as `uncategorised` for review. Only a
 * service with no name or no way to contact it is rejected.
 */

type Json = Record<string, unknown>;

// ------------------------------------------------------------------------------------------ mapping

export interface OrukMapping {
  /** Taxonomy term id, code or name (case-insensitive) → category ids. */
  terms: Record<string, string[]>;
  /** Category id → words or phrases; a trailing `*` matches any ending. */
  keywords: Record<string, string[]>;
}

export interface CompiledMapping {
  terms: Map<string, string[]>;
  keywords: { category: string; pattern: RegExp }[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Check and compile an edited mapping; entries naming unknown categories are left out and listed. */
export function compileMapping(raw: unknown): { mapping: CompiledMapping; problems: string[] } {
  const problems: string[] = [];
  const mapping: CompiledMapping = { terms: new Map(), keywords: [] };
  if (!raw || typeof raw !== 'object') {
    return { mapping, problems: ['The mapping is not an object with "terms" and "keywords".'] };
  }
  const { terms, keywords } = raw as Partial<OrukMapping>;
  const known = (list: unknown, where: string): string[] => {
    if (!Array.isArray(list)) {
      problems.push(`${where}: categories must be a list`);
      return [];
    }
    return list.filter((c): c is string => {
      const ok = typeof c === 'string' && isCategoryId(c);
      if (!ok) problems.push(`${where}: "${String(c)}" is not a category id`);
      return ok;
    });
  };
  for (const [term, categories] of Object.entries(terms ?? {})) {
    const ids = known(categories, `term "${term}"`);
    if (ids.length) mapping.terms.set(term.trim().toLowerCase(), ids);
  }
  for (const [category, words] of Object.entries(keywords ?? {})) {
    if (!isCategoryId(category)) {
      problems.push(`keywords: "${category}" is not a category id`);
      continue;
    }
    if (!Array.isArray(words)) {
      problems.push(`keywords for "${category}" must be a list`);
      continue;
    }
    const parts = words
      .filter((w): w is string => typeof w === 'string' && w.trim() !== '')
      .map((w) => {
        const t = w.trim().toLowerCase();
        return t.endsWith('*') ? `${escapeRegExp(t.slice(0, -1))}[\\p{L}\\p{N}'-]*` : escapeRegExp(t);
      });
    if (parts.length) {
      mapping.keywords.push({
        category,
        pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.join('|')})(?![\\p{L}\\p{N}])`, 'iu'),
      });
    }
  }
  return { mapping, problems };
}

export const defaultMapping: CompiledMapping = compileMapping(mappingData).mapping;

export interface TaxonomyTerm {
  id?: string;
  code?: string;
  name?: string;
}

/**
 * Categories for a service: taxonomy terms named in the mapping (or named like one of our
 * categories) first; failing that, keywords in the term names; failing that, keywords in the
 * service's own name and description.
 */
export function mapCategories(
  service: { terms: TaxonomyTerm[]; name?: string; description?: string },
  mapping: CompiledMapping = defaultMapping,
): string[] {
  const found = new Set<string>();
  for (const term of service.terms) {
    for (const key of [term.id, term.code, term.name]) {
      if (!key) continue;
      for (const c of mapping.terms.get(key.trim().toLowerCase()) ?? []) found.add(c);
      const own = resolveCategory(key);
      if (own) found.add(own);
    }
  }
  if (found.size) return [...found];
  const byKeywords = (text: string) => {
    for (const { category, pattern } of mapping.keywords) if (pattern.test(text)) found.add(category);
  };
  byKeywords(
    service.terms
      .map((t) => t.name ?? '')
      .filter(Boolean)
      .join(' · '),
  );
  if (found.size) return [...found];
  byKeywords(`${service.name ?? ''} · ${service.description ?? ''}`);
  return [...found];
}

// ------------------------------------------------------------------------------------ field readers

const isObj = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObj) : []);

function text(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return undefined;
  // Some feeds wrap values in a stray pair of quotes ("\"+44 1234 234567\"").
  const t = v
    .trim()
    .replace(/^"(.*)"$/s, '$1')
    .trim();
  return t === '' ? undefined : t;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', pound: '£' };

/** Feed descriptions often carry HTML; the panel shows plain text. */
export function plainText(v: unknown): string | undefined {
  const t = text(v);
  if (!t || !/[<&]/.test(t)) return t;
  const stripped = t
    .replace(/<\s*(br|\/p|\/li|\/div|\/h\d)\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, code: string) => {
      if (code[0] === '#') {
        const n = code[1] === 'x' || code[1] === 'X' ? Number.parseInt(code.slice(2), 16) : Number(code.slice(1));
        return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
      }
      return ENTITIES[code.toLowerCase()] ?? m;
    })
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
  return stripped === '' ? undefined : stripped;
}

function unique(values: (string | undefined)[]): string[] {
  const out: string[] = [];
  for (const v of values) if (v && !out.some((o) => o.toLowerCase() === v.toLowerCase())) out.push(v);
  return out;
}

function locationsOf(service: Json): Json[] {
  return list(service.service_at_locations)
    .map((sal) => (isObj(sal.location) ? { ...sal.location, _sal: sal } : sal))
    .concat(list(service.locations));
}

function phoneText(phone: Json): string | undefined {
  const number = text(phone.number);
  if (!number) return undefined;
  const ext = text(phone.extension);
  return ext ? `${number} ext. ${ext}` : number;
}

function phonesOf(service: Json): string[] {
  const phones: Json[] = [...list(service.phones)];
  for (const c of list(service.contacts)) phones.push(...list(c.phones));
  for (const loc of locationsOf(service)) {
    phones.push(...list(loc.phones));
    for (const c of list(loc.contacts)) phones.push(...list(c.phones));
    if (isObj(loc._sal)) {
      phones.push(...list(loc._sal.phones));
      for (const c of list(loc._sal.contacts)) phones.push(...list(c.phones));
    }
  }
  const org = isObj(service.organization) ? service.organization : {};
  phones.push(...list(org.phones));
  return unique(phones.map(phoneText));
}

function emailsOf(service: Json): string[] {
  const org = isObj(service.organization) ? service.organization : {};
  return unique([
    text(service.email),
    ...list(service.contacts).map((c) => text(c.email)),
    ...locationsOf(service).flatMap((l) => [
      text(l.email),
      ...list(l.contacts).map((c) => text(c.email)),
      ...(isObj(l._sal) ? list(l._sal.contacts).map((c) => text(c.email)) : []),
    ]),
    text(org.email),
  ]);
}

function websitesOf(service: Json): string[] {
  const org = isObj(service.organization) ? service.organization : {};
  return unique([text(service.url), text(service.website), text(org.website), text(org.url)]);
}

function addressOf(service: Json): { address?: string; postcode?: string } {
  for (const loc of locationsOf(service)) {
    const addresses = [...list(loc.physical_addresses), ...list(loc.addresses)];
    const chosen =
      addresses.find((a) => text(a.address_type)?.toLowerCase() === 'physical') ??
      addresses.find((a) => text(a.address_type)?.toLowerCase() !== 'postal') ??
      addresses[0];
    if (!chosen) continue;
    const street = text(chosen.address_1);
    const parts = unique([
      text(loc.name) !== street ? text(loc.name) : undefined,
      street,
      text(chosen.address_2),
      text(chosen.city),
      text(chosen.region),
      text(chosen.state_province),
    ]);
    return { address: parts.join(', ') || undefined, postcode: text(chosen.postal_code) };
  }
  return {};
}

const DAYS: Record<string, string> = { MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun' };

function time(v: unknown): string | undefined {
  const t = text(v);
  const m = t && /^(\d{1,2}):(\d{2})/.exec(t);
  return m ? `${m[1].padStart(2, '0')}:${m[2]}` : t;
}

function scheduleText(s: Json): string | undefined {
  const described = plainText(s.description);
  if (described) return described;
  const days = (text(s.byday) ?? '')
    .split(',')
    .map((d) => DAYS[d.trim().toUpperCase().slice(-2)])
    .filter(Boolean)
    .join(', ');
  const opens = time(s.opens_at);
  const closes = time(s.closes_at);
  const hours = opens && closes ? `${opens}–${closes}` : opens ? `from ${opens}` : closes ? `until ${closes}` : '';
  const out = [days, hours].filter(Boolean).join(' ');
  return out || undefined;
}

function openingTimesOf(service: Json): string | undefined {
  const schedules = [...list(service.regular_schedules), ...list(service.schedules)];
  for (const loc of locationsOf(service)) {
    schedules.push(...list(loc.regular_schedules), ...list(loc.schedules));
    if (isObj(loc._sal)) schedules.push(...list(loc._sal.regular_schedules), ...list(loc._sal.schedules));
  }
  const parts = unique(schedules.map(scheduleText));
  return parts.length ? parts.join('; ') : undefined;
}

function costOf(service: Json): Asset['cost'] {
  const options = list(service.cost_options);
  const amounts = options.map((o) => Number(o.amount)).filter((n) => Number.isFinite(n));
  if (amounts.some((n) => n > 0)) return 'paid';
  if (amounts.length && amounts.every((n) => n === 0)) return 'free';
  const words = [service.fees, service.fees_description, ...options.flatMap((o) => [o.option, o.amount_description])]
    .map((v) => text(v) ?? '')
    .join(' ');
  if (/\bfree\b|\bno charge\b/i.test(words) && !/£\s*\d*[1-9]/.test(words)) return 'free';
  return undefined;
}

function referralOf(service: Json): Referral | undefined {
  const access = text(service.attending_access)?.toLowerCase() ?? '';
  if (/referral/.test(access)) return 'professional';
  if (/drop[\s-]?in|appointment|membership|self/.test(access)) return 'self';
  return undefined;
}

function deliveryOf(service: Json): Delivery[] {
  const out = new Set<Delivery>();
  const attending = text(service.attending_type)?.toLowerCase() ?? '';
  if (/venue|in[\s-]?person|home visit|face/.test(attending)) out.add('in_person');
  if (/phone/.test(attending)) out.add('phone');
  if (/online|virtual|video|web/.test(attending)) out.add('online');
  for (const loc of locationsOf(service)) {
    const type = text(loc.location_type)?.toLowerCase();
    if (type === 'physical') out.add('in_person');
    if (type === 'virtual') out.add('online');
  }
  return [...out];
}

function agesOf(service: Json): { minAge?: number; maxAge?: number } {
  const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() ? Number(v) : Number.NaN);
  const mins = [num(service.minimum_age), ...list(service.eligibilitys).map((e) => num(e.minimum_age))].filter(
    Number.isFinite,
  );
  const maxs = [num(service.maximum_age), ...list(service.eligibilitys).map((e) => num(e.maximum_age))].filter(
    Number.isFinite,
  );
  return {
    minAge: mins.length ? Math.min(...mins) : undefined,
    maxAge: maxs.length ? Math.max(...maxs) : undefined,
  };
}

function waitingWeeksOf(service: Json): number | undefined {
  const t = text(service.wait_time);
  const m = t && /(\d+(?:\.\d+)?)\s*(week|wk|day|month)/i.exec(t);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2].toLowerCase();
  const weeks = unit.startsWith('day') ? n / 7 : unit.startsWith('month') ? n * 4.3 : n;
  return Math.round(weeks * 10) / 10;
}

function termsOf(service: Json): TaxonomyTerm[] {
  const raw: Json[] = [];
  for (const st of list(service.service_taxonomys)) raw.push(isObj(st.taxonomy) ? st.taxonomy : st);
  for (const a of list(service.attributes)) if (isObj(a.taxonomy_term)) raw.push(a.taxonomy_term);
  raw.push(...list(service.taxonomy_terms));
  return raw.map((t) => ({ id: text(t.id), code: text(t.code), name: text(t.name) }));
}

function dateOf(v: unknown): string | undefined {
  const t = text(v);
  const m = t && /^(\d{4}-\d{2}-\d{2})/.exec(t);
  return m ? m[1] : undefined;
}

// ------------------------------------------------------------------------------------------ service

export interface ServiceOutcome {
  asset?: Asset;
  issues: Issue[];
  warnings: string[];
}

const SALVAGEABLE = new Set(['email', 'website', 'minAge', 'maxAge', 'waitingWeeks', 'lastVerified']);

/** One feed service → one asset (or the reasons it cannot be used). */
export function orukServiceToAsset(service: unknown, mapping: CompiledMapping = defaultMapping): ServiceOutcome {
  if (!isObj(service)) return { issues: [{ message: 'it is not an object with named fields' }], warnings: [] };
  const warnings: string[] = [];
  const name = text(service.name);
  const org = isObj(service.organization) ? service.organization : {};
  const organisation = text(org.name);
  const description = plainText(service.description);
  const terms = termsOf(service);
  const { address, postcode } = addressOf(service);
  const status = text(service.status)?.toLowerCase();
  const emails = emailsOf(service);
  const websites = websitesOf(service);

  let categories = mapCategories({ terms, name, description }, mapping);
  const uncategorised = categories.length === 0;
  if (uncategorised) categories = [UNCATEGORISED];

  const raw: Partial<Asset> = {
    id: text(service.id) ?? (name ? deriveAssetId(name, organisation) : undefined),
    name,
    organisation,
    description,
    categories,
    keywords: unique([text(service.alternate_name), ...terms.map((t) => t.name)]).slice(0, 12),
    phone: phonesOf(service)[0],
    email: emails[0],
    website: websites[0],
    address,
    postcode,
    area: unique([...list(service.service_areas).map((a) => text(a.service_area) ?? text(a.name))]).join(', '),
    openingTimes: openingTimesOf(service),
    cost: costOf(service),
    referral: referralOf(service),
    ...agesOf(service),
    eligibility: unique([
      text(service.eligibility_description),
      ...list(service.eligibilitys).map((e) => text(e.eligibility)),
    ]).join('; '),
    accessibility: unique(
      locationsOf(service).flatMap((l) => [
        ...list(l.accessibility_for_disabilities).map((a) => text(a.accessibility)),
        ...list(l.accessibility).map((a) => text(a.description)),
      ]),
    ).join('; '),
    languages: unique(
      (Array.isArray(service.languages) ? service.languages : []).map((l) =>
        isObj(l) ? (text(l.language) ?? text(l.name)) : text(l),
      ),
    ),
    delivery: deliveryOf(service),
    waitingWeeks: waitingWeeksOf(service),
    lastVerified: dateOf(service.assured_date),
    status: !status || status === 'active' ? 'active' : 'inactive',
    source: 'oruk',
  };
  let asset = normaliseAsset(raw);

  // Try the other contact details before giving up on a bad one.
  const fallback: Record<string, string[]> = { email: emails.slice(1), website: websites.slice(1) };
  for (let pass = 0; pass < 4; pass++) {
    const issues = checkAsset(asset);
    const fixable = issues.filter((i) => i.field && SALVAGEABLE.has(i.field));
    if (fixable.length === 0 || fixable.length !== issues.length) break;
    const next: Record<string, unknown> = { ...asset };
    for (const issue of fixable) {
      const field = issue.field as keyof Asset;
      const alternative = fallback[field]?.shift();
      if (field === 'minAge' && issue.message.includes('greater than')) {
        delete next.minAge;
        delete next.maxAge;
        warnings.push(`${issue.message}, so the age limits were left out`);
      } else if (alternative) {
        next[field] = alternative;
      } else if (next[field] !== undefined) {
        delete next[field];
        warnings.push(`${issue.message}, so it was left out`);
      }
    }
    asset = normaliseAsset(next);
  }
  const issues = checkAsset(asset);
  if (!asset.id) issues.push({ field: 'id', message: 'id is missing' });
  if (issues.length) return { issues, warnings };
  if (uncategorised) warnings.push('matched no category and was imported as "uncategorised" for review');
  return { asset: asset as Asset, issues: [], warnings };
}

// -------------------------------------------------------------------------------------------- pages

const SERVICE_KEYS = [
  'organization',
  'service_taxonomys',
  'regular_schedules',
  'service_at_locations',
  'eligibilitys',
  'cost_options',
  'assured_date',
  'schedules',
  'attributes',
  'service_areas',
  'minimum_age',
  'maximum_age',
  'attending_type',
  'attending_access',
  'deliverable_type',
  'wait_time',
  'eligibility_description',
  'taxonomy_terms',
  'fees',
  'fees_description',
];

const TERM_KEYS = ['term_uri', 'taxonomy_detail', 'vocabulary', 'parent_id'];

function looksLikeService(v: unknown): boolean {
  return isObj(v) && !('categories' in v) && SERVICE_KEYS.some((k) => k in v);
}

/** A feed page, a single feed service, or a list of feed services (not our own JSON). */
export function looksLikeOruk(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0 && looksLikeService(value.find(isObj));
  if (!isObj(value)) return false;
  if (Array.isArray(value.content) || Array.isArray(value.contents)) return true;
  return looksLikeService(value);
}

export interface PageInfo {
  number?: number;
  totalPages?: number;
  /** True when the feed says this is the last page. */
  last?: boolean;
}

export interface OrukPage extends ParseResult {
  page: PageInfo;
}

function serviceLabel(service: unknown, index: number): string {
  const s = isObj(service) ? service : {};
  const name = text(s.name);
  const id = text(s.id);
  if (name) return `service "${name.length > 60 ? `${name.slice(0, 59)}…` : name}"${id ? ` (id ${id})` : ''}`;
  return id ? `service with id ${id}` : `service ${index + 1}`;
}

function numberOr(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/**
 * One page of a feed (or a whole file holding one). Never throws. `page` tells a fetcher where it
 * is: ORUK v1 `number`/`totalPages`/`last`, or HSDS 3 `page_number`/`total_pages`/`last_page`.
 */
export function parseOrukPage(json: unknown, options: { mapping?: CompiledMapping } = {}): OrukPage {
  const result: OrukPage = { assets: [], errors: [], warnings: [], page: {} };
  try {
    let services: unknown[];
    if (Array.isArray(json)) services = json;
    else if (isObj(json) && (Array.isArray(json.content) || Array.isArray(json.contents))) {
      services = (Array.isArray(json.contents) ? json.contents : json.content) as unknown[];
      result.page = {
        number: numberOr(json.page_number) ?? numberOr(json.number),
        totalPages: numberOr(json.total_pages) ?? numberOr(json.totalPages),
        last:
          typeof json.last_page === 'boolean' ? json.last_page : typeof json.last === 'boolean' ? json.last : undefined,
      };
    } else if (isObj(json) && ('content' in json || 'contents' in json)) {
      result.errors.push({ message: 'The feed page\'s "content" is not a list of services.' });
      return result;
    } else if (looksLikeService(json) || (isObj(json) && 'name' in json)) services = [json];
    else {
      result.errors.push({
        message:
          'This is not an Open Referral feed: expected a page with a "content" (ORUK v1) or "contents" (HSDS 3) list of services.',
      });
      return result;
    }

    const first = services.find(isObj);
    if (first && !looksLikeService(first) && TERM_KEYS.some((k) => k in first)) {
      result.errors.push({
        message: "This is a list of taxonomy terms, not services. Use the feed's services list (…/services) instead.",
      });
      return result;
    }
    const byId = new Map<string, { asset: Asset; label: string }>();
    services.forEach((service, i) => {
      const label = serviceLabel(service, i);
      const outcome = orukServiceToAsset(service, options.mapping);
      for (const w of outcome.warnings) result.warnings.push({ message: `${label}: ${w}` });
      if (!outcome.asset) {
        const field = outcome.issues.find((x) => x.field)?.field;
        result.errors.push({
          ...(field ? { field } : {}),
          message: `${label} not imported: ${outcome.issues.map((x) => x.message).join('; ')}`,
        });
        return;
      }
      const earlier = byId.get(outcome.asset.id);
      if (earlier) {
        result.warnings.push({
          message: `${label} has the same id as ${earlier.label}; the later one replaces it`,
        });
      }
      byId.set(outcome.asset.id, { asset: outcome.asset, label });
    });
    result.assets = [...byId.values()].map((v) => v.asset);
    if (services.length === 0) result.warnings.push({ message: 'The feed page contains no services.' });
  } catch (err) {
    result.errors.push({
      message: `The feed could not be read (${err instanceof Error ? err.message : String(err)}).`,
    });
  }
  return result;
}

/** `parseDirectory(text, 'oruk')` after the JSON is parsed. */
export function parseOrukValue(value: unknown, options: { mapping?: CompiledMapping } = {}): ParseResult {
  const { assets, errors, warnings } = parseOrukPage(value, options);
  const out: { assets: Asset[]; errors: Issue[]; warnings: Warning[] } = { assets, errors, warnings };
  if (
    isObj(value) &&
    numberOr(value.total_pages ?? value.totalPages) &&
    Number(value.total_pages ?? value.totalPages) > 1
  ) {
    out.warnings.push({
      message: `This file is one page of a feed with ${Number(value.total_pages ?? value.totalPages)} pages; only its own services were read. Use the feed address to import all of them.`,
    });
  }
  return out;
}
