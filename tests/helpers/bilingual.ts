import { expect } from 'vitest';

const HAN = /\p{Script=Han}/u;
/**
 * Numbers as a reader sees them: digit runs (with a decimal part) that are not part of a word, so
 * "Conv2D" and an id such as "g1" do not count but "[28,28,1]", "3136" and "0.2" do.
 */
const NUMBER = /(?<![A-Za-z_\d.])\d+(?:\.\d+)?(?![A-Za-z_\d])/g;

/** The numbers in a text, sorted: a multiset to compare. */
export function numbersIn(text: string): string[] {
  return (text.match(NUMBER) ?? []).sort();
}

/** A Chinese text that says the same as the English: written in Han characters, with the same numbers. */
export function expectSameInChinese(en: string, zh: string, where = en): void {
  expect(en.trim().length, `English of ${where}`).toBeGreaterThan(0);
  expect(zh.trim().length, `Chinese of ${where}`).toBeGreaterThan(0);
  expect(HAN.test(zh), `no Chinese in "${zh}" (for "${en}")`).toBe(true);
  expect(numbersIn(zh), `numbers of "${zh}" against "${en}"`).toEqual(numbersIn(en));
}
