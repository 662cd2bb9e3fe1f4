import Papa from 'papaparse';
import { CSV_COLUMNS, fieldForColumn } from './directory';
import type { Asset } from './types';

/**
 * Directory exports in the native formats, so an export can be edited and imported again unchanged
 * (tested as a round trip).
 */

const FIELD_OF = Object.fromEntries(CSV_COLUMNS.map((column) => [column, fieldForColumn(column)])) as Record<
  (typeof CSV_COLUMNS)[number],
  keyof Asset
>;

// A cell starting with = + - @ (or tab/CR) is run as a formula by Excel: a feed-supplied value must
// not be able to do that on a practice PC. The `'` prefix shows as text in Excel and is removed again
// by parseDirectory; a value that already starts with `'` gets one more so that removal is exact.
function neutralise(text: string): string {
  return /^[=+\-@\t\r']/.test(text) ? `'${text}` : text;
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) {
    // `;` separates list items, so it cannot appear inside one.
    return neutralise(value.map((v) => String(v).replace(/;/g, ',')).join('; '));
  }
  if (typeof value === 'number') return String(value);
  return neutralise(String(value));
}

/** Native CSV: every column, UTF-8 with BOM and CRLF line ends so Excel opens it correctly. */
export function exportCsv(assets: Asset[]): string {
  const rows = assets.map((asset) => CSV_COLUMNS.map((column) => cell(asset[FIELD_OF[column]])));
  const body = Papa.unparse(
    { fields: [...CSV_COLUMNS], data: rows },
    { newline: '\r\n', quotes: false, quoteChar: '"', escapeChar: '"', delimiter: ',', header: true },
  );
  return `\uFEFF${body.replace(/(\r\n)+$/, '')}\r\n`;
}

/** Native JSON: `{ "assets": [...] }`, readable and diffable. */
export function exportJson(assets: Asset[]): string {
  return `${JSON.stringify({ assets }, null, 2)}\n`;
}
