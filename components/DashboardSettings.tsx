import { useEffect, useRef, useState } from 'preact/hooks';
import {
  type LoadedSettings,
  loadSettings,
  type SettingKey,
  type Settings,
  saveSettings,
  settingError,
} from '@/lib/settings';

interface FieldSpec {
  key: SettingKey;
  label: string;
  hint: string;
  kind: 'text' | 'number';
  /** Blank number fields mean "not known" (null) where the setting allows it. */
  nullable?: boolean;
}

const FIELDS: FieldSpec[] = [
  { key: 'practiceName', label: 'Practice name', hint: 'Shown on handouts and reports.', kind: 'text' },
  {
    key: 'deskLabel',
    label: 'Desk label',
    hint: 'Names this desk in the log, for example "Front desk" or "Phones". Not a person\'s name.',
    kind: 'text',
  },
  {
    key: 'linkWorkerWaitWeeks',
    label: 'Current wait for the social prescribing link worker (weeks)',
    hint: 'Shown to receptionists before they refer. Leave blank if not known.',
    kind: 'number',
    nullable: true,
  },
  {
    key: 'staleAfterMonths',
    label: 'Mark an entry "needs checking" after (months)',
    hint: 'Entries not verified for this long are flagged and listed for review.',
    kind: 'number',
  },
  {
    key: 'retentionDays',
    label: 'Keep signposting events for (days)',
    hint: 'Older events are deleted automatically each day.',
    kind: 'number',
  },
];

function toText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

function parseField(spec: FieldSpec, text: string): unknown {
  if (spec.kind === 'text') return text.trim();
  if (text.trim() === '') return spec.nullable ? null : Number.NaN;
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
}

export function DashboardSettings() {
  const [loaded, setLoaded] = useState<LoadedSettings | null>(null);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Partial<Record<SettingKey, string>>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    loadSettings().then((l) => {
      setLoaded(l);
      setDraft(Object.fromEntries(FIELDS.map((f) => [f.key, toText(l.settings[f.key])])));
    });
  }, []);

  if (!loaded) return <p role="status">Loading settings…</p>;

  const onSubmit = async (e: Event) => {
    e.preventDefault();
    setSaved(null);
    const changes: Partial<Settings> = {};
    const found: Partial<Record<SettingKey, string>> = {};
    for (const f of FIELDS) {
      if (loaded.locked.includes(f.key)) continue;
      const value = parseField(f, draft[f.key] ?? '');
      const err = settingError(f.key, value);
      if (err) found[f.key] = err;
      else (changes as Record<string, unknown>)[f.key] = value;
    }
    setErrors(found);
    if (Object.keys(found).length) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    try {
      await saveSettings(changes);
      setLoaded(await loadSettings());
      setSaved('Settings saved.');
    } catch (err) {
      setErrors({ practiceName: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <section aria-labelledby="settings-heading" class="dashboard-settings">
      <h2 id="settings-heading">Settings</h2>
      {loaded.problems.length > 0 && (
        <div class="problem" role="alert">
          <ul>
            {loaded.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {Object.keys(errors).length > 0 && (
        <div class="error-summary" role="alert" tabIndex={-1} ref={summary} aria-labelledby="settings-errors">
          <h3 id="settings-errors">There is a problem</h3>
          <ul>
            {Object.entries(errors).map(([k, msg]) => (
              <li key={k}>
                <a
                  href={`#settings/${k}`}
                  onClick={(e) => {
                    // The dashboard's tabs live in the address hash: move focus without leaving this tab.
                    e.preventDefault();
                    document.getElementById(`setting-${k}`)?.focus();
                  }}
                >
                  {msg}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {saved && (
        <p class="success" role="status">
          {saved}
        </p>
      )}
      <form onSubmit={onSubmit} noValidate>
        {FIELDS.map((f) => {
          const locked = loaded.locked.includes(f.key);
          const err = errors[f.key];
          return (
            <div class="field" key={f.key}>
              <label for={`setting-${f.key}`}>
                {f.label} {locked && <span class="tag locked">Set by your organisation</span>}
              </label>
              <p class="hint" id={`setting-${f.key}-hint`}>
                {f.hint}
              </p>
              {err && (
                <p class="error-message" id={`setting-${f.key}-error`}>
                  <span class="visually-hidden">Error:</span> {err}
                </p>
              )}
              <input
                id={`setting-${f.key}`}
                type="text"
                inputMode={f.kind === 'number' ? 'numeric' : undefined}
                value={draft[f.key] ?? ''}
                disabled={locked}
                aria-invalid={err ? true : undefined}
                aria-describedby={`setting-${f.key}-hint${err ? ` setting-${f.key}-error` : ''}`}
                onInput={(e) => setDraft({ ...draft, [f.key]: (e.target as HTMLInputElement).value })}
              />
            </div>
          );
        })}
        <button type="submit" class="primary">
          Save settings
        </button>
      </form>
    </section>
  );
}
