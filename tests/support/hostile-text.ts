/**
 * Hostile page text: fast-check generators of 200,000-character texts built to make a backtracking
 * regular expression retry a long run from every position (quadratic or worse). Each generator varies
 * its unit (case, separators, what follows) and repeats it to the full size, never closing what a
 * pattern waits for. Shared by the linear-time tests (tests/unit/entities/linear-time.test.ts) and
 * `npm run bench -- --suite hostile` (bench/runners/hostile.ts).
 */
import fc from 'fast-check';
import { GROUP_AND_TOOL_CUES } from './hostile-cue-phrases';
import { chars, capitalised, HOSTILE_CHARS, LOWER, repeated, repeatTo, UPPER, type HostileGenerator } from './hostile-units';

export { HOSTILE_CHARS, repeatTo, type HostileGenerator };

export const HEX_DUMP: HostileGenerator = {
  name: 'hex-dump',
  label: 'hex dump',
  targets: 'context-cues.ts: ABBREVIATION, AKA (a name with no left boundary, tried from every capital); indicators.ts: HEX_RUN',
  // One run without a break: upper-case letters start names, so every letter was a place to retry from.
  arbitrary: repeated(chars([...'0123456789ABCDEF'], 16, 128)),
};

export const LONG_WORD: HostileGenerator = {
  name: 'long-word',
  label: 'one 200,000-letter word',
  targets: 'context-cues.ts: TOKEN ([a-z]+[A-Z] from every letter); indicators.ts: DOTTED; organizations.ts: QUALIFIER',
  arbitrary: repeated(fc.oneof(chars(LOWER, 1, 8), chars(UPPER, 1, 8), chars([...LOWER, ...UPPER], 1, 32))),
};

export const CVE_REPEATED: HostileGenerator = {
  name: 'cve',
  label: '`CVE-` repeated',
  targets: 'context-cues.ts: TOKEN joined by - (each link re-read from every start); vulnerabilities.ts: CVE',
  arbitrary: repeated(fc.constantFrom('CVE-', 'CVE.', 'CVE-2021-', 'CVE-2021-4')),
};

export const TECHNIQUE_REPEATED: HostileGenerator = {
  name: 't1566',
  label: '`T1566.` repeated',
  targets: 'context-cues.ts: TOKEN joined by .; techniques.ts: ID',
  arbitrary: repeated(fc.constantFrom('T1566.', 'T1566.001.', 'T1566-', 'T1566')),
};

/**
 * ATT&CK mapping tables without end: ids with bars, links, columns and procedure cells on one endless
 * line (no line break to stop at), abbreviations in brackets after technique names, and names joined
 * by slashes without end (each name after a slash looks back for the word before it).
 */
export const TECHNIQUE_ROWS: HostileGenerator = {
  name: 'technique-rows',
  label: 'ATT&CK table rows on one line',
  targets:
    'technique-rows.ts: BAR, COLUMN, the line of each id and the cell after it; technique-abbreviations.ts: BRACKETED and the look back; techniques.ts: HEAD_NOUN; match-names.ts: the word before a slash',
  arbitrary: repeated(
    fc
      .array(
        fc.constantFrom(
          '| T1078 | Valid Accounts | Leviathan uses ',
          '| T1078 ',
          '[T1014](https://attack.mitre.org/techniques/T1014/',
          'T1083\u00a0\u00a0 \u00a0',
          'ransomware-as-a-service (RaaS',
          'phishing (PH) phishing ',
          '| The group uses | It ',
          'RootKit/Bootkit/',
          'rootkit/',
        ),
        { minLength: 1, maxLength: 7 },
      )
      .map((units) => units.join('')),
  ),
};

export const APT_REPEATED: HostileGenerator = {
  name: 'apt',
  label: '`APT` repeated',
  targets: 'context-cues.ts: TOKEN (one capitalised run); naming-patterns.ts: APT##',
  arbitrary: repeated(fc.constantFrom('APT', 'APT-', 'APT.', 'APTx')),
};

export const CAPITALISED_WORDS: HostileGenerator = {
  name: 'capitalised',
  label: 'capitalised words without end',
  targets: 'context-cues.ts: NAME (up to three tokens); organizations.ts: PUBLIC_BODY; naming-patterns.ts',
  arbitrary: repeated(
    fc
      .record({ words: fc.array(capitalised, { minLength: 1, maxLength: 12 }), space: fc.constantFrom(' ', '\u00a0', ' of ') })
      .map(({ words, space }) => words.join(space) + space),
  ),
};

export const AKA_CHAINS: HostileGenerator = {
  name: 'aka',
  label: '"also known as" chains',
  targets: 'context-cues.ts: AKA, LIST_ITEM',
  arbitrary: repeated(
    fc
      .record({
        head: capitalised,
        cue: fc.constantFrom('also known as', 'aka', 'a.k.a.', 'formerly known as', 'also tracked as', 'also called'),
        open: fc.constantFrom(' (', ', ', ' ( '),
        names: fc.array(capitalised, { minLength: 1, maxLength: 4 }),
      })
      .map(({ head, cue, open, names }) => `${head}${open}${cue} ${names.join(', ')}, `),
  ),
};

export const WHITESPACE_RUNS: HostileGenerator = {
  name: 'whitespace',
  label: 'long runs of spaces',
  targets: 'organizations.ts: COMPANY_SUFFIX (,?[ \\t]+ from every space); context-cues.ts: [\\s\\u00a0]+',
  arbitrary: fc
    .record({ space: fc.constantFrom(' ', '\t', ' \t'), word: fc.constantFrom('', 'x', 'Inc', 'the', 'Foo') })
    .map(({ space, word }) => repeatTo(`${word}${space.repeat(50_000)}`)),
};

export const MARK_RUNS: HostileGenerator = {
  name: 'marks',
  label: 'long runs of quotes, emphasis marks and punctuation',
  targets:
    'tool-cues.ts: TOOL_NOUN_SINGULAR, IS_A_TOOL_LINK; group-introducing-cues.ts: IS_A_GROUP (a run of closing quotes or emphasis marks re-read from each of its marks)',
  // Found by eslint-plugin-regexp's no-super-linear-move, which these generators had missed.
  arbitrary: fc
    .record({
      mark: fc.constantFrom('”', '"', "'", '’', '*', '_', '“', '‘', '*_', '|', '(', '[', '.', '-', '/', ':', ','),
      word: fc.constantFrom('', 'x', 'Foo', 'Foo ', ' is a', 'the'),
    })
    .map(({ mark, word }) => repeatTo(`${word}${mark.repeat(50_000)}`)),
};

export const APOSTROPHE_WORDS: HostileGenerator = {
  name: 'apostrophes',
  label: 'capitalised words joined by apostrophes',
  targets: "organizations.ts: PUBLIC_BODY (QUALIFIER reads ’ and ' inside a word)",
  arbitrary: repeated(fc.tuple(fc.constantFrom(...UPPER), chars(LOWER, 0, 6), fc.constantFrom('’', "'")).map((parts) => parts.join(''))),
};

export const PERSON_CUES: HostileGenerator = {
  name: 'person-cues',
  label: 'handles of people and reference lines beside group cues',
  targets:
    'person-cues.ts: PERSON_BEFORE (a role or handle noun before the name), PERSON_AFTER (a role in apposition); cue-names.ts: leadingStopWords; reference-lines.ts: REFERENCE_START, CITES (a footnote or dated line at every line); impersonation-cues.ts: POSING_BEFORE',
  // Every name is proposed as a group ("X ransomware gang") and has a person cue half-written around it,
  // so the scanner reads the person cues at thousands of mentions.
  arbitrary: repeated(
    fc
      .tuple(
        fc.constantFrom(
          'The ',
          'the seller ',
          'a user named ',
          'under the moniker ',
          'one actor going by the handle ',
          'The The ',
          '\n[1] ',
          '\n[[2]](#_ftnref2) ',
          '\n* October 2017 –\u00a0',
          'criminals posing as  ',
          'pretending   to be ',
        ),
        capitalised,
        fc.constantFrom(' ransomware gang, the developer ', ', who is the ', ', a well-known ', ' ransomware gang ', ',   the  ', ' '),
      )
      .map((parts) => parts.join('')),
  ),
};

/** Generators for text the entity scanner reads (extracted article text). */
export const DOMAINS_AND_CUES: HostileGenerator = {
  name: 'domains-and-cues',
  label: 'domains, trade words and list lines',
  targets:
    'indicator-context.ts: CUES, LINE_DECORATION (every domain looks for trade words near it and for list lines around it), HANDLE_BEFORE',
  // Thousands of candidates, each with cue words and line breaks near it, and no hash or defanged value
  // that would settle the page at once.
  arbitrary: repeated(
    fc
      .tuple(
        fc.constantFrom('evil.com', 'a.io', 'http://x.org/payload', 'u@mail.net', 'www.b.co.uk'),
        fc.constantFrom(' ', '\n', ' c2 ', ' command and control ', '\n- Domain: ', ' beaconbeacon ', '  \n', ' user known as "'),
      )
      .map(([value, gap]) => value + gap),
  ),
};

export const TEXT_GENERATORS: readonly HostileGenerator[] = [
  HEX_DUMP,
  LONG_WORD,
  CVE_REPEATED,
  TECHNIQUE_REPEATED,
  TECHNIQUE_ROWS,
  APT_REPEATED,
  CAPITALISED_WORDS,
  AKA_CHAINS,
  WHITESPACE_RUNS,
  MARK_RUNS,
  APOSTROPHE_WORDS,
  GROUP_AND_TOOL_CUES,
  PERSON_CUES,
  DOMAINS_AND_CUES,
];

/** A page nested thousands of elements deep, never closed: for the command line, which parses HTML. */
export const NESTED_HTML: HostileGenerator = {
  name: 'nested-html',
  label: 'deeply nested HTML',
  targets: 'jsdom and Readability recursion (cli/analyze-command.ts)',
  arbitrary: fc
    .record({ tag: fc.constantFrom('div', 'span', 'section', 'blockquote', 'b'), text: fc.constantFrom('', 'x ', 'Storm-1152 ') })
    .map(({ tag, text }) => {
      const head = '<!doctype html><html><head><title>Nested</title></head><body>';
      return head + repeatTo(`<${tag}>${text}`, HOSTILE_CHARS - head.length);
    }),
};

/** One sample of `generator`, reproducible from `seed`. */
export function sampleOf(generator: HostileGenerator, seed: number): string {
  return fc.sample(generator.arbitrary, { numRuns: 1, seed })[0];
}
