import type { Ref } from 'preact';
import type { Category } from '@/lib/categories';
import type { NeedsStep } from '@/lib/script';
import type { CategorySuggestion } from '@/lib/search';

export interface StepNeedsProps {
  step: NeedsStep;
  headingRef: Ref<HTMLHeadingElement>;
  inputRef: Ref<HTMLInputElement>;
  categories: readonly Category[];
  chosen: string[];
  /** What the patient said: lives only in the conversation's memory, never stored or logged. */
  said: string;
  suggestions: CategorySuggestion[];
  message: string | null;
  onSaid(text: string): void;
  onToggle(id: string): void;
  onClinical(): void;
  onLinkWorker(): void;
  onContinue(): void;
}

/** The key shown for the category in position i: 1–9, then 0 for the tenth. */
export function categoryKey(i: number): string | null {
  if (i < 9) return String(i + 1);
  return i === 9 ? '0' : null;
}

/** Step 3: tick the needs, or type what the patient said and take a suggested need. */
export function StepNeeds(props: StepNeedsProps) {
  const { step, headingRef, inputRef, categories, chosen, said, suggestions, message } = props;
  const labelOf = (id: string) => categories.find((c) => c.id === id)?.label ?? id;
  return (
    <>
      <p class="step-count">Step 3 of 6</p>
      <h2 id="conversation-heading" tabIndex={-1} ref={headingRef}>
        {step.heading}
      </h2>
      <p class="say-label">You could ask:</p>
      <blockquote class="say">
        <p>{step.prompt}</p>
      </blockquote>

      <label for="need-said">What the patient said</label>
      <p class="hint" id="need-said-hint">
        Optional. Only used to suggest needs: it is not saved or logged. Press / to type here.
      </p>
      <input
        id="need-said"
        ref={inputRef}
        type="text"
        autoComplete="off"
        spellcheck={false}
        aria-describedby="need-said-hint"
        value={said}
        onInput={(e) => props.onSaid((e.target as HTMLInputElement).value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            // Enter takes the best suggestion first, so "type, Enter, Enter" is a whole step.
            const top = suggestions.find((s) => !chosen.includes(s.category));
            if (chosen.length === 0 && top) props.onToggle(top.category);
            else props.onContinue();
          } else if (e.key === 'Escape' && said) {
            e.stopPropagation();
            props.onSaid('');
          }
        }}
      />
      {suggestions.length > 0 && (
        <fieldset class="chips">
          <legend class="visually-hidden">Suggested needs</legend>
          {suggestions.slice(0, 4).map((s) => {
            const on = chosen.includes(s.category);
            return (
              <button
                type="button"
                key={s.category}
                class={on ? 'chip on' : 'chip suggested'}
                aria-pressed={on}
                onClick={() => props.onToggle(s.category)}
              >
                {labelOf(s.category)}
                <span class="visually-hidden"> (suggested because of {s.because.join(', ')})</span>
              </button>
            );
          })}
        </fieldset>
      )}

      <fieldset class="needs">
        <legend>Needs</legend>
        <ul class="need-list">
          {categories.map((c, i) => {
            const key = categoryKey(i);
            return (
              <li key={c.id}>
                <label class="inline" for={`need-${c.id}`}>
                  <input
                    type="checkbox"
                    id={`need-${c.id}`}
                    checked={chosen.includes(c.id)}
                    onChange={() => props.onToggle(c.id)}
                  />
                  {key && <kbd>{key}</kbd>}
                  {c.label}
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>

      <p class="error-message" role="status" aria-live="polite">
        {message ?? ''}
      </p>
      <p class="hint">{step.clinicalHint}</p>
      <div class="options">
        <button type="button" class="primary" aria-keyshortcuts="Enter" onClick={props.onContinue}>
          Continue <kbd>Enter</kbd>
        </button>
        <button type="button" aria-keyshortcuts="M" onClick={props.onClinical}>
          <kbd>M</kbd> This sounds medical
        </button>
        <button type="button" aria-keyshortcuts="L" onClick={props.onLinkWorker}>
          <kbd>L</kbd> Refer to link worker
        </button>
      </div>
    </>
  );
}
