import { browser } from 'wxt/browser';

/**
 * Practice settings, kept in extension storage (`storage.local`) behind this one module.
 * Values an administrator sets through browser policy (`storage.managed`) win and are shown as locked.
 */
export interface Settings {
  practiceName: string;
  deskLabel: string;
  /** Current wait for the social prescribing link worker, in weeks (shown before escalating). */
  linkWorkerWaitWeeks: number | null;
  /** Signposting events older than this many days are deleted on schedule. */
  retentionDays: number;
  /** Months after which an asset's "last verified" date makes it "needs checking". */
  staleAfterMonths: number;
  feedUrl: string;
  allowLocalEdits: boolean;
}

export const SETTINGS_VERSION = 1;
/** Key in `storage.local`; public/panel-open-storage.js reads it too (a unit test keeps them the same). */
export const SETTINGS_KEY = 'settings';
const KEY = SETTINGS_KEY;

export const DEFAULT_SETTINGS: Settings = {
  practiceName: '',
  deskLabel: '',
  linkWorkerWaitWeeks: null,
  retentionDays: 730,
  staleAfterMonths: 6,
  feedUrl: '',
  allowLocalEdits: true,
};

export type SettingKey = keyof Settings;

export interface LoadedSettings {
  settings: Settings;
  /** Keys an administrator has fixed by policy. */
  locked: SettingKey[];
  /** Stored values that were unreadable and replaced by defaults, with a plain-English reason. */
  problems: string[];
}

/** Why a value is not acceptable, or null when it is. */
export function settingError<K extends SettingKey>(key: K, value: unknown): string | null {
  switch (key) {
    case 'practiceName':
      return typeof value === 'string' && value.length <= 120
        ? null
        : 'Practice name must be text of up to 120 characters.';
    case 'deskLabel':
      return typeof value === 'string' && value.length <= 40 ? null : 'Desk label must be text of up to 40 characters.';
    case 'linkWorkerWaitWeeks':
      return value === null || (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 104)
        ? null
        : 'Link worker wait must be a whole number of weeks from 0 to 104, or left blank.';
    case 'retentionDays':
      return typeof value === 'number' && Number.isInteger(value) && value >= 30 && value <= 3650
        ? null
        : 'Retention must be a whole number of days from 30 to 3650.';
    case 'staleAfterMonths':
      return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 36
        ? null
        : '"Needs checking" age must be a whole number of months from 1 to 36.';
    case 'feedUrl':
      if (value === '') return null;
      if (typeof value !== 'string') return 'Feed address must be text.';
      try {
        return new URL(value).protocol === 'https:' ? null : 'Feed address must start with https://';
      } catch {
        return 'Feed address is not a valid web address.';
      }
    case 'allowLocalEdits':
      return typeof value === 'boolean' ? null : 'Allow local edits must be yes or no.';
    default:
      return 'Unknown setting.';
  }
}

function sanitise(raw: unknown, problems: string[], origin: string): Partial<Settings> {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(`Saved ${origin} settings were unreadable, so defaults are in use.`);
    return {};
  }
  const out: Partial<Settings> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS) as SettingKey[]) {
    if (!(key in raw)) continue;
    const value = (raw as Record<string, unknown>)[key];
    const err = settingError(key, value);
    if (err) problems.push(`Saved ${origin} setting "${key}" was not valid (${err}) — the default is in use.`);
    else (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

async function readManaged(): Promise<Record<string, unknown>> {
  try {
    return (await browser.storage.managed.get(null)) ?? {};
  } catch {
    // No policy installed (or Firefox without a managed manifest): nothing is locked.
    return {};
  }
}

/**
 * The practice's settings over the defaults, with any set by policy on top (and locked). `policy: false`
 * skips the policy read: Chromium's first `storage.managed` read after the browser starts can take seconds,
 * and the side panel must not wait for it (see `bootPanel`). `stored` is a `storage.local` read of the
 * settings key already under way (the side panel starts one before its main script has loaded).
 */
export async function loadSettings({
  policy = true,
  stored: early,
}: {
  policy?: boolean;
  stored?: Promise<Record<string, unknown>>;
} = {}): Promise<LoadedSettings> {
  const problems: string[] = [];
  const stored = await (early ?? browser.storage.local.get(KEY));
  const wrapper = stored[KEY] as { version?: number; values?: unknown } | undefined;
  const local = sanitise(wrapper?.values, problems, 'local');
  const managedRaw = policy ? await readManaged() : {};
  const managed = sanitise(managedRaw, problems, 'policy');
  return {
    settings: { ...DEFAULT_SETTINGS, ...local, ...managed },
    locked: Object.keys(managed) as SettingKey[],
    problems,
  };
}

export class SettingsError extends Error {}

/** Validates every changed value first; writes nothing if any is invalid or locked by policy. */
export async function saveSettings(changes: Partial<Settings>): Promise<Settings> {
  const { settings, locked } = await loadSettings();
  for (const [key, value] of Object.entries(changes) as [SettingKey, unknown][]) {
    if (locked.includes(key))
      throw new SettingsError(`"${key}" is set by your organisation's policy and cannot be changed here.`);
    const err = settingError(key, value);
    if (err) throw new SettingsError(err);
  }
  const stored = await browser.storage.local.get(KEY);
  const prevValues = ((stored[KEY] as { values?: Record<string, unknown> } | undefined)?.values ??
    {}) as Partial<Settings>;
  const values = { ...prevValues, ...changes };
  await browser.storage.local.set({ [KEY]: { version: SETTINGS_VERSION, values } });
  return { ...settings, ...changes };
}

export function onSettingsChanged(listener: () => void): () => void {
  // Other keys share storage.local (the script, the directory revision's mirror): only settings count.
  const handler = (changes: Record<string, unknown>, area: string) => {
    if ((area === 'local' && KEY in changes) || area === 'managed') listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
