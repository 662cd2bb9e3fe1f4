import { useEffect, useRef, useState } from 'preact/hooks';
import { isoDay, longDate } from '@/lib/format';
import { parseScriptText, type Script } from '@/lib/script';
import {
  type LoadedScript,
  loadScript,
  onScriptChanged,
  resetScript,
  ScriptStoreError,
  saveLocalScript,
  signOffScript,
} from '@/lib/script-store';

/**
 * Script tab of the dashboard. Editing is a structured form of every piece of wording (explanation,
 * prompts, red flags, their instructions and sources), because practice leads adapt wording far more
 * often than structure; adding or removing red flags or actions is done in the "whole script as JSON"
 * editor below it. Both go through the same validation, and saving clears the sign-off.
 */

export interface DashboardScriptProps {
  /** Clock for the default sign-off date; injectable for tests. */
  now?: () => Date;
}

type Path = (string | number)[];

function pathText(path: Path): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${key}` : key),
    '',
  );
}

function fieldId(path: Path): string {
  return `script-${pathText(path).replace(/[^A-Za-z0-9]+/g, '-')}`;
}

function getAt(obj: unknown, path: Path): unknown {
  return path.reduce<unknown>((o, k) => (o as Record<string | number, unknown> | undefined)?.[k], obj);
}

function setAt<T>(obj: T, path: Path, value: unknown): T {
  const copy = structuredClone(obj);
  let o = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === undefined) delete o[last];
  else o[last] = value;
  return copy;
}

interface FieldProps {
  draft: Script;
  path: Path;
  label: string;
  hint?: string;
  multiline?: boolean;
  /** Blank means "leave out" (optional phone and text numbers). */
  optional?: boolean;
  /** A list of strings edited one per line. */
  lines?: boolean;
  errors: string[];
  onChange(path: Path, value: unknown): void;
}

function Field({ draft, path, label, hint, multiline, optional, lines, errors, onChange }: FieldProps) {
  const id = fieldId(path);
  const where = pathText(path);
  const mine = errors.filter((e) => e.startsWith(`${where} `) || e.startsWith(`${where}[`));
  const raw = getAt(draft, path);
  const value = lines ? ((raw as string[] | undefined) ?? []).join('\n') : ((raw as string | undefined) ?? '');
  const describedBy = [hint && `${id}-hint`, mine.length > 0 && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const update = (text: string) => {
    if (lines)
      onChange(
        path,
        text.split('\n').filter((l, i, all) => l.trim() !== '' || i === all.length - 1),
      );
    else onChange(path, optional && text.trim() === '' ? undefined : text);
  };
  return (
    <div class={mine.length ? 'field field-error' : 'field'}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {mine.length > 0 && (
        <p class="error-message" id={`${id}-error`}>
          {mine.map((m) => m.slice(where.length).trim()).join('; ')}
        </p>
      )}
      {multiline || lines ? (
        <textarea
          id={id}
          rows={lines ? 4 : 3}
          value={value}
          aria-describedby={describedBy}
          aria-invalid={mine.length > 0}
          onInput={(e) => update((e.target as HTMLTextAreaElement).value)}
        />
      ) : (
        <input
          id={id}
          type="text"
          value={value}
          aria-describedby={describedBy}
          aria-invalid={mine.length > 0}
          onInput={(e) => update((e.target as HTMLInputElement).value)}
        />
      )}
    </div>
  );
}

/** Blank example lines are an artefact of editing one-per-line, not content. */
function tidy(script: Script): Script {
  const copy = structuredClone(script);
  for (const flag of copy.steps[1].redFlags) flag.examples = flag.examples.filter((x) => x.trim() !== '');
  return copy;
}

export function DashboardScript({ now = () => new Date() }: DashboardScriptProps) {
  const [loaded, setLoaded] = useState<LoadedScript | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [draft, setDraft] = useState<Script | null>(null);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [json, setJson] = useState('');
  const [jsonErrors, setJsonErrors] = useState<string[]>([]);
  const [name, setName] = useState('');
  const [date, setDate] = useState(() => isoDay(now()));
  const [signError, setSignError] = useState<string | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const [changedElsewhere, setChangedElsewhere] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const dirtyRef = useRef(false);
  dirtyRef.current = dirty;

  const show = (l: LoadedScript) => {
    setLoaded(l);
    setDraft(structuredClone(l.script));
    setJson(JSON.stringify(l.script, null, 2));
    setDirty(false);
    setErrors([]);
    setJsonErrors([]);
    setChangedElsewhere(false);
  };

  const refresh = async () => {
    try {
      show(await loadScript());
    } catch (err) {
      setLoadError(`The script could not be loaded: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  // Load once; later changes arrive through onScriptChanged.
  useEffect(() => {
    void refresh();
    return onScriptChanged(() => {
      // Never throw away the lead's unsaved typing because another tab saved.
      if (dirtyRef.current) setChangedElsewhere(true);
      else void refresh();
    });
  }, []);

  if (loadError) return <p class="problem">{loadError}</p>;
  if (!loaded || !draft) return <p role="status">Loading the script…</p>;

  const onChange = (path: Path, value: unknown) => {
    setDraft(setAt(draft, path, value));
    setDirty(true);
    setStatus(null);
  };
  const fieldProps = { draft, errors, onChange };

  const focusSummary = () => setTimeout(() => summaryRef.current?.focus(), 0);

  const save = async (candidate: unknown, source: 'form' | 'json') => {
    setStatus(null);
    const result = await saveLocalScript(candidate);
    if (!result.ok) {
      if (source === 'form') setErrors(result.errors);
      else setJsonErrors(result.errors);
      focusSummary();
      return;
    }
    show(result.loaded);
    setStatus(
      result.loaded.signOff
        ? 'Saved. Nothing changed, so the sign-off still stands.'
        : 'Saved. The script now needs to be signed off again before the warning leaves the panel.',
    );
  };

  const saveJson = () => {
    const parsed = parseScriptText(json);
    if (!parsed.ok) {
      setJsonErrors(parsed.errors);
      focusSummary();
      return;
    }
    void save(parsed.script, 'json');
  };

  const signOff = async () => {
    setSignError(null);
    setStatus(null);
    try {
      show(await signOffScript({ name, date, reviewedHash: loaded.hash }, isoDay(now())));
      setStatus(`Signed off by ${name.trim()}.`);
    } catch (err) {
      setSignError(err instanceof ScriptStoreError ? err.message : `Sign-off failed: ${String(err)}`);
    }
  };

  const reset = async () => {
    setConfirmReset(false);
    show(await resetScript());
    setStatus('The standard script is back in use. It needs to be signed off.');
  };

  const redFlags = draft.steps[1].redFlags;
  const allErrors = [...errors, ...jsonErrors];

  return (
    <section aria-labelledby="script-heading" class="dashboard-script">
      <h2 id="script-heading">Script</h2>
      <p>
        The guided conversation receptionists follow. Red-flag wording is clinical: a practice lead must check it and
        sign it off. Any change needs a new sign-off.
      </p>

      <div class={loaded.signOff ? 'success' : 'problem'}>
        <p>
          <strong>
            {loaded.origin === 'local' ? "This practice's version" : 'The standard script'} (version{' '}
            {loaded.script.version}, {loaded.scriptVersion}):{' '}
            {loaded.signOff
              ? `signed off by ${loaded.signOff.name} on ${longDate(loaded.signOff.date)}.`
              : 'not signed off. Receptionists see “Script awaiting local clinical sign-off” on every step.'}
          </strong>
        </p>
        {dirty && <p>You have unsaved changes. They are not in use and not signed off.</p>}
      </div>

      {loaded.problems.length > 0 && (
        <div class="problem" role="alert">
          <ul>
            {loaded.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {changedElsewhere && (
        <p class="notice" role="status">
          The script was changed in another tab. Save yours to replace it, or{' '}
          <button type="button" onClick={() => void refresh()}>
            load the latest version
          </button>{' '}
          (your changes will be lost).
        </p>
      )}
      <div role="status" aria-live="polite">
        {status && <p class="success">{status}</p>}
      </div>

      {allErrors.length > 0 && (
        <div class="error-summary" tabIndex={-1} ref={summaryRef} role="alert">
          <h3>Nothing was saved: the script has {allErrors.length === 1 ? 'a problem' : 'problems'}</h3>
          <ul>
            {allErrors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}

      <form
        class="script-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save(tidy(draft), 'form');
        }}
      >
        <fieldset>
          <legend>About this script</legend>
          <Field {...fieldProps} path={['title']} label="Title" />
          <Field {...fieldProps} path={['version']} label="Version" hint="Logged with every conversation, e.g. 1.1." />
        </fieldset>

        <fieldset>
          <legend>Step 1: explain and ask</legend>
          <Field {...fieldProps} path={['steps', 0, 'heading']} label="Heading" />
          <Field
            {...fieldProps}
            path={['steps', 0, 'explanation']}
            label="Explanation of care navigation"
            hint="What reception says about the role and why they ask. No phone numbers here."
            multiline
          />
          <Field {...fieldProps} path={['steps', 0, 'question']} label="Consent question" />
        </fieldset>

        <fieldset>
          <legend>Step 2: red-flag check</legend>
          <Field {...fieldProps} path={['steps', 1, 'heading']} label="Heading" />
          <Field {...fieldProps} path={['steps', 1, 'prompt']} label="Prompt" multiline />
          {redFlags.map((flag, i) => (
            <fieldset key={flag.id} class="nested">
              <legend>Red flag {i + 1}</legend>
              <Field {...fieldProps} path={['steps', 1, 'redFlags', i, 'label']} label="Red flag" />
              <Field
                {...fieldProps}
                path={['steps', 1, 'redFlags', i, 'examples']}
                label="What to listen for"
                hint="One per line."
                lines
              />
              <Field
                {...fieldProps}
                path={['steps', 1, 'redFlags', i, 'source', 'organisation']}
                label="Source organisation"
              />
              <Field {...fieldProps} path={['steps', 1, 'redFlags', i, 'source', 'title']} label="Source page title" />
              <Field
                {...fieldProps}
                path={['steps', 1, 'redFlags', i, 'source', 'url']}
                label="Source web address"
                hint="The public page the wording came from, starting https://"
              />
              {flag.actions.map((_action, j) => (
                <fieldset key={`${flag.id}-${j}`} class="nested">
                  <legend>
                    Red flag {i + 1}, action {j + 1}
                  </legend>
                  <Field
                    {...fieldProps}
                    path={['steps', 1, 'redFlags', i, 'actions', j, 'instruction']}
                    label="Instruction"
                    multiline
                  />
                  <Field
                    {...fieldProps}
                    path={['steps', 1, 'redFlags', i, 'actions', j, 'phone']}
                    label="Phone number to call (optional)"
                    optional
                  />
                  <Field
                    {...fieldProps}
                    path={['steps', 1, 'redFlags', i, 'actions', j, 'sms']}
                    label="Number to text (optional)"
                    optional
                  />
                  <Field
                    {...fieldProps}
                    path={['steps', 1, 'redFlags', i, 'actions', j, 'source', 'organisation']}
                    label="Source organisation"
                  />
                  <Field
                    {...fieldProps}
                    path={['steps', 1, 'redFlags', i, 'actions', j, 'source', 'title']}
                    label="Source page title"
                  />
                  <Field
                    {...fieldProps}
                    path={['steps', 1, 'redFlags', i, 'actions', j, 'source', 'url']}
                    label="Source web address"
                  />
                </fieldset>
              ))}
            </fieldset>
          ))}
        </fieldset>

        <fieldset>
          <legend>Step 3: find the need</legend>
          <Field {...fieldProps} path={['steps', 2, 'heading']} label="Heading" />
          <Field {...fieldProps} path={['steps', 2, 'prompt']} label="Open question" multiline />
          <Field {...fieldProps} path={['steps', 2, 'clinicalHint']} label="When it sounds medical" multiline />
        </fieldset>

        <fieldset>
          <legend>Step 4: choose support</legend>
          <Field {...fieldProps} path={['steps', 3, 'heading']} label="Heading" />
          <Field {...fieldProps} path={['steps', 3, 'prompt']} label="Prompt" multiline />
          <Field {...fieldProps} path={['steps', 3, 'linkWorker']} label="When to offer the link worker" multiline />
        </fieldset>

        <fieldset>
          <legend>Step 5: hand over the details</legend>
          <Field {...fieldProps} path={['steps', 4, 'heading']} label="Heading" />
          <Field {...fieldProps} path={['steps', 4, 'prompt']} label="Prompt" multiline />
          <Field {...fieldProps} path={['steps', 4, 'handoutIntro']} label="Handout opening line" multiline />
          <Field {...fieldProps} path={['steps', 4, 'handoutClosing']} label="Handout closing line" multiline />
        </fieldset>

        <fieldset>
          <legend>Step 6: record the outcome</legend>
          <Field {...fieldProps} path={['steps', 5, 'heading']} label="Heading" />
          <Field {...fieldProps} path={['steps', 5, 'prompt']} label="Prompt" multiline />
          {(
            [
              ['signposted', 'Signposted'],
              ['link_worker', 'Link worker'],
              ['declined', 'Declined'],
              ['urgent', 'Urgent'],
              ['clinical', 'Medical'],
              ['no_suitable', 'Nothing suitable'],
            ] as const
          ).map(([key, label]) => (
            <Field
              key={key}
              {...fieldProps}
              path={['steps', 5, 'outcomes', key]}
              label={`What to do: ${label}`}
              multiline
            />
          ))}
        </fieldset>

        <div class="button-row">
          <button type="submit" class="primary" disabled={!dirty}>
            Save changes
          </button>
          <button type="button" disabled={!dirty} onClick={() => show(loaded)}>
            Discard changes
          </button>
        </div>
      </form>

      <details class="panel-section">
        <summary>Edit the whole script as JSON (to add or remove red flags and actions)</summary>
        <label for="script-json">Script JSON</label>
        <p class="hint" id="script-json-hint">
          Checked when you save: every red flag and action needs a source, and phone numbers go only in actions.
        </p>
        <textarea
          id="script-json"
          class="code"
          rows={20}
          spellcheck={false}
          aria-describedby="script-json-hint"
          value={json}
          onInput={(e) => {
            setJson((e.target as HTMLTextAreaElement).value);
            setJsonErrors([]);
          }}
        />
        <div class="button-row">
          <button type="button" onClick={saveJson}>
            Save JSON
          </button>
        </div>
      </details>

      <section class="panel-section" aria-labelledby="signoff-heading">
        <h3 id="signoff-heading">Sign off</h3>
        <p>
          By signing off you confirm you have checked the explanation, prompts and red-flag instructions for local use.
          The sign-off is kept with this exact wording; any later change clears it.
        </p>
        {dirty && <p class="notice">Save or discard your changes before signing off.</p>}
        <div class="field">
          <label for="signoff-name">Name and role</label>
          <input
            id="signoff-name"
            type="text"
            autoComplete="name"
            value={name}
            onInput={(e) => setName((e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="field">
          <label for="signoff-date">Date</label>
          <input
            id="signoff-date"
            type="date"
            value={date}
            onInput={(e) => setDate((e.target as HTMLInputElement).value)}
          />
        </div>
        {signError && (
          <p class="error-message" role="alert">
            {signError}
          </p>
        )}
        <div class="button-row">
          <button
            type="button"
            class="primary"
            disabled={dirty || loaded.problems.length > 0}
            onClick={() => void signOff()}
          >
            Sign off this script
          </button>
        </div>
      </section>

      <section class="panel-section" aria-labelledby="reset-heading">
        <h3 id="reset-heading">Reset</h3>
        <p>
          Go back to the standard script that came with the extension. Your practice's changes and the sign-off are
          removed.
        </p>
        {confirmReset ? (
          <div class="button-row">
            <button type="button" class="warning" onClick={() => void reset()}>
              Yes, reset to the standard script
            </button>
            <button type="button" onClick={() => setConfirmReset(false)}>
              Cancel
            </button>
          </div>
        ) : (
          <button type="button" onClick={() => setConfirmReset(true)}>
            Reset to the standard script
          </button>
        )}
      </section>
    </section>
  );
}
