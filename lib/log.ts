import type { Db } from './db';
import { addDays, startOfDay, startOfWeek } from './periods';
import { CHANNELS, HANDOUTS, OUTCOMES, type SignpostEvent } from './types';

/**
 * The anonymous signposting log. Only the PRODUCT.md event fields are ever written: every record is
 * rebuilt field by field from validated values, so extra properties a caller passes (a name typed
 * into the wrong box, a note) are dropped rather than stored.
 */

export type EventInput = Omit<SignpostEvent, 'id' | 'at'>;

export const MAX_DESK_LENGTH = 40;
const MAX_ID_LENGTH = 200;
const MAX_LIST_LENGTH = 100;
const MAX_SCRIPT_VERSION_LENGTH = 100;

export class InvalidEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidEventError';
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    throw new InvalidEventError(`"${field}" must be one of ${allowed.join(', ')} (got ${describe(value)}).`);
  return value as T;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return value.length > 30 ? `"${value.slice(0, 30)}…"` : `"${value}"`;
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : String(value);
}

// Control characters in an id would only ever come from a corrupted or hand-edited file.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

function idList(value: unknown, field: string): string[] {
  if (!Array.isArray(value)) throw new InvalidEventError(`"${field}" must be a list of ids (got ${describe(value)}).`);
  if (value.length > MAX_LIST_LENGTH) throw new InvalidEventError(`"${field}" has more than ${MAX_LIST_LENGTH} ids.`);
  const out: string[] = [];
  for (const item of value) {
    if (typeof item !== 'string' || item.trim() === '')
      throw new InvalidEventError(`"${field}" must contain only non-empty text ids (found ${describe(item)}).`);
    if (item.length > MAX_ID_LENGTH || CONTROL.test(item))
      throw new InvalidEventError(`"${field}" contains an id that is too long or has control characters.`);
    // A repeated id would count the same need or asset twice in every summary.
    if (!out.includes(item)) out.push(item);
  }
  return out;
}

/** Checks and copies the caller-supplied part of an event. Throws InvalidEventError with a plain reason. */
export function validateEventInput(input: unknown): EventInput {
  if (!isRecord(input)) throw new InvalidEventError('An event must be an object of event fields.');
  const outcome = oneOf(input.outcome, OUTCOMES, 'outcome');
  const categories = idList(input.categories, 'categories');
  const assetIds = idList(input.assetIds, 'assetIds');
  const handout = oneOf(input.handout, HANDOUTS, 'handout');
  const channel = oneOf(input.channel, CHANNELS, 'channel');
  const durationSec = input.durationSec;
  if (typeof durationSec !== 'number' || !Number.isFinite(durationSec) || durationSec < 0)
    throw new InvalidEventError(
      `"durationSec" must be a number of seconds, zero or more (got ${describe(durationSec)}).`,
    );
  const scriptVersion = input.scriptVersion;
  if (typeof scriptVersion !== 'string' || scriptVersion.length > MAX_SCRIPT_VERSION_LENGTH)
    throw new InvalidEventError(
      `"scriptVersion" must be text of up to ${MAX_SCRIPT_VERSION_LENGTH} characters (got ${describe(scriptVersion)}).`,
    );
  const out: EventInput = { outcome, categories, assetIds, handout, channel, durationSec, scriptVersion };
  const desk = input.desk;
  if (desk !== undefined && desk !== null) {
    if (typeof desk !== 'string' || desk.length > MAX_DESK_LENGTH)
      throw new InvalidEventError(
        `"desk" must be text of up to ${MAX_DESK_LENGTH} characters (got ${describe(desk)}).`,
      );
    // An unset desk label is stored as no desk, so "blank" is not reported as a desk of its own.
    if (desk.trim() !== '') out.desk = desk.trim();
  }
  return out;
}

/** Normalises an ISO timestamp to `toISOString()` form so string order equals time order in the `at` index. */
export function normaliseAt(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value))
    throw new InvalidEventError(`"at" must be an ISO date and time (got ${describe(value)}).`);
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new InvalidEventError(`"at" is not a real date and time (got ${describe(value)}).`);
  return new Date(time).toISOString();
}

/** Checks and copies a complete stored event (used for desk files being merged). */
export function validateEvent(raw: unknown): SignpostEvent {
  if (!isRecord(raw)) throw new InvalidEventError('An event must be an object of event fields.');
  const id = raw.id;
  if (typeof id !== 'string' || id.trim() === '' || id.length > MAX_ID_LENGTH || CONTROL.test(id))
    throw new InvalidEventError(`"id" must be non-empty text of up to ${MAX_ID_LENGTH} characters.`);
  const at = normaliseAt(raw.at);
  return build(id, at, validateEventInput(raw));
}

// Field order fixed here so stored records and exports look the same whatever the caller passed.
function build(id: string, at: string, e: EventInput): SignpostEvent {
  const event: SignpostEvent = {
    id,
    at,
    outcome: e.outcome,
    categories: e.categories,
    assetIds: e.assetIds,
    handout: e.handout,
    channel: e.channel,
    durationSec: e.durationSec,
    scriptVersion: e.scriptVersion,
  };
  if (e.desk !== undefined) event.desk = e.desk;
  return event;
}

/** Writes one conversation's outcome; resolves only once the transaction has committed. */
export async function logEvent(
  db: Db,
  input: EventInput,
  now: Date,
  id: string = crypto.randomUUID(),
): Promise<SignpostEvent> {
  if (!(now instanceof Date) || Number.isNaN(now.getTime()))
    throw new InvalidEventError('The event time is not valid.');
  if (typeof id !== 'string' || id.trim() === '') throw new InvalidEventError('The event id must be non-empty text.');
  const event = build(id, now.toISOString(), validateEventInput(input));
  const tx = db.transaction('events', 'readwrite');
  // `add`, not `put`: a repeated id must fail loudly instead of overwriting an earlier conversation.
  const added = tx.store.add(event);
  await Promise.all([added, tx.done]);
  return event;
}

/** Removes one event (the side panel's short "undo"). Resolves once committed. */
export async function deleteEvent(db: Db, id: string): Promise<void> {
  const tx = db.transaction('events', 'readwrite');
  await Promise.all([tx.store.delete(id), tx.done]);
}

/** Events with `fromIso <= at < toIso`, oldest first, read through the `at` index. */
export async function eventsBetween(db: Db, fromIso: string, toIso: string): Promise<SignpostEvent[]> {
  const from = bound(fromIso, 'from');
  const to = bound(toIso, 'to');
  if (from === undefined || to === undefined || to <= from) return [];
  return db.getAllFromIndex('events', 'at', IDBKeyRange.bound(from, to, false, true));
}

async function countBetween(db: Db, from: Date, to: Date): Promise<number> {
  return db.countFromIndex('events', 'at', IDBKeyRange.bound(from.toISOString(), to.toISOString(), false, true));
}

/** Conversations logged today and this week (from Monday), in local time. */
export async function countsFor(db: Db, now: Date): Promise<{ today: number; week: number }> {
  const day = startOfDay(now);
  const week = startOfWeek(now);
  const [today, thisWeek] = await Promise.all([
    countBetween(db, day, addDays(day, 1)),
    countBetween(db, week, addDays(week, 7)),
  ]);
  return { today, week: thisWeek };
}

export interface EventSummary {
  total: number;
  byOutcome: Record<string, number>;
  byCategory: Record<string, number>;
  byAsset: Record<string, number>;
  medianDurationSec: number | null;
}

export interface SummaryOptions {
  /** Inclusive ISO timestamp. */
  from?: string;
  /** Exclusive ISO timestamp. */
  to?: string;
}

function bound(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new Error(`The period's "${name}" is not a valid date and time: ${value}`);
  return new Date(t).toISOString();
}

/** Stored timestamps are `toISOString()` strings, whose string order is time order; others are parsed. */
function inRange(at: string, from: string | undefined, to: string | undefined): boolean {
  if (from === undefined && to === undefined) return true;
  const key = at.length === 24 && at.charCodeAt(23) === 90 /* Z */ ? at : safeIso(at);
  if (key === null) return false;
  return (from === undefined || key >= from) && (to === undefined || key < to);
}

function safeIso(at: string): string | null {
  const t = Date.parse(at);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

// Maps, not objects: ids are arbitrary strings (even "__proto__"), and Map lookups stay fast with
// hundreds of distinct asset ids where object keys fall back to slow dictionary mode.
type Tally = Map<string, number>;

function bump(t: Tally, key: string): void {
  t.set(key, (t.get(key) ?? 0) + 1);
}

function plain(counts: Tally): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of counts)
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

/**
 * Median of the first `n` values by selection (average of the two middle values when `n` is even).
 * Expected O(n); reorders `values`.
 */
export function median(values: Float64Array, n = values.length): number | null {
  if (n === 0) return null;
  const upper = n >> 1;
  const hi = select(values, 0, n - 1, upper);
  if (n % 2 === 1) return hi;
  // After selection everything left of `upper` is ≤ it, so the lower middle is their maximum.
  let lo = values[0];
  for (let i = 1; i < upper; i++) if (values[i] > lo) lo = values[i];
  return (lo + hi) / 2;
}

/** Hoare-style quickselect with a median-of-three pivot: the k-th smallest of values[left..right]. */
function select(a: Float64Array, left: number, right: number, k: number): number {
  let l = left;
  let r = right;
  while (r > l) {
    const mid = (l + r) >> 1;
    // Median of three, so already-sorted durations do not degrade to quadratic time.
    if (a[mid] < a[l]) swap(a, mid, l);
    if (a[r] < a[l]) swap(a, r, l);
    if (a[r] < a[mid]) swap(a, r, mid);
    const pivot = a[mid];
    let i = l;
    let j = r;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else return a[k];
  }
  return a[k];
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/** The dashboard's headline figures, in one pass over the events (PRODUCT.md "Programmatic core"). */
export function summariseEvents(events: readonly SignpostEvent[], options: SummaryOptions = {}): EventSummary {
  const from = bound(options.from, 'from');
  const to = bound(options.to, 'to');
  const byOutcome: Tally = new Map();
  const byCategory: Tally = new Map();
  const byAsset: Tally = new Map();
  const durations = new Float64Array(events.length);
  let total = 0;
  let timed = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (!inRange(e.at, from, to)) continue;
    total++;
    bump(byOutcome, e.outcome);
    const cats = e.categories;
    for (let c = 0; c < cats.length; c++) bump(byCategory, cats[c]);
    const assets = e.assetIds;
    for (let a = 0; a < assets.length; a++) bump(byAsset, assets[a]);
    const d = e.durationSec;
    if (typeof d === 'number' && Number.isFinite(d)) durations[timed++] = d;
  }
  return {
    total,
    byOutcome: plain(byOutcome),
    byCategory: plain(byCategory),
    byAsset: plain(byAsset),
    medianDurationSec: median(durations, timed),
  };
}

export interface TrendPoint {
  /** Inclusive ISO start of the bucket. */
  from: string;
  /** Exclusive ISO end of the bucket. */
  to: string;
  count: number;
}

export interface EventDetail {
  byChannel: Record<string, number>;
  byDesk: Record<string, number>;
  byHandout: Record<string, number>;
  /** `no_suitable` conversations per need: the directory's gaps. */
  noSuitableByCategory: Record<string, number>;
  /** Counts per bucket; pass the bucket boundaries (local-time days or weeks from `lib/periods`). */
  trend: TrendPoint[];
}

/** Label used for events logged before a desk label was set. */
export const NO_DESK = '(no desk label)';

/**
 * The dashboard's further breakdowns. `buckets` are consecutive `[from, to)` ranges (Dates); events
 * outside every bucket still count in the other figures when they fall inside `options`.
 */
export function summariseDetail(
  events: readonly SignpostEvent[],
  options: SummaryOptions & { buckets?: readonly { from: Date; to: Date }[] } = {},
): EventDetail {
  const from = bound(options.from, 'from');
  const to = bound(options.to, 'to');
  const byChannel: Tally = new Map();
  const byDesk: Tally = new Map();
  const byHandout: Tally = new Map();
  const noSuitableByCategory: Tally = new Map();
  const edges = (options.buckets ?? []).map((b) => ({ from: b.from.toISOString(), to: b.to.toISOString() }));
  const counts = new Array<number>(edges.length).fill(0);
  for (const e of events) {
    if (!inRange(e.at, from, to)) continue;
    bump(byChannel, e.channel);
    bump(byDesk, e.desk ?? NO_DESK);
    bump(byHandout, e.handout);
    if (e.outcome === 'no_suitable') for (const c of e.categories) bump(noSuitableByCategory, c);
    if (edges.length > 0) {
      const key = e.at.length === 24 ? e.at : safeIso(e.at);
      if (key === null) continue;
      // Binary search over the sorted bucket starts: O(log buckets) per event, no Date objects.
      let lo = 0;
      let hi = edges.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (edges[mid].from <= key) lo = mid;
        else hi = mid - 1;
      }
      if (key >= edges[lo].from && key < edges[lo].to) counts[lo]++;
    }
  }
  return {
    byChannel: plain(byChannel),
    byDesk: plain(byDesk),
    byHandout: plain(byHandout),
    noSuitableByCategory: plain(noSuitableByCategory),
    trend: edges.map((b, i) => ({ from: b.from, to: b.to, count: counts[i] })),
  };
}
