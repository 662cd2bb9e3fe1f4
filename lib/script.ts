import * as v from 'valibot';
import { OUTCOMES } from './types';

/**
 * The guided care-navigation script: a data file (data/script.json) that a practice lead can adapt and
 * must sign off. It is validated on every load because red-flag content is clinical: a missing
 * instruction or an uncited phone number must never reach the front desk.
 */

export const STEP_IDS = ['explain', 'redFlags', 'needs', 'support', 'handover', 'record'] as const;
export type ScriptStepId = (typeof STEP_IDS)[number];

const MAX_TEXT = 2000;

const text = v.pipe(
  v.string('must be text'),
  v.trim(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(MAX_TEXT, `must be ${MAX_TEXT} characters or fewer`),
);

// Phone numbers live only in red-flag actions, next to their source; anywhere else they would be uncited.
const PHONE_LIKE = /\d[\d ]{1,}\d/;
const prose = v.pipe(
  text,
  v.check(
    (s) => !PHONE_LIKE.test(s),
    'contains what looks like a phone number; put phone numbers only in a red-flag action, with its source',
  ),
);

const number = v.pipe(
  v.string('must be text'),
  v.trim(),
  v.regex(/^[0-9][0-9 ]{1,18}[0-9]$/, 'must be a number made of digits and spaces, like "116 123"'),
);

const sourceSchema = v.strictObject({
  organisation: text,
  title: text,
  url: v.pipe(
    v.string('must be text'),
    v.trim(),
    v.url('must be a full web address, like https://www.nhs.uk/...'),
    v.startsWith('https://', 'must start with https://'),
  ),
});

const actionSchema = v.strictObject({
  instruction: text,
  phone: v.optional(number),
  sms: v.optional(number),
  source: sourceSchema,
});

const redFlagSchema = v.strictObject({
  id: v.pipe(
    v.string('must be text'),
    v.regex(/^[a-z][a-z0-9_-]{0,39}$/, 'must be a short id of lower-case letters, digits, - or _'),
  ),
  label: prose,
  examples: v.array(prose, 'must be a list of text'),
  source: sourceSchema,
  actions: v.pipe(v.array(actionSchema, 'must be a list of actions'), v.minLength(1, 'must have at least one action')),
});

const explainStep = v.strictObject({ id: v.literal('explain'), heading: prose, explanation: prose, question: prose });
const redFlagsStep = v.strictObject({
  id: v.literal('redFlags'),
  heading: prose,
  prompt: prose,
  redFlags: v.pipe(
    v.array(redFlagSchema, 'must be a list of red flags'),
    v.minLength(1, 'must have at least one red flag'),
    v.check((flags) => new Set(flags.map((f) => f.id)).size === flags.length, 'must not repeat a red-flag id'),
  ),
});
const needsStep = v.strictObject({ id: v.literal('needs'), heading: prose, prompt: prose, clinicalHint: prose });
const supportStep = v.strictObject({ id: v.literal('support'), heading: prose, prompt: prose, linkWorker: prose });
const handoverStep = v.strictObject({
  id: v.literal('handover'),
  heading: prose,
  prompt: prose,
  handoutIntro: prose,
  handoutClosing: prose,
});
const recordStep = v.strictObject({
  id: v.literal('record'),
  heading: prose,
  prompt: prose,
  outcomes: v.strictObject(
    Object.fromEntries(OUTCOMES.map((o) => [o, prose])) as Record<(typeof OUTCOMES)[number], typeof prose>,
  ),
});

export const scriptSchema = v.strictObject({
  version: v.pipe(
    v.string('must be text'),
    v.trim(),
    v.regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,19}$/, 'must be a short version like "1.0" (letters, digits, dots)'),
  ),
  title: prose,
  steps: v.strictTuple([explainStep, redFlagsStep, needsStep, supportStep, handoverStep, recordStep]),
});

export type Script = v.InferOutput<typeof scriptSchema>;
export type ScriptSource = v.InferOutput<typeof sourceSchema>;
export type RedFlag = v.InferOutput<typeof redFlagSchema>;
export type RedFlagAction = v.InferOutput<typeof actionSchema>;
export type ExplainStep = v.InferOutput<typeof explainStep>;
export type RedFlagsStep = v.InferOutput<typeof redFlagsStep>;
export type NeedsStep = v.InferOutput<typeof needsStep>;
export type SupportStep = v.InferOutput<typeof supportStep>;
export type HandoverStep = v.InferOutput<typeof handoverStep>;
export type RecordStep = v.InferOutput<typeof recordStep>;

export type ScriptValidation = { ok: true; script: Script } | { ok: false; errors: string[] };

function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || 'The script';
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const where = pathOf(issue);
  if (issue.type === 'strict_tuple' && issue.expected === 'never')
    return `${where.replace(/\[\d+\]$/, '')} has too many steps: there must be exactly ${STEP_IDS.length}, in this order: ${STEP_IDS.join(', ')}`;
  if (issue.type === 'strict_object' && issue.expected === 'never')
    return `${where} is not a recognised field (check the spelling)`;
  if (issue.input === undefined) {
    const stepIndex = /^steps\[(\d+)\]$/.exec(where);
    if (stepIndex) return `${where} is missing: it should be the "${STEP_IDS[Number(stepIndex[1])]}" step`;
    return `${where} is missing`;
  }
  if (issue.type === 'literal')
    return `${where} must be ${issue.expected} (steps go in this order: ${STEP_IDS.join(', ')})`;
  if (issue.kind === 'schema' && (issue.type === 'strict_object' || issue.type === 'object'))
    return `${where} must be an object of fields`;
  if (issue.kind === 'schema' && (issue.type === 'strict_tuple' || issue.type === 'tuple'))
    return `${where} must be a list of ${STEP_IDS.length} steps`;
  return `${where} ${issue.message}`;
}

/** Checks a parsed script file. Errors name the exact place, e.g. `steps[1].redFlags[1].source is missing`. */
export function validateScript(json: unknown): ScriptValidation {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { ok: false, errors: ['The script must be a JSON object with "version", "title" and "steps".'] };
  const result = v.safeParse(scriptSchema, json);
  if (result.success) return { ok: true, script: result.output };
  return { ok: false, errors: [...new Set(result.issues.map(describeIssue))] };
}

/** Parses and validates script text; a JSON syntax error becomes one plain message. */
export function parseScriptText(textValue: string): ScriptValidation {
  let json: unknown;
  try {
    json = JSON.parse(textValue);
  } catch (err) {
    return { ok: false, errors: [`The script is not valid JSON: ${(err as Error).message}`] };
  }
  return validateScript(json);
}

/** Key order fixed so the same content always gives the same hash, whoever saved it. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Short content hash (FNV-1a, 32 bits, hex). Not for security: it only tells a signed-off script from a
 * changed one, and labels logged events with the exact wording in force.
 */
export function scriptHash(script: Script): string {
  const s = canonical(script);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** What each event records as `scriptVersion`: the script's own version plus its content hash. */
export function scriptVersionLabel(script: Script, hash = scriptHash(script)): string {
  return `${script.version}+${hash}`;
}

export function stepOf<K extends ScriptStepId>(script: Script, id: K): Extract<Script['steps'][number], { id: K }> {
  return script.steps[STEP_IDS.indexOf(id)] as Extract<Script['steps'][number], { id: K }>;
}
