// Imported as text and parsed on first need (a word the index does not know), like the vocabulary.
import ordinaryText from '../data/ordinary-words.json?raw';

/**
 * Everyday English words (`data/ordinary-words.json`) that the search never reads as a slip for another
 * word: "mum isnt doing well" is not "dying", "sending letters" is not "spending". Typo correction is for
 * words that are not words.
 */
let words: ReadonlySet<string> | undefined;

export function ordinaryWords(): ReadonlySet<string> {
  if (!words) {
    // Node loaders without Vite's `?raw` (tsx, esbuild in the benches) hand over the parsed JSON instead.
    const file = (typeof ordinaryText === 'string' ? JSON.parse(ordinaryText) : ordinaryText) as { words?: unknown };
    words = new Set(typeof file.words === 'string' ? file.words.split(' ') : []);
  }
  return words;
}

/**
 * Whether a word is an everyday word or a regular form of one, spelled by the rules: "stopping" (stop),
 * "hoping" (hope), "walked", "stops", "worried". "smokeing" is not: the rules drop the e, so it is a slip.
 */
export function isOrdinaryWord(word: string): boolean {
  const set = ordinaryWords();
  if (set.has(word)) return true;
  for (const suffix of ['ing', 'ed']) {
    if (!word.endsWith(suffix)) continue;
    const base = word.slice(0, -suffix.length);
    if (base.length < 3) return false;
    if (set.has(base) && !base.endsWith('e')) return true;
    // "hoping", "hoped": a silent e drops before the ending.
    if (set.has(`${base}e`)) return true;
    // "stopping", "stopped": a short word's last consonant doubles.
    const last = base[base.length - 1];
    if (last === base[base.length - 2] && !'aeiouslz'.includes(last) && set.has(base.slice(0, -1))) return true;
    // "worried", "carried".
    if (suffix === 'ed' && base.endsWith('i') && set.has(`${base.slice(0, -1)}y`)) return true;
    return false;
  }
  if (word.endsWith('s') && word.length > 3) {
    if (set.has(word.slice(0, -1))) return true;
    if (word.endsWith('es') && set.has(word.slice(0, -2))) return true;
    if (word.endsWith('ies') && set.has(`${word.slice(0, -3)}y`)) return true;
  }
  return false;
}
