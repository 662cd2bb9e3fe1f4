/**
 * Reporting periods in the practice's local time. Every boundary is built from local calendar fields
 * (`new Date(y, m, d)`), never by adding multiples of 24 hours, so days across the October and March
 * clock changes are 25 and 23 hours long and still start at local midnight.
 */

export type PeriodKind = 'week' | 'month' | 'quarter' | 'custom';

export interface Period {
  kind: PeriodKind;
  /** Inclusive start (local midnight). */
  from: Date;
  /** Exclusive end (local midnight after the last day). */
  to: Date;
}

export function startOfDay(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}

/** Calendar days later (or earlier, when negative), at local midnight. */
export function addDays(d: Date, days: number): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days);
}

/** Weeks start on Monday, as in the NHS and the UK generally. */
export function startOfWeek(d: Date): Date {
  const sinceMonday = (d.getDay() + 6) % 7;
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - sinceMonday);
}

export function startOfMonth(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), 1);
}

/** Calendar quarters: January–March, April–June, July–September, October–December. */
export function startOfQuarter(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth() - (d.getMonth() % 3), 1);
}

export function periodFor(kind: Exclude<PeriodKind, 'custom'>, now: Date): Period {
  switch (kind) {
    case 'week': {
      const from = startOfWeek(now);
      return { kind, from, to: addDays(from, 7) };
    }
    case 'month': {
      const from = startOfMonth(now);
      return { kind, from, to: new Date(from.getFullYear(), from.getMonth() + 1, 1) };
    }
    case 'quarter': {
      const from = startOfQuarter(now);
      return { kind, from, to: new Date(from.getFullYear(), from.getMonth() + 3, 1) };
    }
  }
}

/** The whole calendar month before the one containing `now` (for the monthly feedback report). */
export function lastMonth(now: Date): Period {
  const to = startOfMonth(now);
  return { kind: 'month', from: new Date(to.getFullYear(), to.getMonth() - 1, 1), to };
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` (the value of an `<input type="date">`) as local midnight; null if not a real date. */
export function parseLocalDate(text: string): Date | null {
  const m = DATE_RE.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const date = new Date(y, mo, d);
  // Rejects 2025-02-30 and friends, which Date would silently roll over.
  if (date.getFullYear() !== y || date.getMonth() !== mo || date.getDate() !== d) return null;
  return date;
}

/** `YYYY-MM-DD` of a date in local time. */
export function localDateKey(d: Date): string {
  const mm = String(d.getMonth() + 1).padStart(2, '0');
  const dd = String(d.getDate()).padStart(2, '0');
  return `${String(d.getFullYear()).padStart(4, '0')}-${mm}-${dd}`;
}

export type PeriodResult = { ok: true; period: Period } | { ok: false; error: string };

/** A custom period from one date to another, both days included. */
export function customPeriod(fromText: string, toText: string): PeriodResult {
  const from = parseLocalDate(fromText);
  if (!from) return { ok: false, error: 'Enter a real "from" date, for example 01/03/2025.' };
  const last = parseLocalDate(toText);
  if (!last) return { ok: false, error: 'Enter a real "to" date, for example 31/03/2025.' };
  if (last < from) return { ok: false, error: 'The "to" date must be the same as or after the "from" date.' };
  return { ok: true, period: { kind: 'custom', from, to: addDays(last, 1) } };
}

/** Inclusive last day of a period (the exclusive end minus one calendar day). */
export function lastDay(period: Period): Date {
  return addDays(period.to, -1);
}

// Formatted per call rather than with a cached Intl.DateTimeFormat, which would freeze the time zone
// in force when the module loaded.
export function formatLongDate(d: Date): string {
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

export function formatShortDate(d: Date): string {
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });
}

/** "1 March 2025 to 31 March 2025" */
export function describePeriod(period: Period): string {
  const last = lastDay(period);
  if (last.getTime() === period.from.getTime()) return formatLongDate(period.from);
  return `${formatLongDate(period.from)} to ${formatLongDate(last)}`;
}

export type TrendUnit = 'day' | 'week';

export interface Bucket {
  from: Date;
  to: Date;
  label: string;
}

/** Days for periods up to five weeks, weeks (from Monday) beyond that, so charts stay readable. */
export function trendUnitFor(period: Period): TrendUnit {
  const days = Math.round((period.to.getTime() - period.from.getTime()) / 86_400_000);
  return days <= 35 ? 'day' : 'week';
}

/** Consecutive local-time buckets covering the period; the first and last week may be partial. */
export function trendBuckets(period: Period, unit: TrendUnit = trendUnitFor(period)): Bucket[] {
  const out: Bucket[] = [];
  let start = period.from;
  // A hard cap keeps a mistyped ten-year custom range from building a chart with thousands of bars.
  while (start < period.to && out.length < 600) {
    const next = unit === 'day' ? addDays(start, 1) : addDays(startOfWeek(start), 7);
    const end = new Date(Math.min(next.getTime(), period.to.getTime()));
    out.push({
      from: start,
      to: end,
      label: unit === 'day' ? formatShortDate(start) : `w/c ${formatShortDate(startOfWeek(start))}`,
    });
    start = end;
  }
  return out;
}
