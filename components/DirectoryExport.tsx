import { useState } from 'preact/hooks';
import { exportCsv, exportJson } from '@/lib/directory-export';
import { CSV_TYPE, downloadText, JSON_TYPE } from '@/lib/download';
import type { Asset } from '@/lib/types';

export interface DirectoryExportProps {
  assets: Asset[];
  today: string;
}

/** The whole directory in the native formats, so it can be backed up, edited in a spreadsheet and re-imported. */
export function DirectoryExport({ assets, today }: DirectoryExportProps) {
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = (kind: 'CSV' | 'JSON') => {
    setError(null);
    try {
      const name = `care-navigation-directory-${today}.${kind.toLowerCase()}`;
      if (kind === 'CSV') downloadText(name, exportCsv(assets), CSV_TYPE);
      else downloadText(name, exportJson(assets), JSON_TYPE);
      setDone(`Downloaded ${assets.length.toLocaleString('en-GB')} assets as ${name}.`);
    } catch (err) {
      setDone(null);
      setError(`The export failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  return (
    <section class="directory-export" aria-labelledby="directory-export-heading">
      <h2 id="directory-export-heading">Export</h2>
      <p class="hint">
        The whole directory, active and inactive, in the same formats you can import. CSV opens in a spreadsheet.
      </p>
      <div class="button-row">
        <button type="button" onClick={() => run('CSV')} disabled={assets.length === 0}>
          Download CSV
        </button>
        <button type="button" onClick={() => run('JSON')} disabled={assets.length === 0}>
          Download JSON
        </button>
      </div>
      <p role="status" class="hint">
        {done}
      </p>
      {error && (
        <p class="error-message" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
