/**
 * A snapshot with every shape a backup must carry: pages with and without the optional fields,
 * annotations with and without notes, tags and element hints, ids that are UUIDs (lower and upper case)
 * and one made on import from an older Gloss's IRI (which it keeps), hostile text, confirmed and rejected
 * entity tags, the user's own actors, alias picks for one page and for every page, and this browser's
 * settings and paused sites.
 */
import type { GlossSnapshot } from '@/lib/export/page-export';
import { annotationIri, idForIri, recordIri } from '@/lib/storage/annotation-ids';
import type { AnnotationRecord } from '@/lib/storage/records';

export const NEWS = 'https://news.example/storm-1152';
export const BLOG = 'https://blog.example/post?id=7';
export const REPORT = 'https://intel.example/report';

export const UUID_ID = '3b241101-e2bb-4255-8caf-4136c566a962';
export const ODD_ID = 'legacy/1 ü?#%';
/** The IRI an older Gloss wrote for ODD_ID, and the id an import gives it now. */
export const LEGACY_IRI = annotationIri(ODD_ID);
export const LEGACY_ID = idForIri(LEGACY_IRI).id;

const T = 1_714_000_000_123;

function annotation(fields: Partial<AnnotationRecord> & Pick<AnnotationRecord, 'id' | 'pageUrl'>): AnnotationRecord {
  return {
    target: {
      quote: { type: 'TextQuoteSelector', exact: 'Storm-1152 sold accounts', prefix: 'In 2023, ', suffix: ' to other crews.' },
      position: { type: 'TextPositionSelector', start: 120, end: 144 },
    },
    color: 'yellow',
    note: '',
    tags: [],
    createdAt: T,
    updatedAt: T,
    ...fields,
  };
}

export function richSnapshot(): GlossSnapshot {
  return {
    pages: [
      { url: BLOG, title: 'A post', siteName: null, createdAt: T, updatedAt: T + 5 },
      {
        url: REPORT,
        title: '<img src=x onerror=alert(1)>',
        siteName: 'Intel',
        byline: null,
        publishedTime: null,
        createdAt: T,
        updatedAt: T + 7,
        actors: [],
      },
      {
        url: NEWS,
        title: 'Storm-1152 explained',
        siteName: 'News',
        byline: 'A. Writer',
        publishedTime: '2024-04-30',
        createdAt: T,
        updatedAt: T + 9,
        actors: ['octo tempest', 'storm-1152'],
      },
    ],
    annotations: [
      annotation({
        id: UUID_ID,
        pageUrl: NEWS,
        color: 'green',
        note: 'Sold to\n"Octo Tempest" 🕷',
        tags: ['apt', 'Ransomware'],
        target: {
          quote: { type: 'TextQuoteSelector', exact: 'Storm-1152', prefix: '', suffix: ' sold' },
          position: { type: 'TextPositionSelector', start: 0, end: 10 },
          element: { type: 'gloss:ElementPathSelector', path: 'main:1/article:1/p:4', start: 0, end: 10 },
        },
        updatedAt: T + 9,
      }),
      annotation({ id: LEGACY_ID, iri: LEGACY_IRI, pageUrl: BLOG, createdAt: T + 1, updatedAt: T + 5 }),
      annotation({ id: '6F9619FF-8B86-D011-B42D-00C04FC964FF', pageUrl: NEWS, color: 'purple', tags: ['phishing'] }),
      annotation({
        id: 'e0f1a2b3-0000-4000-8000-000000000001',
        pageUrl: REPORT,
        note: '<script>alert(1)</script>\u0000',
        target: {
          quote: { type: 'TextQuoteSelector', exact: '</script><script>alert("x")</script>', prefix: '\u202e', suffix: '' },
          position: { type: 'TextPositionSelector', start: 7, end: 7 },
          element: { type: 'gloss:ElementPathSelector', path: '', start: 7, end: 7 },
        },
        updatedAt: T + 7,
      }),
    ],
    tags: [
      { key: 'apt', label: 'apt', createdAt: T },
      { key: 'phishing', label: 'phishing', createdAt: T },
      { key: 'ransomware', label: 'Ransomware', createdAt: T + 2 },
    ],
    entityTags: [
      {
        id: `${NEWS}\nthreat-actor:storm-1152`,
        pageUrl: NEWS,
        entityKey: 'threat-actor:storm-1152',
        kind: 'threat-actor',
        name: 'Storm-1152',
        canonical: 'Storm-1152',
        status: 'confirmed',
        createdAt: T,
        updatedAt: T + 3,
      },
      {
        id: `${REPORT}\norganization:microsoft`,
        pageUrl: REPORT,
        entityKey: 'organization:microsoft',
        kind: 'organization',
        name: 'Microsoft',
        canonical: 'Microsoft',
        status: 'rejected',
        createdAt: T,
        updatedAt: T + 4,
      },
    ],
    actors: [
      {
        id: 'gold harvest',
        canonical: 'Gold Harvest',
        aliases: ['GH-1'],
        extendsBuiltin: false,
        nameKeys: ['gold harvest', 'gh-1'],
        createdAt: T,
        updatedAt: T + 6,
      },
      {
        id: 'scattered spider',
        canonical: 'Scattered Spider',
        aliases: ['Spider X'],
        extendsBuiltin: true,
        nameKeys: ['scattered spider', 'spider x'],
        createdAt: T,
        updatedAt: T + 1,
      },
    ],
    aliasPicks: [
      {
        id: `${NEWS}\ngrizzly steppe`,
        scope: 'page',
        pageUrl: NEWS,
        name: 'Grizzly Steppe',
        nameKey: 'grizzly steppe',
        actor: 'APT29',
        createdAt: T,
        updatedAt: T + 2,
      },
      {
        id: '*\ncharming kitten',
        scope: 'everywhere',
        name: 'Charming Kitten',
        nameKey: 'charming kitten',
        actor: 'Magic Hound',
        createdAt: T + 1,
        updatedAt: T + 8,
      },
    ],
    settings: [
      { key: 'default-color', value: 'blue', updatedAt: T + 3 },
      { key: 'show-toolbar', value: false, updatedAt: T + 2 },
    ],
    pausedSites: [
      { site: 'news.example', pausedAt: T },
      { site: '127.0.0.1:8080', pausedAt: T + 4 },
    ],
  };
}

/** The same records in the order a backup file holds them: annotations by the IRI written, the rest by key. */
export function fileOrder(snapshot: GlossSnapshot): GlossSnapshot {
  const sorted = sortedSnapshot(snapshot);
  const iri = (r: AnnotationRecord) => recordIri(r);
  return { ...sorted, annotations: [...sorted.annotations].sort((a, b) => (iri(a) < iri(b) ? -1 : iri(a) > iri(b) ? 1 : 0)) };
}

/** The same records in the order readSnapshot gives them: sorted by key. */
export function sortedSnapshot(snapshot: GlossSnapshot): GlossSnapshot {
  const by =
    <R>(key: (r: R) => string) =>
    (a: R, b: R) =>
      key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  return {
    pages: [...snapshot.pages].sort(by((r) => r.url)),
    annotations: [...snapshot.annotations].sort(by((r) => r.id)),
    tags: [...snapshot.tags].sort(by((r) => r.key)),
    entityTags: [...snapshot.entityTags].sort(by((r) => r.id)),
    actors: [...snapshot.actors].sort(by((r) => r.id)),
    aliasPicks: [...(snapshot.aliasPicks ?? [])].sort(by((r) => r.id)),
    ...(snapshot.settings && { settings: [...snapshot.settings].sort(by((r) => r.key)) }),
    ...(snapshot.pausedSites && { pausedSites: [...snapshot.pausedSites].sort(by((r) => r.site)) }),
  };
}
