import { describe, expect, it } from 'vitest';
import { isOrdinaryWord, ordinaryWords } from '@/lib/ordinary-words';
import ordinary from '../data/ordinary-words.json';
import vocabulary from '../data/vocabulary.json';

describe('data/ordinary-words.json', () => {
  const words = ordinary.words.split(' ');

  it('lists lower-case words of three letters or more, once each, in order', () => {
    expect(words.filter((w) => !/^[a-z]{3,}$/.test(w))).toEqual([]);
    expect(new Set(words).size).toBe(words.length);
    expect([...words].sort()).toEqual(words);
  });

  it('does not list a misspelling the vocabulary corrects (it would stop being corrected)', () => {
    expect(Object.keys(vocabulary.spellings).filter((w) => words.includes(w))).toEqual([]);
  });

  it('is what the search reads', () => {
    expect(ordinaryWords().size).toBe(words.length);
    expect(ordinaryWords().has('doing')).toBe(true);
  });

  // Regular forms of an everyday word are everyday words too; a form the spelling rules would not make is a
  // slip to correct.
  it.each([
    ['stopping', true],
    ['stopped', true],
    ['hoping', true],
    ['walked', true],
    ['stops', true],
    ['carried', true],
    ['smokeing', false],
    ['lonley', false],
    ['benifits', false],
  ])('isOrdinaryWord(%j) is %j', (word, expected) => {
    expect(isOrdinaryWord(word)).toBe(expected);
  });
});
