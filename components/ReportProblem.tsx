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
    <section class="report-problem notice" aria-labelledby="report-heading">
      <h2 id="report-heading" tabIndex={-1} ref={heading}>
        Report a problem with {asset.name}
      </h2>
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
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
          }
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
              <input type="radio" name="report-reason" value={r} checked={reason === r} onChange={() => setReason(r)} />
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
