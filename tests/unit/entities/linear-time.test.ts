/**
 * Every regular expression the entity finders run over page text is linear in the text. Each
 * generator (tests/support/hostile-text.ts, built with fast-check) attacks one pattern family with
 * 200,000 characters; every finder, and the whole scanner, must read its samples within a limit that
 * linear work meets with a wide margin (tens to hundreds of milliseconds) and quadratic work misses
 * by far: before the fixes, these inputs took from 40 s to well over two minutes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowerCaseSoftwareCue } from '@/lib/entities/context-cues';
import { findCuedNames } from '@/lib/entities/names-from-context';
import { refangText } from '@/lib/entities/defang';
import { findIndicators } from '@/lib/entities/indicators';
import { findNamingPatterns } from '@/lib/entities/naming-patterns';
import { createOrganizationFinder } from '@/lib/entities/organizations';
import { mentionsOfNames } from '@/lib/entities/page-entities';
import { personCue } from '@/lib/entities/person-cues';
import { companyCue } from '@/lib/entities/company-cues';
import { commonSenseCue } from '@/lib/entities/common-sense-cues';
import { posingAs } from '@/lib/entities/impersonation-cues';
import { startsLongerName } from '@/lib/entities/longer-name-after';
import { findReferenceLines } from '@/lib/entities/reference-lines';
import { withoutThreatNamesOutOfPlace } from '@/lib/entities/threat-page';
import { createPlaceFinder } from '@/lib/entities/places';
import { compileEntityIndex } from '@/lib/entities/compiled/compile-entity-index';
import { readEntityIndex, scannerFromIndex } from '@/lib/entities/compiled/load-entity-index';
import { createEntityScanner } from '@/lib/entities/scan-entities';
import { loadEntityData } from '@/lib/entities/shipped-data';
import { findCuedSoftware } from '@/lib/entities/software-cues';
import { calledTool, findCuedTools } from '@/lib/entities/tool-cues';
import { createTechniqueFinder } from '@/lib/entities/techniques';
import { findVulnerabilities } from '@/lib/entities/vulnerabilities';
import { HOSTILE_CHARS, TEXT_GENERATORS } from '../../support/hostile-text';

/** Generous: a loaded two-core machine running other test files still reads 200 KB many times over in this. */
const LIMIT_MS = 5_000;
const SAMPLES = 2;

const data = loadEntityData();
const scanner = createEntityScanner(data);
// The background's scanner: read from the compiled index, its names searched by the typed-array automata.
const compiled = scannerFromIndex(readEntityIndex(compileEntityIndex(data)), data);
const FINDERS: Record<string, (text: string) => unknown> = {
  'context cues (actors)': findCuedNames,
  'context cues (software)': findCuedSoftware,
  'context cues (tools)': findCuedTools,
  // The tool cues around one mention, at every 97th character (a page has that many candidates at most).
  'tool cues at mentions': (text) => {
    for (let i = 0; i + 8 < text.length; i += 97) calledTool(text, i, i + 8);
  },
  // The software cues of a name written in lower case, at every 97th character.
  'lower-case software cues at mentions': (text) => {
    for (let i = 0; i + 8 < text.length; i += 97) lowerCaseSoftwareCue(text, i, i + 8);
  },
  // The person cues around one mention, at every 97th character.
  'person cues at mentions': (text) => {
    for (let i = 0; i + 8 < text.length; i += 97) personCue(text, i, i + 8);
  },
  // Whether the words after a mention call it a company, after every 97th character.
  'company cues at mentions': (text) => {
    for (let i = 0; i < text.length; i += 97) companyCue(text, i);
  },
  // Whether the words after a mention call it a work, a band or a charity, after every 97th character.
  'common-sense cues at mentions': (text) => {
    for (let i = 0; i < text.length; i += 97) commonSenseCue(text, i);
  },
  // Whether a longer name follows a listed ordinary word, after every 97th character.
  'a longer name after a listed word, at mentions': (text) => {
    for (let i = 0; i < text.length; i += 97) startsLongerName(text, i);
  },
  'reference lines': findReferenceLines,
  // A threat name at every 97th character of a page that does not read as a threat report: each one's sentence read.
  'threat names out of place': (text) =>
    withoutThreatNamesOutOfPlace(
      text,
      Array.from({ length: Math.floor(text.length / 97) }, (_, i) => ({
        kind: 'malware' as const,
        name: 'x',
        canonical: 'x',
        aliases: [],
        mentions: [{ start: i * 97, end: i * 97 + 5, text: text.slice(i * 97, i * 97 + 5) }],
      })),
    ),
  // The impersonation cue before one mention, at every 97th character.
  'impersonation cues at mentions': (text) => {
    for (let i = 0; i < text.length; i += 97) posingAs(text, i);
  },
  'naming schemes': (text) => findNamingPatterns(text, true),
  techniques: createTechniqueFinder(data.techniques!),
  organisations: createOrganizationFinder(data.organizations ?? [], data.places ?? []),
  places: createPlaceFinder(data.places ?? []),
  refanging: refangText,
  indicators: findIndicators,
  vulnerabilities: findVulnerabilities,
  'the whole scanner': (text) => scanner.findEntities(text),
  'the whole scanner, from the compiled index': (text) => compiled.findEntities(text),
  // Names the researcher tagged, found again in the page: short, long (200 characters) and one-letter names.
  'tagged names': (text) => mentionsOfNames(text, ['APT', 'a', text.slice(1000, 1200), 'Group 1', `${'a'.repeat(199)}b`]),
};

function elapsedMs(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

describe.each(TEXT_GENERATORS)('$label ($targets)', (generator) => {
  it('is read in linear time by every finder', () => {
    fc.assert(
      fc.property(generator.arbitrary, (text) => {
        expect(text).toHaveLength(HOSTILE_CHARS);
        for (const [finder, find] of Object.entries(FINDERS)) {
          const ms = elapsedMs(() => find(text));
          expect(ms, `${finder}: ${Math.round(ms)} ms`).toBeLessThan(LIMIT_MS);
        }
      }),
      { numRuns: SAMPLES },
    );
  });
});
