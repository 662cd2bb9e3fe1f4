import type { ComponentChildren, Ref } from 'preact';
import type { RedFlag } from '@/lib/script';
import { StepSourceLink } from './StepSourceLink';

export interface StepUrgentProps {
  flag: RedFlag;
  headingRef: Ref<HTMLHeadingElement>;
  /** The channel toggle and "Log" button, shared with the record step. */
  children: ComponentChildren;
}

/** A red flag: what to do now, every instruction and number with its source. Logged as `urgent`, no detail. */
export function StepUrgent({ flag, headingRef, children }: StepUrgentProps) {
  return (
    <>
      <p class="step-count">Urgent: stop signposting</p>
      <h2 id="conversation-heading" tabIndex={-1} ref={headingRef}>
        Get urgent help: {flag.label}
      </h2>
      <ol class="urgent-actions">
        {flag.actions.map((action) => (
          <li key={action.instruction}>
            <p class="instruction">{action.instruction}</p>
            {action.phone && (
              <p class="number">
                Call <strong>{action.phone}</strong>
              </p>
            )}
            {action.sms && (
              <p class="number">
                Text <strong>{action.sms}</strong>
              </p>
            )}
            <p class="hint">
              <StepSourceLink source={action.source} />
            </p>
          </li>
        ))}
      </ol>
      {children}
    </>
  );
}
