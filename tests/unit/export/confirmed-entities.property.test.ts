/**
 * Every confirmed entity of every kind reaches the exports, whatever its name: generated pages with
 * verdicts on hostile names (quotes, backticks, line breaks, `]]`, bidi controls, Obsidian syntax, lone
 * surrogates, thousands of characters) and on real places. The STIX bundle stays valid and holds one
 * object per exportable entity; the Markdown note renders (marked, GFM) with one list item per
 * confirmed name in its section, showing the name as written and making no markup of it.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { formKey } from '@/lib/entities/dictionary';
import type { PlaceRecord } from '@/lib/entities/places';
import { ENTITY_KINDS, type EntityKind } from '@/lib/entities/types';
import { pageMarkdown } from '@/lib/export/markdown/page-markdown';
import type { PageExport } from '@/lib/export/page-export';
import { placeLookup } from '@/lib/export/place-facts';
import { stixBundle, stixJson } from '@/lib/export/stix/stix-bundle';
import type { StixObject } from '@/lib/export/stix/stix-types';
import type { EntityTagRecord } from '@/lib/storage/records';
import { stixViolations } from './stix/stix-rules';

const PLACES: PlaceRecord[] = JSON.parse(readFileSync('data/places.json', 'utf8'));
const placeOf = placeLookup(PLACES);
const { document } = new JSDOM('').window;

const KINDS: readonly EntityKind[] = ENTITY_KINDS;
/** The note's sections for organisations, people and places, in their order. */
const CONTEXT_SECTIONS: [EntityKind, string][] = [
  ['organization', 'Organizations'],
  ['person', 'People'],
  ['place', 'Places'],
];

const PIECES = [
  '"',
  "'",
  '`',
  '```',
  '\n',
  '\r\n',
  '\u2028',
  ']]',
  '[[',
  '](x)',
  '\u200f',
  '\u202e',
  '\u2066',
  '#tag',
  '# ',
  '==',
  '%%',
  '*',
  '**',
  '_',
  '<script>',
  '&amp;',
  '|',
  '\\',
  '$',
  '^id',
  ' ',
  '\t',
  'www.',
  'https://',
  'a@b.example',
  '- ',
  '1. ',
  '> ',
  '---',
  '🦊',
  '\ud800',
  '\u0000',
  'Colonial Pipeline',
  'Iran',
];
const REAL_PLACES = ['Iran', 'Tehran', 'Texas', 'Levant', 'Middle East', 'Washington, D.C.', 'Kosovo', 'Soviet Union', 'Bavaria'];
const name = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }).map((pieces) => pieces.join('')) },
  { weight: 2, arbitrary: fc.constantFrom(...REAL_PLACES) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30, unit: 'binary' }) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom(...PIECES, 'x', 'Al'), fc.integer({ min: 500, max: 3000 })).map(([p, n]) => p.repeat(n)),
  },
);
const verdict = fc.record({
  kind: fc.constantFrom(...KINDS),
  name,
  sameCanonical: fc.boolean(),
  confirmed: fc.boolean(),
});

type Verdict = { kind: EntityKind; name: string; sameCanonical: boolean; confirmed: boolean };

function page(index: number, verdicts: Verdict[]): PageExport {
  const url = `https://reports.example/${index}`;
  const entityTags: EntityTagRecord[] = verdicts.map((v, i) => ({
    id: `${url}\n${i}`,
    pageUrl: url,
    entityKey: `${v.kind}:${i}`,
    kind: v.kind,
    name: v.name,
    canonical: v.sameCanonical ? v.name : `${v.name} `,
    status: v.confirmed ? 'confirmed' : 'rejected',
    createdAt: 1_700_000_000_000 + i,
    updatedAt: 1_700_000_000_000 + 2 * i,
  }));
  return {
    page: {
      url,
      title: `Report ${index}`,
      siteName: null,
      byline: null,
      publishedTime: null,
      createdAt: 1_600_000_000_000,
      updatedAt: 1_600_000_000_000,
    },
    annotations: [
      {
        id: `a${index}`,
        pageUrl: url,
        color: 'yellow',
        note: '',
        tags: [],
        createdAt: 1_600_000_000_000,
        updatedAt: 1_600_000_000_000,
        target: {
          quote: { type: 'TextQuoteSelector', exact: 'a quote', prefix: '', suffix: '' },
          position: { type: 'TextPositionSelector', start: 0, end: 7 },
        },
      },
    ],
    entityTags,
    actors: [],
  };
}

const pagesArbitrary = fc
  .array(fc.array(verdict, { maxLength: 8 }), { minLength: 1, maxLength: 3 })
  .map((perPage) => perPage.map((verdicts, i) => page(i, verdicts)));

/** The name an export writes for a verdict: its canonical name, else the name as tagged; blank is none. */
const exportedName = (tag: EntityTagRecord) => tag.canonical.trim() || tag.name.trim();
const confirmedOf = (pages: PageExport[], kind: EntityKind) =>
  pages.flatMap((p) => p.entityTags).filter((t) => t.kind === kind && t.status === 'confirmed' && exportedName(t) !== '');
/** Those a note lists: a name of control characters alone shows nothing, and gets no item. */
const listedOf = (pages: PageExport[], kind: EntityKind) => confirmedOf(pages, kind).filter((t) => visible(exportedName(t)) !== '');

/** How a name reads once written on one line: well formed, no controls, whitespace runs as one space. */
function visible(text: string): string {
  return text
    .toWellFormed()
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g, '')
    .replace(/[\s\u0085]+/g, ' ')
    .trim();
}

const RUNS = { seed: 13, numRuns: 150 };

describe('confirmed entities of every kind, with any name', () => {
  it('make a valid STIX bundle with one identity or location per organisation, person and locatable place', () => {
    fc.assert(
      fc.property(pagesArbitrary, (pages) => {
        const json = stixJson(stixBundle(pages, { placeOf }));
        const objects = JSON.parse(json).objects as StixObject[];
        expect(stixViolations(JSON.parse(json))).toEqual([]);
        const keys = (names: string[]) => [...new Set(names.map(formKey))].sort();
        const identities = (identityClass: string) =>
          objects.flatMap((o) => (o.type === 'identity' && o.identity_class === identityClass ? [o.name] : []));
        expect(keys(identities('organization'))).toEqual(keys(confirmedOf(pages, 'organization').map(exportedName)));
        expect(keys(identities('individual'))).toEqual(keys(confirmedOf(pages, 'person').map(exportedName)));
        const locatable = confirmedOf(pages, 'place')
          .map(exportedName)
          .filter((n) => placeOf(n));
        expect(keys(objects.flatMap((o) => (o.type === 'location' ? [o.name] : [])))).toEqual(keys(locatable));
        // Each report refers to the objects of what was confirmed on its page.
        for (const p of pages) {
          const report = objects.find((o) => o.type === 'report' && o.external_references?.[0].url === p.page.url);
          const named = new Set(
            objects
              .filter(
                (o) => (o.type === 'identity' || o.type === 'location') && report?.type === 'report' && report.object_refs.includes(o.id),
              )
              .map((o) => formKey((o as { name: string }).name)),
          );
          for (const tag of [...confirmedOf([p], 'organization'), ...confirmedOf([p], 'person')])
            expect(named).toContain(formKey(exportedName(tag)));
          for (const tag of confirmedOf([p], 'place')) if (placeOf(exportedName(tag))) expect(named).toContain(formKey(exportedName(tag)));
        }
      }),
      RUNS,
    );
  });

  it('make a Markdown note listing each confirmed organisation, person and place once, as written and inert', () => {
    fc.assert(
      fc.property(pagesArbitrary, (pages) => {
        for (const p of pages) {
          const markdown = pageMarkdown(p, new Date(0));
          document.body.innerHTML = marked.parse(markdown.replace(/^---\n[\s\S]*?\n---\n/, ''), { async: false, gfm: true });
          const headings = [...document.body.querySelectorAll('h2')].map((h) => h.textContent);
          const expected = CONTEXT_SECTIONS.filter(([kind]) => listedOf([p], kind).length).map(([, title]) => title);
          expect(headings.filter((h) => CONTEXT_SECTIONS.some(([, title]) => title === h))).toEqual(expected);
          for (const [kind, title] of CONTEXT_SECTIONS) {
            const heading = [...document.body.querySelectorAll('h2')].find((h) => h.textContent === title);
            const names = [...new Set(listedOf([p], kind).map((t) => visible(exportedName(t))))].sort();
            if (!heading) {
              expect(names).toEqual([]);
              continue;
            }
            const list = heading.nextElementSibling!;
            expect(list.tagName).toBe('UL');
            const items = [...list.children];
            // Each item is the name in bold and nothing else: no link, code, heading, image, HTML or emphasis inside.
            for (const item of items) {
              expect(item.querySelectorAll('*:not(strong)'), item.innerHTML).toHaveLength(0);
              expect(item.querySelectorAll('strong')).toHaveLength(1);
            }
            expect(items.map((item) => visible(item.textContent ?? '')).sort()).toEqual(names);
          }
          // Obsidian syntax in a name stays escaped in the raw note: no wikilink, highlight, comment or tag.
          const tail = markdown.slice(markdown.indexOf('## Organizations') >>> 0);
          for (const line of tail.split('\n').filter((l) => l.startsWith('- **'))) {
            expect(line).not.toMatch(/(?<!\\)\[\[|(?<!\\)==|%%|(?<![\\\s\p{L}\p{N}])#(?!\s)/u);
          }
        }
      }),
      RUNS,
    );
  });
});
