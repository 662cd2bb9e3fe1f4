import type { Ref } from 'preact';
import type { ConsentAnswer } from '@/lib/conversation';
import type { ExplainStep } from '@/lib/script';

export interface StepExplainProps {
  step: ExplainStep;
  headingRef: Ref<HTMLHeadingElement>;
  onAnswer(answer: ConsentAnswer): void;
}

/** Step 1: say what care navigation is and why reception asks, then ask consent. */
export function StepExplain({ step, headingRef, onAnswer }: StepExplainProps) {
  return (
    <>
      <p class="step-count">Step 1 of 6</p>
      <h2 id="conversation-heading" tabIndex={-1} ref={headingRef}>
        {step.heading}
      </h2>
      <p class="say-label">You could say:</p>
      <blockquote class="say">
        <p>{step.explanation}</p>
        <p>
          <strong>{step.question}</strong>
        </p>
      </blockquote>
      <fieldset class="options">
        <legend class="visually-hidden">The patient's answer</legend>
        <button type="button" class="primary" aria-keyshortcuts="Enter 1" onClick={() => onAnswer('yes')}>
          <kbd>1</kbd> Yes
        </button>
        <button type="button" aria-keyshortcuts="2" onClick={() => onAnswer('not_now')}>
          <kbd>2</kbd> Not now
        </button>
        <button type="button" aria-keyshortcuts="3" onClick={() => onAnswer('declined')}>
          <kbd>3</kbd> No, thank you
        </button>
      </fieldset>
      <p class="hint">Press Enter for yes. “Not now” and “No, thank you” are both logged as declined.</p>
    </>
  );
}
