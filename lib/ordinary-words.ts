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
