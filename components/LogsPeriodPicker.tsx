import { useState } from 'preact/hooks';
import { customPeriod, lastMonth, localDateKey, type Period, periodFor } from '@/lib/periods';

export type PeriodChoice = 'week' | 'month' | 'last-month' | 'quarter' | 'custom';

const CHOICES: { value: PeriodChoice; label: string }[] = [
  { value: 'week', label: 'This week' },
  { value: 'month', label: 'This month' },
  { value: 'last-month', label: 'Last month' },
  { value: 'quarter', label: 'This quarter' },
  { value: 'custom', label: 'Choose dates' },
];

export function periodForChoice(choice: Exclude<PeriodChoice, 'custom'>, now: Date): Period {
  return choice === 'last-month' ? lastMonth(now) : periodFor(choice, now);
}

interface Props {
  now: Date;
  choice: PeriodChoice;
  onChange(choice: PeriodChoice, period: Period): void;
}

/** Radio buttons (arrow keys move and choose), plus a from/to form for a custom period. */
export function LogsPeriodPicker({ now, choice, onChange }: Props) {
  const [from, setFrom] = useState(localDateKey(periodFor('month', now).from));
  const [to, setTo] = useState(localDateKey(now));
  const [error, setError] = useState<string | null>(null);

  function choose(value: PeriodChoice) {
    setError(null);
    if (value === 'custom') {
      const r = customPeriod(from, to);
      if (r.ok) onChange('custom', r.period);
      else setError(r.error);
      return;
    }
    onChange(value, periodForChoice(value, now));
  }

  function applyCustom(e: Event) {
    e.preventDefault();
    const r = customPeriod(from, to);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    onChange('custom', r.period);
  }

  return (
    <div class="period-picker">
      <fieldset>
        <legend>Period</legend>
        <div class="radios">
          {CHOICES.map((c) => (
            <label class="inline" key={c.value}>
              <input
                type="radio"
                name="period"
                value={c.value}
                checked={choice === c.value}
                onChange={() => choose(c.value)}
              />
              {c.label}
            </label>
          ))}
        </div>
      </fieldset>
      {choice === 'custom' && (
        <form class="custom-dates" onSubmit={applyCustom} noValidate>
          <div>
            <label for="period-from">From</label>
            <input
              id="period-from"
              type="date"
              value={from}
              aria-invalid={error?.includes('"from"') ? true : undefined}
              aria-describedby={error ? 'period-error' : undefined}
              onInput={(e) => setFrom((e.target as HTMLInputElement).value)}
            />
          </div>
          <div>
            <label for="period-to">To (included)</label>
            <input
              id="period-to"
              type="date"
              value={to}
              aria-invalid={error && !error.includes('"from"') ? true : undefined}
              aria-describedby={error ? 'period-error' : undefined}
              onInput={(e) => setTo((e.target as HTMLInputElement).value)}
            />
          </div>
          <button type="submit">Show these dates</button>
        </form>
      )}
      {error && (
        <p id="period-error" class="error-message" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
