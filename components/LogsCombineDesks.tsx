import { useState } from 'preact/hooks';
import type { Db } from '@/lib/db';
import { downloadText, JSON_TYPE } from '@/lib/download';
import { deskFileName, exportDeskFile, importDeskFiles, type MergeResult } from '@/lib/event-merge';
import { localDateKey } from '@/lib/periods';

/** Desk files are small (a year of a busy desk is well under 10 MB); this stops a wrong file freezing the page. */
const MAX_DESK_FILE_BYTES = 50 * 1024 * 1024;

interface Props {
  db: Db;
  deskLabel: string;
  now: () => Date;
  /** Called after any file added events, so the figures can be recalculated. */
  onImported(): void;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Export this desk's log, and import the logs of other desks into this dashboard. */
export function LogsCombineDesks({ db, deskLabel, now, onImported }: Props) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<MergeResult | null>(null);
  const [exported, setExported] = useState('');
  const [error, setError] = useState('');

  async function exportLog() {
    setError('');
    try {
      const name = deskFileName(deskLabel, localDateKey(now()));
      downloadText(name, await exportDeskFile(db, deskLabel), JSON_TYPE);
      setExported(`This desk's log was saved as ${name}.`);
    } catch (err) {
      setError(`The log could not be exported: ${(err as Error).message}`);
    }
  }

  async function importFiles(input: HTMLInputElement) {
    const files = [...(input.files ?? [])];
    if (files.length === 0) return;
    setBusy(true);
    setResult(null);
    setError('');
    try {
      const texts: { name: string; text: string }[] = [];
      const tooBig: MergeResult['failed'] = [];
      for (const f of files) {
        if (f.size > MAX_DESK_FILE_BYTES)
          tooBig.push({ name: f.name, error: `"${f.name}" was not imported: it is too large to be a desk log file.` });
        else texts.push({ name: f.name, text: await f.text() });
      }
      const r = await importDeskFiles(db, texts);
      r.failed.push(...tooBig);
      setResult(r);
      if (r.added > 0) onImported();
    } catch (err) {
      setError(`The files could not be read: ${(err as Error).message}`);
    } finally {
      setBusy(false);
      // Lets the same file be chosen again (for example after fixing it).
      input.value = '';
    }
  }

  return (
    <section class="panel-section no-print" aria-labelledby="combine-heading">
      <h2 id="combine-heading">Combine desks</h2>
      <p>
        Each desk keeps its own log. To see the whole practice here, export the log on each desk and import the files on
        this one. Importing the same file again adds nothing twice.
      </p>
      <div class="button-row">
        <button type="button" onClick={exportLog}>
          Export this desk's log
        </button>
      </div>
      <p role="status" class="status">
        {exported}
      </p>
      <label for="desk-files">Import desk log files</label>
      <p class="hint" id="desk-files-hint">
        Choose one or more .json files exported from other desks.
      </p>
      <input
        id="desk-files"
        type="file"
        accept=".json,application/json"
        multiple
        disabled={busy}
        aria-describedby="desk-files-hint"
        onChange={(e) => importFiles(e.target as HTMLInputElement)}
      />
      <div role="status" class="status" aria-live="polite">
        {busy && <p>Importing…</p>}
        {result && (
          <div class={result.failed.length ? 'problem' : 'success'}>
            <p>
              <strong>
                {plural(result.added, 'event')} added, {plural(result.duplicates, 'duplicate')} skipped
              </strong>
              {result.failed.length > 0 && `, ${plural(result.failed.length, 'file')} not imported`}.
            </p>
            <ul>
              {result.imported.map((f) => (
                <li key={f.name}>
                  "{f.name}" ({f.desk || 'no desk label'}): {plural(f.added, 'event')} added,{' '}
                  {plural(f.duplicates, 'duplicate')} skipped
                  {f.conflicting > 0 &&
                    ` (${plural(f.conflicting, 'event')} had the same id as an event here but different details; the one here was kept)`}
                  .
                </li>
              ))}
              {result.failed.map((f) => (
                <li key={f.name} class="error-message">
                  {f.error}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {error && (
        <p class="error-message" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
