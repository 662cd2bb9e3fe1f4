import type { Ref } from 'preact';
import type { RedFlagsStep } from '@/lib/script';
import { StepSourceLink } from './StepSourceLink';

export interface StepRedFlagsProps {
  step: RedFlagsStep;
  headingRef: Ref<HTMLHeadingElement>;
  onRedFlag(id: string): void;
  onClear(): void;
}

/** Step 2: the safety net. Any red flag leaves signposting at once. */
export function StepRedFlags({ step, headingRef, onRedFlag, onClear }: StepRedFlagsProps) {
  return (
    <>
      <p class="step-count">Step 2 of 6</p>
      <h2 id="conversation-heading" tabIndex={-1} ref={headingRef}>
        {step.heading}
      </h2>
      <p>{step.prompt}</p>
      <ol class="red-flags">
        {step.redFlags.map((flag, i) => (
          <li key={flag.id}>
            <button
              type="button"
              class="warning"
              aria-keyshortcuts={i < 9 ? String(i + 1) : undefined}
              aria-describedby={`flag-${flag.id}-examples`}
              onClick={() => onRedFlag(flag.id)}
            >
              {i < 9 && <kbd>{i + 1}</kbd>} {flag.label}
            </button>
            <ul class="examples" id={`flag-${flag.id}-examples`}>
              {flag.examples.map((ex) => (
                <li key={ex}>{ex}</li>
              ))}
            </ul>
            <p class="hint">
              <StepSourceLink source={flag.source} />
            </p>
          </li>
        ))}
      </ol>
      <button type="button" class="primary" aria-keyshortcuts="Enter 0" onClick={onClear}>
        <kbd>0</kbd> None of these: carry on
      </button>
      <p class="hint">Press Enter if none of these apply, or the number of the red flag.</p>
    </>
  );
}
