import { isCategoryId, resolveCategory } from './categories';
import {
  type Asset,
  type AssetStatus,
  COSTS,
  type Cost,
  DELIVERIES,
  type Delivery,
  type Issue,
  REFERRALS,
  type Referral,
  STATUSES,
  UNCATEGORISED,
} from './types';

/**
 * The rules every directory entry must meet (PRODUCT.md, "Asset"). Importers, the store and the
 * edit form all call `checkAsset`, so an asset is judged the same way wherever it comes from.
 */

/** Field names in the order an asset is written out (CSV columns, JSON keys). */
export const ASSET_FIELDS = [
  'id',
  'name',
  'organisation',
  'description',
  'categories',
  'keywords',
  'phone',
  'email',
  'website',
  'address',
  'postcode',
  'area',
  'openingTimes',
  'cost',
  'referral',
  'minAge',
  'maxAge',
  'eligibility',
  'accessibility',
  'languages',
  'delivery',
  'waitingWeeks',
  'lastVerified',
  'status',
  'source',
] as const satisfies readonly (keyof Asset)[];

/** How a field is named to a person (matches the CSV column names a practice lead sees). */
export const FIELD_LABELS: Record<keyof Asset, string> = {
  id: 'id',
  name: 'name',
  organisation: 'organisation',
  description: 'description',
  categories: 'categories',
  keywords: 'keywords',
  phone: 'phone',
  email: 'email',
  website: 'website',
  address: 'address',
  postcode: 'postcode',
  area: 'area',
  openingTimes: 'opening times',
  cost: 'cost',
  referral: 'referral',
  minAge: 'min age',
  maxAge: 'max age',
  eligibility: 'eligibility',
  accessibility: 'accessibility',
  languages: 'languages',
  delivery: 'delivery',
  waitingWeeks: 'waiting weeks',
  lastVerified: 'last verified',
  status: 'status',
  source: 'source',
};

// Deliberately loose: one @, something either side, a dot in the domain, no spaces. Stricter
// patterns reject real addresses more often than they catch typos.
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const quote = (value: unknown) => `"${String(value)}"`;
const oneOf = (values: readonly string[]) => values.join(', ');

export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month - 1];
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

export function isValidEmail(text: string): boolean {
  return EMAIL.test(text);
}

/** A website is a web address people can open: http(s) or a bare domain, never `javascript:` etc. */
export function isValidWebsite(text: string): boolean {
  if (/\s/.test(text)) return false;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  try {
    const url = new URL(withScheme);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  return true;
}

function checkNumber(field: keyof Asset, value: unknown, issues: Issue[]): boolean {
  if (value === undefined) return false;
  const label = FIELD_LABELS[field];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    issues.push({ field, message: `${label} ${quote(value)} is not a number` });
    return false;
  }
  if (value < 0) {
    issues.push({ field, message: `${label} ${value} cannot be negative` });
    return false;
  }
  return true;
}

/**
 * Every way `asset` breaks the directory rules, in plain English; empty when it is fine.
 * `uncategorised` counts as a category because feed services that mapped to none are kept under it
 * (and listed for review) rather than dropped.
 */
export function checkAsset(asset: Partial<Asset>): Issue[] {
  const issues: Issue[] = [];
  if (asset === null || typeof asset !== 'object' || Array.isArray(asset)) {
    return [{ message: 'entry is not an object with named fields' }];
  }
  // Each field is read once: assets come in many shapes, and repeated reads of them were a
  // measurable part of importing 10,000 rows.
  const {
    id,
    name,
    organisation,
    description,
    categories,
    keywords,
    phone,
    email,
    website,
    address,
    postcode,
    area,
    openingTimes,
    cost,
    referral,
    minAge,
    maxAge,
    eligibility,
    accessibility,
    languages,
    delivery,
    waitingWeeks,
    lastVerified,
    status,
    source,
  } = asset as Record<keyof Asset, unknown>;

  textField('id', id, issues);
  textField('name', name, issues);
  textField('organisation', organisation, issues);
  textField('description', description, issues);
  textField('phone', phone, issues);
  textField('email', email, issues);
  textField('website', website, issues);
  textField('address', address, issues);
  textField('postcode', postcode, issues);
  textField('area', area, issues);
  textField('openingTimes', openingTimes, issues);
  textField('eligibility', eligibility, issues);
  textField('accessibility', accessibility, issues);
  textField('lastVerified', lastVerified, issues);
  textField('source', source, issues);

  if (typeof id === 'string' && id.trim() === '') {
    issues.push({ field: 'id', message: 'id is empty' });
  }
  if (typeof name !== 'string' || name.trim() === '') {
    issues.push({ field: 'name', message: 'name is missing' });
  }

  if (!Array.isArray(categories) || categories.length === 0) {
    issues.push({ field: 'categories', message: 'no category: give at least one known category' });
  } else {
    for (const c of categories) {
      if (typeof c !== 'string' || (!isCategoryId(c) && c !== UNCATEGORISED)) {
        issues.push({ field: 'categories', message: `category ${quote(c)} is not a known category` });
      }
    }
  }

  textList('keywords', keywords, issues);
  textList('languages', languages, issues);

  if (!isPresent(phone) && !isPresent(email) && !isPresent(website) && !isPresent(address)) {
    issues.push({ field: 'phone', message: 'no contact route: give a phone number, email, website or address' });
  }
  if (typeof email === 'string' && email.trim() !== '' && !isValidEmail(email.trim())) {
    issues.push({ field: 'email', message: `email ${quote(email)} is not a valid email address` });
  }
  if (typeof website === 'string' && website.trim() !== '' && !isValidWebsite(website.trim())) {
    issues.push({ field: 'website', message: `website ${quote(website)} is not a valid web address` });
  }

  checkEnum('cost', cost, COSTS, issues);
  checkEnum('referral', referral, REFERRALS, issues);
  checkEnum('status', status, STATUSES, issues);
  if (delivery !== undefined) {
    if (!Array.isArray(delivery)) {
      issues.push({ field: 'delivery', message: `delivery must be a list of ${oneOf(DELIVERIES)}` });
    } else {
      for (const d of delivery) {
        if (!(DELIVERIES as readonly unknown[]).includes(d)) {
          issues.push({ field: 'delivery', message: `delivery ${quote(d)} must be one of ${oneOf(DELIVERIES)}` });
        }
      }
    }
  }

  const minOk = checkNumber('minAge', minAge, issues);
  const maxOk = checkNumber('maxAge', maxAge, issues);
  checkNumber('waitingWeeks', waitingWeeks, issues);
  if (minOk && maxOk && (minAge as number) > (maxAge as number)) {
    issues.push({ field: 'minAge', message: `min age ${minAge} is greater than max age ${maxAge}` });
  }

  if (typeof lastVerified === 'string' && !isIsoDate(lastVerified)) {
    issues.push({
      field: 'lastVerified',
      message: `last verified date ${quote(lastVerified)} is not a real date in the form YYYY-MM-DD`,
    });
  }
  return issues;
}

function textField(field: keyof Asset, value: unknown, issues: Issue[]): void {
  if (value !== undefined && typeof value !== 'string') {
    issues.push({ field, message: `${FIELD_LABELS[field]} must be text, not ${describeType(value)}` });
  }
}

function textList(field: keyof Asset, value: unknown, issues: Issue[]): void {
  if (value !== undefined && (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))) {
    issues.push({ field, message: `${FIELD_LABELS[field]} must be a list of text` });
  }
}

function checkEnum(field: keyof Asset, value: unknown, allowed: readonly string[], issues: Issue[]): void {
  if (value === undefined) return;
  if (typeof value !== 'string' || !allowed.includes(value)) {
    issues.push({ field, message: `${FIELD_LABELS[field]} ${quote(value)} must be one of ${oneOf(allowed)}` });
  }
}

function describeType(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

// cyrb53: a small, well-mixed 53-bit string hash. Two different names would need to share both the
// slug and all 53 bits to collide, which does not happen at directory sizes.
function cyrb53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

function comparable(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function slugify(text: string, max = 40): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, max).replace(/-+$/, '');
}

/**
 * A stable id for an asset that arrived without one: readable slug of the name plus a hash of
 * name and organisation. Re-importing the same row gives the same id (so it updates rather than
 * duplicates); differences only in case or spacing are treated as the same name.
 */
export function deriveAssetId(name: string, organisation?: string): string {
  const key = `${comparable(name)}\u0000${comparable(organisation ?? '')}`;
  const hash = cyrb53(key).toString(36).padStart(11, '0');
  const slug = slugify(name) || 'asset';
  return `${slug}-${hash}`;
}

/** Shift an ISO date by whole months, clamping to the last day (31 Aug − 6 months → 28/29 Feb). */
export function addMonths(isoDate: string, months: number): string {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new Error(`"${isoDate}" is not a date in the form YYYY-MM-DD`);
  const total = Number(m[1]) * 12 + (Number(m[2]) - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(Number(m[3]), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * True when the asset has not been verified in the last `months` months (or never, or with an
 * unreadable date), so the panel flags it and the dashboard lists it for checking.
 */
export function needsChecking(asset: Asset, today: string, months = 6): boolean {
  const last = asset.lastVerified;
  if (!last || !isIsoDate(last)) return true;
  return last < addMonths(today.slice(0, 10), -months);
}

function normaliseText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return value === undefined || value === null ? undefined : (value as string);
  // One line-ending style, so a description reads the same whichever system saved the file.
  const trimmed = (value.indexOf('\r') === -1 ? value : value.replace(/\r\n?/g, '\n')).trim();
  return trimmed === '' ? undefined : trimmed;
}

function normaliseList(value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  const items = typeof value === 'string' ? value.split(';') : Array.isArray(value) ? value : undefined;
  if (!items) return value;
  const out: unknown[] = [];
  for (const item of items) {
    const v =
      typeof item === 'string' ? (item.indexOf('\r') === -1 ? item : item.replace(/\r\n?/g, '\n')).trim() : item;
    if (v === '' || v === undefined || v === null) continue;
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

function normaliseNumber(value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') {
    const t = value.trim();
    if (t === '') return undefined;
    return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : t;
  }
  return value;
}

/** Lower-case and underscore an enum value, so `Link worker`, `link-worker` and `LINK_WORKER` agree. */
export function normaliseEnumText(value: string): string {
  const v = value.trim().toLowerCase();
  return /[\s-]/.test(v) ? v.replace(/[\s-]+/g, '_') : v;
}

function normaliseEnum(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? undefined;
  const v = normaliseEnumText(value);
  return v === '' ? undefined : v;
}

/**
 * Tidy an asset-shaped object: trim text, drop empty optional fields and unknown fields, split `;`
 * lists given as text, turn numeric text into numbers, map category labels to ids, default the
 * status to active and derive a missing id. Values it cannot make sense of are left for
 * `checkAsset` to report, never silently discarded.
 */
export function normaliseAsset(input: Asset): Asset;
export function normaliseAsset(input: unknown): Partial<Asset>;
export function normaliseAsset(input: unknown): Partial<Asset> {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return {};
  const raw = input as Partial<Record<keyof Asset, unknown>>;
  const name = normaliseText(raw.name);
  const organisation = normaliseText(raw.organisation);
  let id = normaliseText(raw.id);
  if (id === undefined && typeof name === 'string') {
    id = deriveAssetId(name, typeof organisation === 'string' ? organisation : undefined);
  }
  const listed = normaliseList(raw.categories);
  const categories =
    listed === undefined
      ? []
      : Array.isArray(listed)
        ? dedupe(
            listed.map((c) => {
              if (typeof c !== 'string' || isCategoryId(c)) return c;
              if (c.toLowerCase() === UNCATEGORISED) return UNCATEGORISED;
              return resolveCategory(c) ?? c;
            }),
          )
        : listed;
  const deliveryList = normaliseList(raw.delivery);
  const delivery = Array.isArray(deliveryList) ? dedupe(deliveryList.map(normaliseEnum)) : deliveryList;

  // Named stores in one fixed order keep every asset the same shape, which V8 keeps fast; building
  // it with computed keys turns big objects into slow dictionaries (measured in bench/import).
  const out: Partial<Record<keyof Asset, unknown>> = {};
  let v: unknown;
  if (id !== undefined) out.id = id;
  if (name !== undefined) out.name = name;
  if (organisation !== undefined) out.organisation = organisation;
  v = normaliseText(raw.description);
  if (v !== undefined) out.description = v;
  out.categories = categories;
  v = normaliseList(raw.keywords);
  if (v !== undefined && !(Array.isArray(v) && v.length === 0)) out.keywords = v;
  v = normaliseText(raw.phone);
  if (v !== undefined) out.phone = v;
  v = normaliseText(raw.email);
  if (v !== undefined) out.email = v;
  v = normaliseText(raw.website);
  if (v !== undefined) out.website = v;
  v = normaliseText(raw.address);
  if (v !== undefined) out.address = v;
  v = normaliseText(raw.postcode);
  if (v !== undefined) out.postcode = v;
  v = normaliseText(raw.area);
  if (v !== undefined) out.area = v;
  v = normaliseText(raw.openingTimes);
  if (v !== undefined) out.openingTimes = v;
  v = normaliseEnum(raw.cost);
  if (v !== undefined) out.cost = v;
  v = normaliseEnum(raw.referral);
  if (v !== undefined) out.referral = v;
  v = normaliseNumber(raw.minAge);
  if (v !== undefined) out.minAge = v;
  v = normaliseNumber(raw.maxAge);
  if (v !== undefined) out.maxAge = v;
  v = normaliseText(raw.eligibility);
  if (v !== undefined) out.eligibility = v;
  v = normaliseText(raw.accessibility);
  if (v !== undefined) out.accessibility = v;
  v = normaliseList(raw.languages);
  if (v !== undefined && !(Array.isArray(v) && v.length === 0)) out.languages = v;
  v = delivery;
  if (v !== undefined && !(Array.isArray(v) && v.length === 0)) out.delivery = v;
  v = normaliseNumber(raw.waitingWeeks);
  if (v !== undefined) out.waitingWeeks = v;
  v = normaliseText(raw.lastVerified);
  if (v !== undefined) out.lastVerified = v;
  out.status = normaliseEnum(raw.status) ?? 'active';
  v = normaliseText(raw.source);
  if (v !== undefined) out.source = v;
  return out as Partial<Asset>;
}

function dedupe<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** Narrowing helper for callers that have just run `checkAsset` and found nothing. */
export function isValidAsset(asset: Partial<Asset>): asset is Asset {
  return typeof asset.id === 'string' && asset.id !== '' && checkAsset(asset).length === 0;
}

export type { AssetStatus, Cost, Delivery, Referral };
