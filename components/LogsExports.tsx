import { useState } from 'preact/hooks';
import { CSV_TYPE, downloadText, printPage } from '@/lib/download';
import { eventsCsv, exportFileName, type FigureTable, type Labels, summaryCsv } from '@/lib/event-export';
import type { EventSummary } from '@/lib/log';
import { lastDay, localDateKey, type Period } from '@/lib/periods';
import type { SignpostEvent } from '@/lib/types';

interface Props {
  events: readonly SignpostEvent[];
  summary: EventSummary;
  tables: readonly FigureTable[];
  period: Period;
  labels: Labels;
  practiceName: string;
  now: () => Date;
  share: boolean;
  onShareChange(share: boolean): void;
}

/** CSV downloads and the printable report. Sharing outside the practice allows only the suppressed summary. */
export function LogsExports({
  events,
  summary,
  tables,
  period,
  labels,
  practiceName,
  now,
  share,
  onShareChange,
}: Props) {
  const [done, setDone] = useState('');
  const firstDay = localDateKey(period.from);
  const last = localDateKey(lastDay(period));

  function downloadSummary() {
    const name = exportFileName(share ? 'summary-shareable' : 'summary', firstDay, last);
    downloadText(
      name,
      summaryCsv(summary, tables, { practiceName, firstDay, lastDay: last, generatedAt: now(), share }),
      CSV_TYPE,
    );
    setDone(`Summary saved as ${name}.`);
  }

  function downloadEvents() {
    const name = exportFileName('events', firstDay, last);
    downloadText(name, eventsCsv(events, labels), CSV_TYPE);
    setDone(`${events.length} events saved as ${name}.`);
  }

  return (
    <section class="panel-section no-print" aria-labelledby="exports-heading">
      <h2 id="exports-heading">Save or print</h2>
      <div class="checkbox">
        <input
          id="share-outside"
          type="checkbox"
          checked={share}
          onChange={(e) => onShareChange((e.target as HTMLInputElement).checked)}
          aria-describedby="share-hint"
        />
        <label for="share-outside" class="inline">
          To share outside the practice
        </label>
      </div>
      <p id="share-hint" class="hint">
        The report on this page, the printout and the summary show counts below 5 as &lt;5 so no patient can be
        identified. Individual events cannot be saved for sharing.
      </p>
      <div class="button-row">
        <button type="button" onClick={downloadSummary}>
          Download summary (CSV)
        </button>
        {!share && (
          <button type="button" onClick={downloadEvents} disabled={events.length === 0}>
            Download events (CSV)
          </button>
        )}
        <button type="button" onClick={printPage}>
          Print report or save as PDF
        </button>
      </div>
      <p class="hint">The report prints on one page. To save a PDF, choose "Save as PDF" as the printer.</p>
      <p role="status" class="status">
        {done}
      </p>
    </section>
  );
}
