import { useEffect, useRef, useState } from 'preact/hooks';
import { REPORT_REASON_LABELS, REPORT_REASONS, type ReportReason } from '@/lib/reports';
import type { Asset } from '@/lib/types';

export interface ReportProblemProps {
  asset: Asset;
  onSend(reason: ReportReason): Promise<void>;
  onClose(): void;
}

/** Stores only the asset id and a reason code: a receptionist's free-text comment could name a patient. */
export function ReportProblem({ asset, onSend, onClose }: ReportProblemProps) {
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="report-problem notice" aria-labelledby={`report-heading-${asset.id}`}>
      <h3 id={`report-heading-${asset.id}`} tabIndex={-1} ref={heading}>
        Report a problem with {asset.name}
      </h3>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (!reason) {
            setError('Choose what is wrong with this entry.');
            return;
          }
          try {
            await onSend(reason);
          } catch (err) {
            setError(`The report could not be saved: ${err instanceof Error ? err.message : String(err)}`);
          }
        }}
        onKeyDown={(e) => {
          // The report form is self-contained: its keys must not also drive the conversation around it.
          e.stopPropagation();
          if (e.key === 'Escape') onClose();
        }}
      >
        <fieldset>
          <legend>What is wrong?</legend>
          {error && (
            <p class="error-message" role="alert">
              {error}
            </p>
          )}
          {REPORT_REASONS.map((r) => (
            <label class="inline block-radio" key={r}>
              <input
                type="radio"
                name={`report-reason-${asset.id}`}
                value={r}
                checked={reason === r}
                onChange={() => setReason(r)}
              />
              {REPORT_REASON_LABELS[r]}
            </label>
          ))}
        </fieldset>
        <p class="hint">The practice lead sees this in the directory review queue. Do not add patient details.</p>
        <button type="submit" class="primary">
          Send report
        </button>{' '}
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </form>
    </section>
  );
}
