import { useState } from 'preact/hooks';
import { detectFormat, parseDirectory } from '@/lib/directory';
import { FileReadError, formatFromName, readImportFile } from '@/lib/file-read';
import type { ParseResult } from '@/lib/types';

export type ImportFormat = 'csv' | 'json' | 'oruk';

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  csv: 'CSV',
  json: 'JSON',
  oruk: 'Open Referral (ORUK or HSDS)',
};

export interface ParsedFile {
  fileName: string;
  format: ImportFormat;
  parsed: ParseResult;
  notes: string[];
}

export interface DirectoryImportProps {
  locked: boolean;
  /** A new file was chosen: earlier messages no longer apply. */
  onStart?(): void;
  onParsed(file: ParsedFile): void;
}

/** Reads and parses the chosen file; the preview (not this) decides whether anything is written. */
export async function parseImportFile(file: File): Promise<ParsedFile> {
  const { text, notes } = await readImportFile(file);
  const byName = formatFromName(file.name);
  // A .json file may be native JSON or an Open Referral page: let the content decide between them.
  const format = (byName === 'csv' ? 'csv' : detectFormat(text)) as ImportFormat;
  const parsed = parseDirectory(text, format);
  return { fileName: file.name, format, parsed, notes };
}

export function DirectoryImport({ locked, onStart, onParsed }: DirectoryImportProps) {
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  return (
    <section class="directory-import" aria-labelledby="directory-import-heading">
      <h2 id="directory-import-heading">Import from a file</h2>
      <div class={`form-group${error ? ' form-group--error' : ''}`}>
        <label for="directory-file">Choose a directory file</label>
        <p class="hint" id="directory-file-hint">
          CSV (one row per asset, with a header row), JSON, or an Open Referral (ORUK v1 or HSDS 3) file. You will see
          what would change before anything is saved.
        </p>
        {error && (
          <p class="error-message" id="directory-file-error" role="alert">
            <span class="visually-hidden">Error: </span>
            {error}
          </p>
        )}
        <input
          id="directory-file"
          type="file"
          accept=".csv,.json,.txt,text/csv,application/json"
          disabled={locked || reading}
          aria-describedby={`directory-file-hint${error ? ' directory-file-error' : ''}${locked ? ' directory-locked' : ''}`}
          onChange={async (e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            if (!file) return;
            onStart?.();
            setError(null);
            setReading(true);
            try {
              onParsed(await parseImportFile(file));
            } catch (err) {
              setError(
                err instanceof FileReadError
                  ? `${err.message} The directory has not changed.`
                  : `"${file.name}" could not be read as a directory: ${err instanceof Error ? err.message : String(err)}. The directory has not changed.`,
              );
            } finally {
              setReading(false);
              // Choosing the same file again (after fixing it) must still trigger a change.
              input.value = '';
            }
          }}
        />
      </div>
      {reading && (
        <p role="status" class="hint">
          Reading the file…
        </p>
      )}
    </section>
  );
}
