import type { ComponentChildren, Ref } from 'preact';
import type { RecordStep } from '@/lib/script';
import type { Handout, Outcome } from '@/lib/types';

export const OUTCOME_LABELS: Record<Outcome, string> = {
  signposted: 'Signposted to local support',
  link_worker: 'Referred to the social prescribing link worker',
  declined: 'Declined',
  urgent: 'Urgent: routed to urgent help',
  clinical: 'Medical: routed to a clinician',
  no_suitable: 'Nothing suitable (a directory gap)',
};

const HANDOUT_LABELS: Record<Handout, string> = {
  copied: 'Text copied',
  printed: 'Slip printed',
  none: 'No written details',
};

export interface StepRecordProps {
  step: RecordStep;
  headingRef: Ref<HTMLHeadingElement>;
  outcome: Outcome;
  needs: string[];
  assets: string[];
  handout: Handout;
  /** Extra line for a link-worker referral: the current wait. */
  note: string | null;
  /** The channel toggle and "Log" button. */
  children: ComponentChildren;
}

/** Step 6: check the outcome and log it. What is shown here is exactly what is logged, minus the timing. */
export function StepRecord({ step, headingRef, outcome, needs, assets, handout, note, children }: StepRecordProps) {
  return (
    <>
      <p class="step-count">Step 6 of 6</p>
      <h2 id="conversation-heading" tabIndex={-1} ref={headingRef}>
        {step.heading}
      </h2>
      <p>{step.prompt}</p>
      <dl class="summary">
        <dt>Outcome</dt>
        <dd>{OUTCOME_LABELS[outcome]}</dd>
        {needs.length > 0 && (
          <>
            <dt>Needs</dt>
            <dd>{needs.join('; ')}</dd>
          </>
        )}
        {assets.length > 0 && (
          <>
            <dt>Support given</dt>
            <dd>{assets.join('; ')}</dd>
          </>
        )}
        {outcome === 'signposted' && (
          <>
            <dt>Written details</dt>
            <dd>{HANDOUT_LABELS[handout]}</dd>
          </>
        )}
      </dl>
      <p class="notice">{step.outcomes[outcome]}</p>
      {note && <p class="hint">{note}</p>}
      {children}
    </>
  );
}
