import Papa from 'papaparse';
import { ASSET_FIELDS, checkAsset, FIELD_LABELS, isIsoDate, normaliseAsset, normaliseEnumText } from './asset-rules';
import { isCategoryId, resolveCategory } from './categories';
import { looksLikeOruk, parseOrukValue } from './oruk';
import { type Asset, type Issue, type ParseResult, UNCATEGORISED, type Warning } from './types';

/**
 * Reading a directory file (native CSV, native JSON or an Open Referral feed) into assets.
 * Contract (PRODUCT.md): never throws; every problem becomes an `errors` entry (a rejected row or an
 * unreadable file) or a `warnings` entry (something ignored or replaced); valid rows always import.
 */

export type DirectoryFormat = 'csv' | 'json' | 'oruk';

type AssetKey = keyof Asset;

/** CSV columns in their documented order (PRODUCT.md "Native CSV format"). */
export const CSV_COLUMNS = [
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
  'opening_times',
  'cost',
  'referral',
  'min_age',
  'max_age',
  'eligibility',
  'accessibility',
  'languages',
  'delivery',
  'waiting_weeks',
  'last_verified',
  'status',
] as const;

/** Header text → comparable key: case, surrounding spaces and spaces/dashes/underscores don't matter. */
export function headerKey(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

const COLUMN_FIELDS = new Map<string, AssetKey>();
/** The Asset field a CSV column heading stands for (headings matched as PRODUCT.md says). */
export function fieldForColumn(heading: string): AssetKey | undefined {
  return COLUMN_FIELDS.get(headerKey(heading));
}
for (const field of ASSET_FIELDS) {
  if (field === 'source') continue;
  COLUMN_FIELDS.set(headerKey(field), field);
}
// A few spellings people use for the same thing; harmless because none clashes with another column.
for (const [alias, field] of [
  ['organization', 'organisation'],
  ['telephone', 'phone'],
  ['url', 'website'],
  ['category', 'categories'],
  ['postalcode', 'postcode'],
] as const) {
  COLUMN_FIELDS.set(alias, field);
}

const FIELD_INDEX = Object.fromEntries(ASSET_FIELDS.map((f, i) => [f, i])) as Record<AssetKey, number>;

/** A row's values as one object literal: a fixed shape is much faster than adding keys one by one. */
function recordFrom(v: unknown[]): Record<string, unknown> {
  return {
    id: v[0],
    name: v[1],
    organisation: v[2],
    description: v[3],
    categories: v[4],
    keywords: v[5],
    phone: v[6],
    email: v[7],
    website: v[8],
    address: v[9],
    postcode: v[10],
    area: v[11],
    openingTimes: v[12],
    cost: v[13],
    referral: v[14],
    minAge: v[15],
    maxAge: v[16],
    eligibility: v[17],
    accessibility: v[18],
    languages: v[19],
    delivery: v[20],
    waitingWeeks: v[21],
    lastVerified: v[22],
    status: v[23],
    source: v[24],
  };
}

const LIST_FIELDS = new Set<AssetKey>(['categories', 'keywords', 'languages', 'delivery']);
const NUMBER_FIELDS = new Set<AssetKey>(['minAge', 'maxAge', 'waitingWeeks']);
const MAX_NAMED_WARNINGS = 20;
const MAX_ERRORS = 2000;

/** Shorten user text quoted back in messages (a 1 MB "header" must not become a 1 MB warning). */
export function clip(text: string, max = 60): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date as people and spreadsheets write it → YYYY-MM-DD, or undefined when it is not a real date.
 * Accepts ISO dates and timestamps, UK day-first dates (03/02/2025 is 3 February) and `3 Feb 2025`.
 */
export function parseDateText(text: string): string | undefined {
  const t = text.trim();
  for (const [pattern, order] of DATE_PATTERNS) {
    const match = pattern.exec(t);
    if (!match) continue;
    const part = (name: 'y' | 'm' | 'd') => match[order.indexOf(name) + 1];
    const monthText = part('m');
    const m = /^\d+$/.test(monthText) ? Number(monthText) : MONTHS.indexOf(monthText.slice(0, 3).toLowerCase()) + 1;
    if (m < 1) return undefined;
    const iso = `${part('y').padStart(4, '0')}-${String(m).padStart(2, '0')}-${part('d').padStart(2, '0')}`;
    return isIsoDate(iso) ? iso : undefined;
  }
  return undefined;
}

const DATE_PATTERNS: [RegExp, string][] = [
  [/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/i, 'ymd'],
  [/^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, 'ymd'],
  [/^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/, 'dmy'],
  [/^(\d{1,2})[\s-]+([a-z]{3,9})[\s-]+(\d{4})$/i, 'dmy'],
];

function parseNumberText(text: string): number | undefined {
  const t = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

// Exports protect spreadsheet users from formula injection by prefixing `'` (see directory-export);
// the same marker is what Excel users type to force text, so one leading `'` before such a character
// is removed on the way in.
const FORMULA_MARKER = /^'(?=[=+\-@\t\r'])/;

interface RecordContext {
  /** How the record is named in messages: `"Lunch club"` or `row 4` (only worked out when needed). */
  label: () => string;
  warnings: Warning[];
  line?: number;
}

type RecordOutcome = { asset: Asset } | { issues: Issue[] };

/**
 * Shared last step for CSV rows and JSON entries: resolve categories (dropping unknown ones with a
 * warning while at least one is known), normalise, then apply the asset rules.
 */
function finishRecord(raw: Record<string, unknown>, source: string, ctx: RecordContext): RecordOutcome {
  const issues: Issue[] = [];
  const rawCategories = raw.categories;
  const categoryTexts =
    typeof rawCategories === 'string'
      ? rawCategories.split(';')
      : Array.isArray(rawCategories)
        ? rawCategories
        : rawCategories === undefined || rawCategories === null
          ? []
          : [rawCategories];
  const known: string[] = [];
  const unknown: string[] = [];
  for (const c of categoryTexts) {
    if (typeof c !== 'string') {
      unknown.push(String(c));
      continue;
    }
    const t = c.trim();
    if (t === '') continue;
    const id = isCategoryId(t) ? t : t.toLowerCase() === UNCATEGORISED ? UNCATEGORISED : resolveCategory(t);
    if (id) {
      if (!known.includes(id)) known.push(id);
    } else unknown.push(t);
  }
  if (known.length === 0) {
    issues.push({
      field: 'categories',
      message:
        unknown.length === 0
          ? 'no category: give at least one known category'
          : `no known category (${unknown.map((u) => `"${clip(u, 40)}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not one of the categories)`,
    });
  }

  raw.categories = known;
  raw.source = source;
  const asset = normaliseAsset(raw);
  for (const issue of checkAsset(asset)) {
    if (issue.field === 'categories' && known.length === 0) continue;
    issues.push(issue);
  }
  if (issues.length) return { issues };
  // Only said of rows that are imported: a rejected row's own error is what matters.
  if (unknown.length) {
    ctx.warnings.push(
      withLine(
        `${ctx.label()}: ${unknown.map((u) => `"${clip(u, 40)}"`).join(', ')} ${unknown.length === 1 ? 'is not a known category and was' : 'are not known categories and were'} left out`,
        ctx.line,
      ),
    );
  }
  return { asset: asset as Asset };
}

function withLine(message: string, line?: number): Warning {
  return line === undefined ? { message } : { line, message };
}

/** One error per rejected row (so counts are rows), naming the first field at fault and every reason. */
export function rowError(label: string, issues: Issue[], line?: number): Issue {
  const error: Issue = { message: `${label} not imported: ${issues.map((i) => i.message).join('; ')}` };
  if (line !== undefined) error.line = line;
  const field = issues.find((i) => i.field)?.field;
  if (field) error.field = field;
  return error;
}

function rowName(raw: Record<string, unknown>, fallback: string): string {
  return typeof raw.name === 'string' && raw.name.trim() ? `"${clip(raw.name, 50)}"` : fallback;
}

/** Keep the later of two entries with the same id, and say so. */
class AssetCollector {
  private byId = new Map<string, { asset: Asset; where: string }>();
  constructor(private warnings: Warning[]) {}
  add(asset: Asset, where: string, line?: number): void {
    const earlier = this.byId.get(asset.id);
    if (earlier) {
      this.warnings.push(
        withLine(
          `id "${clip(asset.id)}" was already used by ${earlier.where}; the later one (${where}) replaces it`,
          line,
        ),
      );
    }
    this.byId.set(asset.id, { asset, where });
  }
  get assets(): Asset[] {
    return [...this.byId.values()].map((v) => v.asset);
  }
}

function empty(): ParseResult {
  return { assets: [], errors: [], warnings: [] };
}

function fail(message: string, line?: number): ParseResult {
  return { assets: [], errors: [line === undefined ? { message } : { line, message }], warnings: [] };
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  if (sample.includes('\u0000')) return true;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) odd++;
  }
  return odd > 8 && odd / sample.length > 0.02;
}

const NOT_TEXT =
  'This does not look like a text file (it contains binary data). Save the directory as "CSV UTF-8" or JSON and try again.';

/** Excel's "Unicode Text" is UTF-16: read as UTF-8 every other character is a NUL. */
function looksUtf16(text: string): boolean {
  const sample = text.slice(0, 400);
  let nulls = 0;
  for (let i = 1; i < sample.length; i += 2) if (sample.charCodeAt(i) === 0 || sample.charCodeAt(i - 1) === 0) nulls++;
  return sample.length >= 8 && nulls > sample.length / 4;
}

const UTF16 =
  'This file is saved as UTF-16 ("Unicode Text"), which cannot be read. In Excel choose Save As → "CSV UTF-8 (comma delimited)" and try again.';

/**
 * A file saved in an older encoding (Windows-1252, as some Excel versions do) reaches us with "�" where
 * "é" or "£" was. The rows are still usable, so this is a warning, with the first line affected.
 */
function encodingWarning(text: string): Warning | undefined {
  const at = text.indexOf('\uFFFD');
  if (at === -1) return undefined;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return {
    line,
    message:
      'Some characters could not be read (they show as "�"): the file is not saved as UTF-8. Names with accents or "£" may be wrong; save it as "CSV UTF-8" and import it again to fix them.',
  };
}

// ---------------------------------------------------------------------------------------------- CSV

function parseCsv(input: string): ParseResult {
  const result = empty();
  // One line-ending style makes line numbers match what an editor shows, and keeps text fields
  // identical whether a file was saved on Windows or elsewhere.
  const text = input.replace(/\r\n?/g, '\n');
  const parsed = Papa.parse<string[]>(text, {
    delimiter: ',',
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    skipEmptyLines: false,
    header: false,
  });
  const rows = parsed.data;

  // Line on which each row starts: one per row plus the newlines inside its quoted values.
  const lines = new Array<number>(rows.length);
  let line = 1;
  for (let i = 0; i < rows.length; i++) {
    lines[i] = line;
    let span = 1;
    for (const value of rows[i]) {
      if (value.indexOf('\n') === -1) continue;
      for (let j = value.indexOf('\n'); j !== -1; j = value.indexOf('\n', j + 1)) span++;
    }
    line += span;
  }

  const badRows = new Set<number>();
  for (const err of parsed.errors) {
    if (err.row === undefined || err.row === null) continue;
    if (badRows.has(err.row)) continue;
    badRows.add(err.row);
    const at = lines[err.row];
    result.errors.push({
      line: at,
      message:
        err.code === 'MissingQuotes'
          ? `a quoted value starting on this line is never closed (a " is missing), so this row${err.row < rows.length - 1 || (rows[err.row] ?? []).some((v) => v.includes('\n')) ? ' and everything after it' : ''} could not be read`
          : `this row's quotes are malformed (a value must be wholly inside "…", with any " inside it doubled as ""), so it could not be read`,
    });
  }

  const isBlank = (row: string[]) => row.every((v) => v.trim() === '');
  const headerIndex = rows.findIndex((row) => !isBlank(row));
  if (headerIndex === -1) return fail('The file is empty: it needs a header row and at least one row of data.');
  if (badRows.has(headerIndex)) {
    return { ...result, errors: [{ line: lines[headerIndex], message: "The header row's quotes are malformed." }] };
  }
  const header = rows[headerIndex];

  if (header.length === 1) {
    const only = header[0];
    const delimiter = only.includes('\t') ? 'tabs' : only.includes(';') ? 'semicolons' : undefined;
    if (delimiter) {
      return fail(
        `The columns are separated by ${delimiter}, not commas. Save the file as "CSV UTF-8 (comma delimited)" and try again.`,
        lines[headerIndex],
      );
    }
  }

  const fieldOfColumn: (AssetKey | undefined)[] = [];
  const taken = new Map<AssetKey, string>();
  const unknownColumns: string[] = [];
  let unnamed = 0;
  header.forEach((name, i) => {
    const key = headerKey(name);
    if (key === '') {
      unnamed++;
      return;
    }
    const field = COLUMN_FIELDS.get(key);
    if (!field) {
      unknownColumns.push(name.trim());
      return;
    }
    if (taken.has(field)) {
      result.warnings.push({
        line: lines[headerIndex],
        message: `column "${clip(name)}" repeats "${clip(taken.get(field) ?? '')}"; only the first one was used`,
      });
      return;
    }
    taken.set(field, name.trim());
    fieldOfColumn[i] = field;
  });
  unknownColumns.slice(0, MAX_NAMED_WARNINGS).forEach((name) => {
    result.warnings.push({
      line: lines[headerIndex],
      message: `column "${clip(name)}" is not a directory column and was ignored`,
    });
  });
  if (unknownColumns.length > MAX_NAMED_WARNINGS) {
    result.warnings.push({
      line: lines[headerIndex],
      message: `${unknownColumns.length - MAX_NAMED_WARNINGS} more columns are not directory columns and were ignored`,
    });
  }
  if (unnamed > 0 && unnamed < header.length) {
    result.warnings.push({
      line: lines[headerIndex],
      message: `${unnamed} ${unnamed === 1 ? 'column has' : 'columns have'} no heading and ${unnamed === 1 ? 'was' : 'were'} ignored`,
    });
  }

  const missing: string[] = [];
  if (!taken.has('name')) missing.push('the "name" column');
  if (!taken.has('categories')) missing.push('the "categories" column');
  if (!['phone', 'email', 'website', 'address'].some((f) => taken.has(f as AssetKey))) {
    missing.push('a contact column ("phone", "email", "website" or "address")');
  }
  if (missing.length) {
    const found = header
      .map((h) => h.trim())
      .filter(Boolean)
      .slice(0, 12)
      .map((h) => `"${clip(h, 30)}"`)
      .join(', ');
    const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`;
    return {
      assets: [],
      errors: [
        {
          line: lines[headerIndex],
          message: `The header row is missing ${list}, so no rows could be read. The first row must name the columns (found: ${found || 'nothing'}).`,
        },
      ],
      warnings: result.warnings,
    };
  }

  const collector = new AssetCollector(result.warnings);
  let dataRows = 0;
  let rejected = 0;
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const row = rows[i];
    if (badRows.has(i)) {
      dataRows++;
      continue;
    }
    if (isBlank(row)) continue;
    dataRows++;
    const at = lines[i];
    const extra = row.slice(header.length).filter((v) => v.trim() !== '');
    if (extra.length) {
      rejected++;
      if (result.errors.length < MAX_ERRORS)
        result.errors.push({
          line: at,
          message: `this row has ${row.length} values but the header has ${header.length} columns (an unquoted comma inside a value?), so it was not imported`,
        });
      continue;
    }
    const values: unknown[] = new Array(ASSET_FIELDS.length);
    const issues: Issue[] = [];
    for (let c = 0; c < header.length && c < row.length; c++) {
      const field = fieldOfColumn[c];
      if (!field) continue;
      const cellText = row[c];
      const value = (cellText.charCodeAt(0) === 39 ? cellText.replace(FORMULA_MARKER, '') : cellText).trim();
      if (value === '') continue;
      if (NUMBER_FIELDS.has(field)) {
        const n = parseNumberText(value);
        if (n === undefined) {
          issues.push({ field, message: `${FIELD_LABELS[field]} "${clip(value)}" is not a number` });
        } else values[FIELD_INDEX[field]] = n;
      } else if (field === 'lastVerified') {
        const iso = parseDateText(value);
        if (iso === undefined) {
          issues.push({
            field,
            message: `last verified "${clip(value)}" is not a date (use YYYY-MM-DD, or DD/MM/YYYY)`,
          });
        } else values[FIELD_INDEX[field]] = iso;
      } else if (LIST_FIELDS.has(field)) {
        const items = value
          .split(';')
          .map((v) => v.trim())
          .filter(Boolean);
        values[FIELD_INDEX[field]] = field === 'delivery' ? items.map(normaliseEnumText) : items;
      } else {
        values[FIELD_INDEX[field]] = value;
      }
    }
    const raw = recordFrom(values);
    const name = () => rowName(raw, `row on line ${at}`);
    const outcome = finishRecord(raw, 'csv', { label: name, warnings: result.warnings, line: at });
    // Fields whose text could not be read were left unset, so the rules never report them twice.
    const reported = [...issues, ...('issues' in outcome ? outcome.issues : [])];
    if (reported.length) {
      rejected++;
      if (result.errors.length < MAX_ERRORS) result.errors.push(rowError(name(), reported, at));
      continue;
    }
    if ('asset' in outcome) collector.add(outcome.asset, `line ${at}`, at);
  }
  if (result.errors.length >= MAX_ERRORS) {
    result.errors.push({
      message: `Only the first ${MAX_ERRORS} problems are listed; ${rejected} rows were not imported in all.`,
    });
  }
  if (dataRows === 0 && result.errors.length === 0) {
    result.errors.push({ line: lines[headerIndex], message: 'The file has a header row but no rows of data.' });
  }
  result.assets = collector.assets;
  return result;
}

// --------------------------------------------------------------------------------------------- JSON

/** Where JSON.parse stopped, as a line number, from V8's "at position N" / "(line L column C)". */
function jsonErrorLine(text: string, err: unknown): number | undefined {
  const message = err instanceof Error ? err.message : '';
  const lineMatch = /line (\d+) column \d+/.exec(message);
  if (lineMatch) return Number(lineMatch[1]);
  const pos = /position (\d+)/.exec(message);
  if (!pos) return undefined;
  let line = 1;
  const end = Math.min(Number(pos[1]), text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

type JsonParse = { ok: true; value: unknown } | { ok: false; error: ParseResult };

function readJson(text: string): JsonParse {
  if (text.trim() === '') return { ok: false, error: fail('The file is empty.') };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    const line = jsonErrorLine(text, err);
    return {
      ok: false,
      error: fail(
        `The file is not valid JSON${line ? ` (the problem is on line ${line})` : ''}. Check for a missing comma, bracket or quote, or export it again.`,
        line,
      ),
    };
  }
}

function canonicalKey(key: string): AssetKey | undefined {
  if ((ASSET_FIELDS as readonly string[]).includes(key)) return key as AssetKey;
  return COLUMN_FIELDS.get(headerKey(key));
}

function parseJsonValue(value: unknown): ParseResult {
  const entries = Array.isArray(value)
    ? value
    : value && typeof value === 'object' && Array.isArray((value as { assets?: unknown }).assets)
      ? (value as { assets: unknown[] }).assets
      : null;
  if (!entries) {
    return fail(
      'The JSON is not a directory: it should be a list of assets, or an object with an "assets" list (or an Open Referral feed page).',
    );
  }
  const result = empty();
  if (entries.length === 0) {
    result.warnings.push({ message: 'The file contains no assets.' });
    return result;
  }
  const collector = new AssetCollector(result.warnings);
  const unknownKeys = new Map<string, number>();
  entries.forEach((entry, i) => {
    const where = `entry ${i + 1}`;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      result.errors.push({ message: `${where} not imported: it is not an object with named fields` });
      return;
    }
    const raw: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(entry as Record<string, unknown>)) {
      const field = canonicalKey(key);
      if (!field) unknownKeys.set(key, (unknownKeys.get(key) ?? 0) + 1);
      else if (field !== 'source' && !(field in raw)) raw[field] = v;
    }
    if (typeof raw.lastVerified === 'string' && !isIsoDate(raw.lastVerified.trim())) {
      const iso = parseDateText(raw.lastVerified);
      if (iso) raw.lastVerified = iso;
    }
    const name = rowName(raw, where);
    const label = name === where ? where : `${where} (${name})`;
    const outcome = finishRecord(raw, 'json', { label: () => label, warnings: result.warnings });
    if ('issues' in outcome) {
      if (result.errors.length < MAX_ERRORS) result.errors.push(rowError(label, outcome.issues));
      return;
    }
    collector.add(outcome.asset, where);
  });
  [...unknownKeys].slice(0, MAX_NAMED_WARNINGS).forEach(([key, count]) => {
    result.warnings.push({
      message: `field "${clip(key)}" is not a directory field and was ignored (${count} ${count === 1 ? 'entry' : 'entries'})`,
    });
  });
  if (unknownKeys.size > MAX_NAMED_WARNINGS) {
    result.warnings.push({ message: `${unknownKeys.size - MAX_NAMED_WARNINGS} more unknown fields were ignored` });
  }
  result.assets = collector.assets;
  return result;
}

// ------------------------------------------------------------------------------------------ format

type Detected = { format: DirectoryFormat; json?: JsonParse };

// A bare JSON value (`42`, `null`, `"x"`) is a wrong-shaped JSON file, not a one-column CSV.
const JSON_SCALAR = /^\s*(?:-?\d[\d.eE+-]*|true|false|null|"(?:[^"\\\n]|\\.)*")\s*$/;

function detect(text: string): Detected {
  const start = text.trimStart()[0];
  if (start !== '{' && start !== '[' && !JSON_SCALAR.test(text)) return { format: 'csv' };
  const json = readJson(text);
  if (json.ok && looksLikeOruk(json.value)) return { format: 'oruk', json };
  return { format: 'json', json };
}

/** Guess a file's format from its content: JSON that looks like an Open Referral feed is `oruk`. */
export function detectFormat(text: string): DirectoryFormat {
  return detect(stripBom(String(text ?? ''))).format;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Parse a directory file. `format` is guessed when omitted. Never throws: an unreadable file gives
 * one error and no assets; a readable file gives every valid row as an asset and a line-numbered
 * error for each rejected row.
 */
export function parseDirectory(text: string, format?: DirectoryFormat): ParseResult {
  try {
    if (typeof text !== 'string') return fail('Nothing was read: the file could not be opened as text.');
    const body = stripBom(text);
    if (body.trim() === '') return fail('The file is empty.');
    if (looksUtf16(body)) return fail(UTF16);
    if (looksBinary(body)) return fail(NOT_TEXT);
    const detected = format ? { format, json: undefined } : detect(body);
    let result: ParseResult;
    switch (detected.format) {
      case 'csv':
        result = parseCsv(body);
        break;
      case 'json': {
        const json = detected.json ?? readJson(body);
        result = json.ok ? parseJsonValue(json.value) : json.error;
        break;
      }
      case 'oruk': {
        const json = detected.json ?? readJson(body);
        result = json.ok ? parseOrukValue(json.value) : json.error;
        break;
      }
      default:
        return fail(`Unknown file format "${String(format)}": use csv, json or oruk.`);
    }
    const encoding = result.assets.length ? encodingWarning(body) : undefined;
    if (encoding) result.warnings.unshift(encoding);
    return result;
  } catch (err) {
    // Defensive: a bug here must show as a readable error, not a blank import screen.
    return fail(`The file could not be read (${err instanceof Error ? err.message : String(err)}).`);
  }
}
