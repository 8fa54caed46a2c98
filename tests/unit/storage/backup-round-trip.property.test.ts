// @vitest-environment jsdom
/**
 * Whatever the stores write, a backup gives back to the byte: hostile pages and selections are saved
 * through the real store functions (on fake-indexeddb), then export → wipe → import → export must give
 * the same text, with nothing skipped, and a second import must change nothing. The settings and paused
 * sites, written through their stores, go round too.
 *
 * Pages are parsed by the HTML parser from generated markup (namespaced tags like Word's <st1:place>,
 * custom elements, SVG, any Unicode text), selections are described by the real describeOffsets, and
 * records carry any UTF-16 (lone surrogates included), quotes up to 120,000 characters, addresses up to
 * 9,000, up to 1,300 actors on a page, odd ids and raw element paths. Some pages are PDFs: their
 * highlights carry a document key (a few shared, so one PDF comes from several addresses; some hostile)
 * and a page selector (some not "page=N"), and some are filed under the key alone (a local file). What the stores refuse
 * (RecordProblem) is simply not saved; anything else thrown fails the test.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { describeOffsets } from '@/lib/anchoring/describe-range';
import { TextIndex } from '@/lib/anchoring/text-index';
import { PDF_FRAGMENT_SPEC, type AnnotationTarget, type PageFragmentSelector } from '@/lib/anchoring/types';
import { pageFragmentSelector } from '@/lib/pdf/page-selector';
import { ENTITY_KINDS, type EntityKind } from '@/lib/entities/types';
import { parseBackup } from '@/lib/backup/parse-backup';
import { backupJson } from '@/lib/backup/to-json-ld';
import { createAnnotation, restoreAnnotation, updateAnnotation } from '@/lib/storage/annotation-store';
import { importSnapshot, readSnapshot } from '@/lib/storage/backup-store';
import { GlossDatabase } from '@/lib/storage/database';
import { saveUserActor, tagEntity } from '@/lib/storage/entity-tag-store';
import { savePick } from '@/lib/storage/alias-pick-store';
import { recordArticleDetails, recordPageActors } from '@/lib/storage/page-store';
import { RecordProblem } from '@/lib/storage/record-rules';
import { HIGHLIGHT_COLORS, type AnnotationRecord } from '@/lib/storage/records';
import { saveSettings } from '@/lib/storage/settings-store';
import { pauseSite } from '@/lib/storage/site-pause-store';
import { normalizePageUrl } from '@/lib/url/normalize-url';
import { siteOfUrl } from '@/lib/url/site';

/**
 * Runs per property: each saves a few pages through the stores and round-trips them (about 0.1 s a run,
 * 5 s in all). GLOSS_PROPERTY_RUNS=2000 searches longer.
 */
const RUNS = Number(process.env.GLOSS_PROPERTY_RUNS ?? 40);

// Any UTF-16 code unit (lone surrogates, NUL, bidi controls), or any code point.
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const anyText = (maxLength: number) => fc.oneof(fc.string({ unit: codeUnit, maxLength }), fc.string({ unit: 'binary', maxLength }));
/** Text of up to `max` characters, cheap to make long: a short string repeated. */
const longText = (max: number) =>
  fc
    .tuple(anyText(12), fc.integer({ min: 1, max }))
    .map(([seed, n]) => (seed || 'x').repeat(Math.ceil(n / (seed.length || 1))).slice(0, n));
const someText = (max: number) => fc.oneof({ weight: 4, arbitrary: anyText(40) }, { weight: 1, arbitrary: longText(max) });

/** Tag names the HTML parser keeps: namespaced, custom, foreign (SVG), and made-up ones with odd characters. */
const tagName = fc.oneof(
  fc.constantFrom(
    'p',
    'div',
    'section',
    'article',
    'em',
    'font',
    'st1:place',
    'st1:city',
    'o:p',
    'w:sdt',
    'x-widget',
    'my-élément',
    'svg',
    'g',
  ),
  fc
    .tuple(
      fc.constantFrom('x', 'st', 'o', 'v', 'z'),
      fc.string({ unit: fc.constantFrom('a', '9', ':', '-', '.', '_', '%', 'é', '中', '$'), maxLength: 8 }),
    )
    .map(([first, rest]) => `${first}${rest}`),
);
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

interface Markup {
  html: string;
  length: number;
}
/** Nested elements around text: parsed by the real HTML parser, so tag names are what a page would have. */
const markup: fc.Arbitrary<Markup> = fc.letrec<{ node: Markup }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    someText(120_000).map((text) => ({ html: escapeHtml(text), length: text.length })),
    fc.tuple(tagName, fc.array(tie('node'), { minLength: 1, maxLength: 3 })).map(([tag, children]) => ({
      html: `<${tag}>${children.map((c) => c.html).join('')}</${tag}>`,
      length: children.reduce((sum, c) => sum + c.length, 0),
    })),
  ),
})).node;

interface Selection {
  page: Markup;
  at: [number, number];
  rawPath: string | null;
}
/** A selection in the parsed page, described as the highlighter describes one; sometimes with a raw, hostile element path. */
const selection: fc.Arbitrary<Selection> = fc.record({
  page: markup,
  at: fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
  rawPath: fc.option(
    fc.oneof(
      anyText(30),
      longText(3_000),
      fc.array(tagName, { maxLength: 400 }).map((t) => t.map((s) => `${s}:1`).join('/')),
    ),
    { freq: 4 },
  ),
});

function describeSelection({ page, at, rawPath }: Selection): AnnotationTarget | null {
  document.body.innerHTML = page.html;
  const index = new TextIndex(document.body);
  const length = index.text.length;
  if (length === 0) return null;
  const [a, b] = at.map((x) => Math.min(length - 1, Math.floor(x * length)));
  const target = describeOffsets(index, Math.min(a, b), Math.max(a, b) + 1);
  if (rawPath !== null) target.element = { type: 'gloss:ElementPathSelector', path: rawPath, start: 0, end: 1 };
  return target;
}

/** A page address: http(s), any host, a path of any Unicode (percent-encoded by the URL parser), sometimes very long. */
const pageUrl = fc
  .tuple(fc.constantFrom('https', 'http'), fc.domain(), someText(9_000), fc.constantFrom('', '?utm_source=x&id=7', '#top'))
  .map(([scheme, host, path, tail]) => normalizePageUrl(`${scheme}://${host}/${path}${tail}`))
  .filter((url): url is string => url !== null);

const oddId = fc.oneof(
  anyText(110).filter((s) => s.length > 0),
  fc.constantFrom('__proto__', 'constructor', 'urn:uuid:x', '../../etc'),
  fc.uuid(),
);
const tags = fc.array(fc.oneof(anyText(70), fc.constantFrom('#apt', 'APT', 'two words', 'T1566.001')), { maxLength: 6 });
const actorName = fc.oneof(anyText(30), longText(400), fc.constantFrom('İİİ', 'ẞ', 'APT29', 'the Board'));

/** A PDF's fingerprint: mostly one of a few (the same file from several addresses), sometimes any, sometimes no hex at all. */
const fingerprint = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('7524424c8dd47c47d284cf6ed827a72b', '2535f35dc149286d97da151d71f9292c') },
  { weight: 1, arbitrary: fc.stringMatching(/^[0-9a-f]{16,128}$/) },
  { weight: 1, arbitrary: anyText(140) },
);
/** A page selector as the viewer makes one, or a FragmentSelector of some other kind. */
const pageSelector: fc.Arbitrary<PageFragmentSelector> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 1_000_000 }).map(pageFragmentSelector) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('FragmentSelector' as const),
      value: anyText(30),
      conformsTo: fc.constantFrom(PDF_FRAGMENT_SPEC, 'http://www.w3.org/TR/media-frags/'),
    }) as fc.Arbitrary<PageFragmentSelector>,
  },
);

const pageWork = fc.record({
  url: pageUrl,
  pdf: fc.option(fc.record({ fingerprint, page: pageSelector, local: fc.boolean() }), { freq: 2 }),
  details: fc.record({ title: someText(2_000), siteName: fc.option(someText(500)) }),
  article: fc.record({ title: fc.option(someText(2_000)), byline: fc.option(someText(1_000)), publishedTime: fc.option(anyText(200)) }),
  highlights: fc.array(
    fc.record({
      selection,
      color: fc.constantFrom(...HIGHLIGHT_COLORS),
      note: someText(25_000),
      tags,
      restoreAs: fc.option(oddId, { freq: 3 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  edit: fc.option(fc.record({ note: someText(25_000), tags })),
  actors: fc.oneof(
    fc.array(actorName, { maxLength: 5 }),
    fc.integer({ min: 0, max: 1_300 }).map((n) => Array.from({ length: n }, (_, i) => `actor ${i}`)),
  ),
  verdict: fc.record({
    kind: fc.constantFrom<EntityKind>(...ENTITY_KINDS),
    name: actorName,
    canonical: actorName,
    confirmed: fc.boolean(),
  }),
  userActor: fc.record({ canonical: actorName, aliases: fc.array(actorName, { maxLength: 120 }), extendsBuiltin: fc.boolean() }),
  // Alias picks for this page or every page, on any name (the same name picked twice replaces the pick).
  picks: fc.array(
    fc.record({
      name: fc.oneof(actorName, fc.constantFrom('Grizzly Steppe', 'grizzly  steppe')),
      actor: actorName,
      scope: fc.constantFrom('page' as const, 'everywhere' as const),
    }),
    { maxLength: 3 },
  ),
});

/** This browser's own records: some settings chosen (or none), and sites paused, as the settings page and popup write them. */
const deviceWork = fc.record({
  settings: fc.record({ defaultColor: fc.constantFrom(...HIGHLIGHT_COLORS), showToolbar: fc.boolean() }, { requiredKeys: [] }),
  paused: fc.array(
    fc
      .tuple(fc.constantFrom('http', 'https'), fc.domain(), fc.option(fc.integer({ min: 1, max: 65_535 })))
      .map(([scheme, host, port]) => siteOfUrl(`${scheme}://${host}${port === null ? '' : `:${port}`}/`))
      .filter((site): site is string => site !== null),
    { maxLength: 4 },
  ),
});

const opened: GlossDatabase[] = [];
const newDatabase = () => {
  const db = new GlossDatabase(`property-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
};
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

/** Runs a store write; a RecordProblem (the store refusing what it cannot keep) counts as refused. */
async function attempt<T>(write: () => Promise<T>, tally: { saved: number; refused: number }): Promise<T | null> {
  try {
    const result = await write();
    tally.saved++;
    return result;
  } catch (error) {
    if (!(error instanceof RecordProblem)) throw error;
    tally.refused++;
    return null;
  }
}

describe('a backup of whatever the stores wrote', () => {
  it('restores byte for byte, skips nothing, and a second import changes nothing', async () => {
    const tally = { saved: 0, refused: 0, picks: 0, settings: 0, pausedSites: 0 };
    let pdfHighlights = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(pageWork, { minLength: 1, maxLength: 3 }), deviceWork, async (pages, device) => {
        const db = newDatabase();
        let now = 1_700_000_000_000;
        await saveSettings(db, device.settings, ++now);
        for (const site of device.paused) await pauseSite(db, site, ++now);
        for (const work of pages) {
          const documentKey = work.pdf ? `urn:x-pdf:${work.pdf.fingerprint}` : undefined;
          const url = work.pdf?.local ? `urn:x-pdf:${work.pdf.fingerprint}` : work.url;
          for (const highlight of work.highlights) {
            const target = describeSelection(highlight.selection);
            if (!target) continue;
            if (work.pdf) target.page = work.pdf.page;
            const input = { pageUrl: url, documentKey, target, color: highlight.color, note: highlight.note, tags: highlight.tags };
            const record = await attempt(() => createAnnotation(db, input, work.details, ++now), tally);
            if (record && highlight.restoreAs !== null) {
              const odd: AnnotationRecord = { ...record, id: highlight.restoreAs };
              await attempt(() => restoreAnnotation(db, odd, ++now), tally);
            }
            if (record && work.edit) await attempt(() => updateAnnotation(db, record.id, work.edit!, ++now), tally);
          }
          await attempt(() => recordArticleDetails(db, url, work.article), tally);
          await attempt(() => recordPageActors(db, url, work.actors), tally);
          const { kind, name, canonical, confirmed } = work.verdict;
          await attempt(
            () => tagEntity(db, url, { kind, name, canonical }, confirmed ? 'confirmed' : 'rejected', work.details, ++now),
            tally,
          );
          await attempt(() => saveUserActor(db, work.userActor, ++now), tally);
          for (const pick of work.picks) await attempt(() => savePick(db, work.url, pick, work.details, ++now), tally);
        }

        const snapshot = await readSnapshot(db);
        pdfHighlights += snapshot.annotations.filter(
          (record) => record.documentKey !== undefined && record.target.page !== undefined,
        ).length;
        tally.picks += snapshot.aliasPicks?.length ?? 0;
        tally.settings += snapshot.settings?.length ?? 0;
        tally.pausedSites += snapshot.pausedSites?.length ?? 0;
        const text = backupJson(snapshot);
        const parsed = parseBackup(text);
        expect(parsed.ok && parsed.skipped).toEqual([]);
        if (!parsed.ok) return;
        const fresh = newDatabase();
        await importSnapshot(fresh, parsed.snapshot, { actors: true, settings: true });
        expect(backupJson(await readSnapshot(fresh))).toBe(text);
        const again = await importSnapshot(fresh, parsed.snapshot, { actors: true, settings: true });
        expect(again.added + again.updated).toBe(0);
      }),
      { numRuns: RUNS },
    );
    // Not vacuous: most writes were kept, and the stores did refuse some hostile ones; picks were written.
    expect(tally.saved).toBeGreaterThan(tally.refused);
    expect(tally.refused).toBeGreaterThan(0);
    // PDF highlights, with their page, were among what went round.
    expect(pdfHighlights).toBeGreaterThan(0);
    expect(tally.picks).toBeGreaterThan(0);
    // So were settings and paused sites.
    expect(tally.settings).toBeGreaterThan(0);
    expect(tally.pausedSites).toBeGreaterThan(0);
  }, 120_000);
});
