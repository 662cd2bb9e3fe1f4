import { browser } from 'wxt/browser';
import bundledScript from '../data/script.json';
import { type Script, scriptHash, scriptVersionLabel, validateScript } from './script';

/**
 * Where the practice's script lives: `storage.local` key `script`, versioned. It holds the locally edited
 * script, the last script that passed validation, and the practice lead's sign-off. A broken or partial
 * stored script never blanks the panel: loading falls back to the last valid one, then to the bundled one,
 * and says why.
 *
 * Stored shape history (bump SCRIPT_STORE_VERSION and migrate in `readStored` for every change):
 *  1: { version: 1, local?: Script, lastValid?: Script, signOff?: { name, date, scriptHash } }
 */
export const SCRIPT_STORE_VERSION = 1;
const KEY = 'script';

export interface SignOff {
  name: string;
  /** ISO date (YYYY-MM-DD) the practice lead signed off. */
  date: string;
  /** Hash of the exact script content signed off: any change to the content voids the sign-off. */
  scriptHash: string;
}

export type ScriptOrigin = 'local' | 'last-valid' | 'bundled';

export interface LoadedScript {
  script: Script;
  hash: string;
  /** Logged with every event: the script's version plus its short content hash. */
  scriptVersion: string;
  origin: ScriptOrigin;
  /** Present only when it was given for exactly this content. */
  signOff: SignOff | null;
  /** Plain-English reasons the stored script could not be used. */
  problems: string[];
}

interface StoredV1 {
  version: 1;
  local?: unknown;
  lastValid?: unknown;
  signOff?: SignOff;
}

export class ScriptStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScriptStoreError';
  }
}

function isSignOff(x: unknown): x is SignOff {
  const s = x as SignOff;
  return (
    typeof x === 'object' &&
    x !== null &&
    typeof s.name === 'string' &&
    typeof s.date === 'string' &&
    typeof s.scriptHash === 'string'
  );
}

async function readStored(problems: string[]): Promise<StoredV1> {
  const raw = (await browser.storage.local.get(KEY))[KEY] as Partial<StoredV1> | undefined;
  if (raw === undefined || raw === null) return { version: 1 };
  if (typeof raw !== 'object' || Array.isArray(raw) || raw.version !== SCRIPT_STORE_VERSION) {
    problems.push(
      'The saved script could not be read (it was saved in an unknown format), so the standard script is in use.',
    );
    return { version: 1 };
  }
  const out: StoredV1 = { version: 1, local: raw.local, lastValid: raw.lastValid };
  if (isSignOff(raw.signOff)) out.signOff = raw.signOff;
  return out;
}

function summarise(errors: string[]): string {
  const shown = errors.slice(0, 5).join('; ');
  return errors.length > 5 ? `${shown}; and ${errors.length - 5} more` : shown;
}

function loaded(script: Script, origin: ScriptOrigin, stored: StoredV1, problems: string[]): LoadedScript {
  const hash = scriptHash(script);
  const signOff = stored.signOff && stored.signOff.scriptHash === hash ? stored.signOff : null;
  // The hash is worked out once: the panel loads the script while it opens.
  return { script, hash, scriptVersion: scriptVersionLabel(script, hash), origin, signOff, problems };
}

function validBundled(bundled: unknown): Script {
  const result = validateScript(bundled);
  // The bundled script is checked by the unit tests; failing here means a broken build, not user data.
  if (!result.ok) throw new ScriptStoreError(`The bundled script is not valid: ${summarise(result.errors)}`);
  return result.script;
}

/** The script in force, its sign-off state, and any reason the stored copy could not be used. */
export async function loadScript(bundled: unknown = bundledScript): Promise<LoadedScript> {
  const problems: string[] = [];
  const stored = await readStored(problems);
  if (stored.local !== undefined) {
    const local = validateScript(stored.local);
    if (local.ok) return loaded(local.script, 'local', stored, problems);
    const last = stored.lastValid === undefined ? null : validateScript(stored.lastValid);
    if (last?.ok) {
      problems.push(
        `The practice's edited script has problems, so the last valid version (${last.script.version}) is in use. Problems: ${summarise(local.errors)}.`,
      );
      return loaded(last.script, 'last-valid', stored, problems);
    }
    problems.push(
      `The practice's edited script has problems, so the standard script that came with the extension is in use. Problems: ${summarise(local.errors)}.`,
    );
  }
  return loaded(validBundled(bundled), 'bundled', stored, problems);
}

export type SaveResult = { ok: true; loaded: LoadedScript } | { ok: false; errors: string[] };

/**
 * Saves an edited script. Nothing is written unless it is valid. A change of content clears the sign-off
 * (a reverted edit must be signed off again, so the sign-off is deleted, not just mismatched).
 */
export async function saveLocalScript(json: unknown): Promise<SaveResult> {
  const result = validateScript(json);
  if (!result.ok) return { ok: false, errors: result.errors };
  const stored = await readStored([]);
  const hash = scriptHash(result.script);
  const next: StoredV1 = { version: 1, local: result.script, lastValid: result.script };
  if (stored.signOff?.scriptHash === hash) next.signOff = stored.signOff;
  await browser.storage.local.set({ [KEY]: next });
  return { ok: true, loaded: await loadScript() };
}

/** Drops local edits: the bundled script is in force again and needs its own sign-off. */
export async function resetScript(bundled: unknown = bundledScript): Promise<LoadedScript> {
  const script = validBundled(bundled);
  const stored = await readStored([]);
  const next: StoredV1 = { version: 1 };
  if (stored.signOff?.scriptHash === scriptHash(script)) next.signOff = stored.signOff;
  await browser.storage.local.set({ [KEY]: next });
  return loadScript(bundled);
}

function isRealIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * Records the practice lead's sign-off of the script in force. `reviewedHash` is the hash of the content
 * the lead was shown, so a script changed in another tab meanwhile is never signed off unseen.
 */
export async function signOffScript(
  input: { name: string; date: string; reviewedHash: string },
  today: string,
  bundled: unknown = bundledScript,
): Promise<LoadedScript> {
  const name = input.name.trim();
  if (!name) throw new ScriptStoreError('Enter the name of the person signing off the script.');
  if (name.length > 80) throw new ScriptStoreError('The name must be 80 characters or fewer.');
  if (!isRealIsoDate(input.date)) throw new ScriptStoreError('Enter the sign-off date as a real date.');
  if (input.date > today) throw new ScriptStoreError('The sign-off date cannot be in the future.');
  const current = await loadScript(bundled);
  if (current.problems.length > 0)
    throw new ScriptStoreError('The saved script has problems. Fix them, or reset to the standard script, first.');
  if (current.hash !== input.reviewedHash)
    throw new ScriptStoreError('The script has changed since you opened it. Check the current version, then sign off.');
  const stored = await readStored([]);
  const signOff: SignOff = { name, date: input.date, scriptHash: current.hash };
  await browser.storage.local.set({ [KEY]: { ...stored, signOff } });
  return loadScript(bundled);
}

/** Calls `listener` when the stored script or its sign-off changes (for example, from the dashboard). */
export function onScriptChanged(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && KEY in changes) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
