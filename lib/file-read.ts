/**
 * Turning a file the lead picked into text for the directory importer, with plain-English errors for
 * the usual mistakes (a spreadsheet instead of CSV, an empty file, a very large one).
 */

/** Far beyond any practice directory (10,000 assets of CSV is a few MB); stops a wrong file freezing the tab. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface ReadFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface ReadResult {
  text: string;
  /** Things the lead should know that did not stop the import. */
  notes: string[];
}

export class FileReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileReadError';
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** 'csv' | 'json' from the file name, when it says; the content decides otherwise. */
export function formatFromName(name: string): 'csv' | 'json' | undefined {
  const ext = name.toLowerCase().split('.').pop();
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv';
  if (ext === 'json') return 'json';
  return undefined;
}

export function decodeImportBytes(name: string, bytes: Uint8Array): ReadResult {
  if (bytes.length === 0) throw new FileReadError(`"${name}" is empty.`);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]))
    throw new FileReadError(
      `"${name}" is a spreadsheet or zip file, not CSV or JSON. In Excel, use File → Save As → "CSV UTF-8", then import that file.`,
    );
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]))
    throw new FileReadError(
      `"${name}" is an old-style Excel (.xls) file, not CSV or JSON. In Excel, use File → Save As → "CSV UTF-8", then import that file.`,
    );
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46]))
    throw new FileReadError(`"${name}" is a PDF. Import a CSV or JSON file instead.`);
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]))
    throw new FileReadError(
      `"${name}" is saved as UTF-16 text. Save it again as "CSV UTF-8" (or UTF-8 JSON) and import that file.`,
    );
  try {
    // `fatal` makes broken UTF-8 an error instead of silently turning letters into �.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), notes: [] };
  } catch {
    // Excel's plain "CSV" on Windows is Windows-1252: read it that way rather than refuse it.
    const text = new TextDecoder('windows-1252').decode(bytes);
    return {
      text,
      notes: [
        `"${name}" is not UTF-8, so it was read as Windows (Excel) text. Check accented letters and symbols such as £ in the preview.`,
      ],
    };
  }
}

export async function readImportFile(file: ReadFile): Promise<ReadResult> {
  if (file.size > MAX_IMPORT_BYTES)
    throw new FileReadError(
      `"${file.name}" is ${(file.size / 1024 / 1024).toFixed(0)} MB, which is too large for a directory (the limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MB). Check it is the right file.`,
    );
  let buffer: ArrayBuffer;
  try {
    buffer = await file.arrayBuffer();
  } catch (err) {
    throw new FileReadError(
      `"${file.name}" could not be read (${err instanceof Error ? err.message : String(err)}). It may have been moved or be open in another program.`,
    );
  }
  return decodeImportBytes(file.name, new Uint8Array(buffer));
}
