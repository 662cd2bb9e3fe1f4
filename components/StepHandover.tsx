import type { Ref } from 'preact';
import type { HandoverStep } from '@/lib/script';
import type { Handout } from '@/lib/types';

export interface StepHandoverProps {
  step: HandoverStep;
  headingRef: Ref<HTMLHeadingElement>;
  text: string;
  textRef: Ref<HTMLTextAreaElement>;
  message: string | null;
  onHandout(kind: Handout): void;
  onLinkWorker(): void;
}

/** Step 5: the chosen support in writing, copied for a text message or letter, or printed as a slip. */
export function StepHandover({ step, headingRef, text, textRef, message, onHandout, onLinkWorker }: StepHandoverProps) {
  return (
    <>
      <p class="step-count">Step 5 of 6</p>
      <h2 id="conversation-heading" tabIndex={-1} ref={headingRef}>
        {step.heading}
      </h2>
      <p>{step.prompt}</p>
      <label for="handout-text">Text to give the patient</label>
      <textarea
        id="handout-text"
        ref={textRef}
        readOnly
        rows={Math.min(14, text.split('\n').length + 1)}
        value={text}
        class="handout-text"
      />
      <p class="error-message" role="status" aria-live="polite">
        {message ?? ''}
      </p>
      <div class="options">
        <button type="button" class="primary" aria-keyshortcuts="Enter 1" onClick={() => onHandout('copied')}>
          <kbd>1</kbd> Copy text
        </button>
        <button type="button" aria-keyshortcuts="2 P" onClick={() => onHandout('printed')}>
          <kbd>2</kbd> Print a slip
        </button>
        <button type="button" aria-keyshortcuts="3" onClick={() => onHandout('none')}>
          <kbd>3</kbd> No written details
        </button>
      </div>
      <p class="hint">Press Enter to copy the text.</p>
      <button type="button" class="link-button" aria-keyshortcuts="L" onClick={onLinkWorker}>
        <kbd>L</kbd> Refer to link worker instead
      </button>
    </>
  );
}
