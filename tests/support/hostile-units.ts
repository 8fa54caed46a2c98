/**
 * What every hostile-text generator is built from (`hostile-text.ts`, `hostile-cue-phrases.ts`): the size, the
 * generator's shape, and the units they repeat.
 */
import fc from 'fast-check';

/** Characters in every generated text: at this size a quadratic pass takes minutes, a linear one milliseconds. */
export const HOSTILE_CHARS = 200_000;

export interface HostileGenerator {
  name: string;
  /** What the text looks like, for tables. */
  label: string;
  /** The patterns it was built against (file: pattern). */
  targets: string;
  arbitrary: fc.Arbitrary<string>;
}

/** `unit` repeated and cut to exactly `size` characters. */
export function repeatTo(unit: string, size = HOSTILE_CHARS): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

export const UPPER = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
export const LOWER = [...'abcdefghijklmnopqrstuvwxyz'];
export const chars = (set: readonly string[], minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...set), minLength, maxLength });
/** A capitalised word, or one of the words public-body, company and actor cues look for. */
export const capitalised = fc.oneof(
  fc.tuple(fc.constantFrom(...UPPER), chars(LOWER, 1, 9)).map(([first, rest]) => first + rest),
  fc.constantFrom('Group', 'Ministry', 'Institute', 'Bear', 'Typhoon', 'Panda', 'Inc', 'Team', 'Storm', 'The', 'Of', 'And'),
);
export const repeated = (unit: fc.Arbitrary<string>) => unit.map((u) => repeatTo(u));
