import type { Ref } from 'preact';
import type { ReportReason } from '@/lib/reports';
import type { SupportStep } from '@/lib/script';
import type { AssetSearch } from '@/lib/search';
import type { Asset } from '@/lib/types';
import { SupportFinder } from './SupportFinder';

export interface StepSupportProps {
  step: SupportStep;
  headingRef: Ref<HTMLHeadingElement>;
  search: AssetSearch;
  needs: string[];
  selected: Asset[];
  today: string;
  staleAfterMonths: number;
  linkWorkerWaitWeeks: number | null;
  message: string | null;
  onToggle(asset: Asset): void;
  onLinkWorker(): void;
  onNothingSuitable(): void;
  onContinue(): void;
  onReport?(asset: Asset, reason: ReportReason): Promise<void>;
}

export function linkWorkerWait(weeks: number | null): string {
  if (weeks === null) return 'wait not known';
  if (weeks === 0) return 'no wait at the moment';
  return `current wait about ${weeks} ${weeks === 1 ? 'week' : 'weeks'}`;
}

/** Step 4: choose one to three assets, or escalate to the link worker, or record a directory gap. */
export function StepSupport(props: StepSupportProps) {
  const { step, headingRef, selected } = props;
  return (
    <>
      <p class="step-count">Step 4 of 6</p>
      <h2 id="conversation-heading" tabIndex={-1} ref={headingRef}>
        {step.heading}
      </h2>
      <p>{step.prompt}</p>
      <p class="hint">{step.linkWorker}</p>
      <p class="hint">
        Press 1 to 9 to choose a result, Enter to go on. {selected.length > 0 && `${selected.length} chosen.`}
      </p>
      <SupportFinder
        search={props.search}
        needs={props.needs}
        selected={selected}
        onToggle={props.onToggle}
        today={props.today}
        staleAfterMonths={props.staleAfterMonths}
        onReport={props.onReport}
      />
      <div class="step-actions">
        <p class="error-message" role="status" aria-live="polite">
          {props.message ?? ''}
        </p>
        <div class="options">
          <button type="button" class="primary" aria-keyshortcuts="Enter" onClick={props.onContinue}>
            Continue with {selected.length} chosen <kbd>Enter</kbd>
          </button>
          <button type="button" aria-keyshortcuts="N" onClick={props.onNothingSuitable}>
            <kbd>N</kbd> Nothing suitable
          </button>
          <button type="button" aria-keyshortcuts="L" onClick={props.onLinkWorker}>
            <kbd>L</kbd> Link worker
          </button>
        </div>
        <p class="hint">Social prescribing link worker: {linkWorkerWait(props.linkWorkerWaitWeeks)}.</p>
      </div>
    </>
  );
}
