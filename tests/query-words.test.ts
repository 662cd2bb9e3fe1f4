import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wordSet } from '@/lib/query-words';
import file from '../data/query-words.json';

describe('data/query-words.json', () => {
  const lists = Object.entries(file.lists as Record<string, string>);

  it.each(lists)('list "%s" is lower-case words separated by single spaces, each once', (_name, text) => {
    const words = text.split(' ');
    expect(words.filter((w) => !/^[a-z0-9]+$/.test(w))).toEqual([]);
    expect(new Set(words).size).toBe(words.length);
  });

  it('has only lists the search reads, and the search reads only lists it has', () => {
    const source = readdirSync('lib')
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join('lib', f), 'utf8'))
      .join('\n');
    const used = [...source.matchAll(/wordSet\('([a-z-]+)'\)/g)].map((m) => m[1]).sort();
    expect([...new Set(used)]).toEqual(lists.map(([name]) => name).sort());
  });

  it('gives each list as a set, and refuses a list it does not have', () => {
    expect(wordSet('small-words').has('the')).toBe(true);
    expect(() => wordSet('no-such-list')).toThrow('data/query-words.json has no list "no-such-list".');
  });
});
