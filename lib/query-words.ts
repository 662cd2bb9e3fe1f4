import file from '../data/query-words.json';

/**
 * Word lists the search reads a query with (`data/query-words.json`): small words, who is asking, times,
 * counts and ages. Data rather than code, like the vocabulary, so the side panel's code stays small.
 */
const lists: Readonly<Record<string, string>> = file.lists;

/** The named list as a set; a list the file does not have is a build mistake, so it throws. */
export function wordSet(name: string): ReadonlySet<string> {
  const text = lists[name];
  if (text === undefined) throw new Error(`data/query-words.json has no list "${name}".`);
  return new Set(text.split(' '));
}
