/**
 * Gloss's STIX 2.1 export: the threat actors, malware, tools, techniques, CVEs, indicators,
 * organisations, people and places a researcher confirmed, the reports (saved pages) they appear in,
 * and the highlights as notes.
 *
 * Ids derive from the records (stix-ids.ts), timestamps from when the records were made and changed,
 * and objects are ordered by type and a stable key: exporting the same data again gives the same
 * bytes, whatever order the pages come in.
 */
import type { PageExport } from '../page-export';
import type { PlaceLookup } from '../place-facts';
import { compareText, entityObjects, type AttackIdLookup, type OrderedObject } from './entity-objects';
import { noteObjects, reportId, reportObject } from './report-objects';
import { stixId } from './stix-ids';
import type { StixBundle, StixObject } from './stix-types';

export interface StixExportOptions {
  /** ATT&CK ids of tagged malware, tools and techniques (the caller has the shipped data); none if absent. */
  attackIdOf?: AttackIdLookup;
  /** Country codes and regions of confirmed places (the caller has the shipped list); without it, no locations. */
  placeOf?: PlaceLookup;
  /**
   * Leave out pages on which nothing is confirmed, highlights or not (the library's export of many
   * pages: a STIX consumer wants findings, not every page read). A single page's export keeps its notes.
   */
  confirmedPagesOnly?: boolean;
}

const TYPE_ORDER: readonly StixObject['type'][] = [
  'report',
  'intrusion-set',
  'malware',
  'tool',
  'attack-pattern',
  'vulnerability',
  'indicator',
  'identity',
  'location',
  'note',
];

const byPosition = (a: OrderedObject, b: OrderedObject) =>
  TYPE_ORDER.indexOf(a.object.type) - TYPE_ORDER.indexOf(b.object.type) ||
  compareText(a.order, b.order) ||
  compareText(a.object.id, b.object.id);

/** One record per URL (the most recently updated if the caller passed one twice), in URL order. */
function distinctPages(pages: readonly PageExport[]): PageExport[] {
  const byUrl = new Map<string, PageExport>();
  for (const page of pages) {
    const kept = byUrl.get(page.page.url);
    if (!kept || page.page.updatedAt > kept.page.updatedAt) byUrl.set(page.page.url, page);
  }
  return [...byUrl.values()].sort((a, b) => compareText(a.page.url, b.page.url));
}

const latestUpdate = (page: PageExport) => page.annotations.reduce((max, a) => Math.max(max, a.updatedAt), -Infinity);

/** The STIX 2.1 bundle for `pages`. */
export function stixBundle(pages: readonly PageExport[], options: StixExportOptions = {}): StixBundle {
  const sorted = distinctPages(pages);
  const entities = entityObjects(sorted, options);
  const ordered: OrderedObject[] = [...entities.objects];
  const noteIds = new Set<string>();
  for (const page of sorted) {
    const report = reportId(page.page.url);
    // An annotation id is unique; should two pages claim one, the first page keeps it.
    const notes = noteObjects(page, report).filter((n) => !noteIds.has(n.object.id));
    for (const note of notes) noteIds.add(note.object.id);
    const confirmed = entities.idsByPage.get(page.page.url);
    if (options.confirmedPagesOnly && !confirmed?.size) continue;
    const refs = [...(confirmed ?? []), ...notes.map((n) => n.object.id)];
    // A report must refer to at least one object: a page with no confirmed entity and no highlight is left out.
    if (refs.length === 0) continue;
    const lastChange = Math.max(entities.lastChangeByPage.get(page.page.url) ?? -Infinity, latestUpdate(page));
    ordered.push({ object: reportObject(page, refs, lastChange), order: page.page.url }, ...notes);
  }
  ordered.sort(byPosition);
  const objects = ordered.map((o) => o.object);
  const position = new Map(objects.map((o, i) => [o.id, i]));
  for (const object of objects) {
    if (object.type === 'report') object.object_refs.sort((a, b) => position.get(a)! - position.get(b)!);
  }
  const bundleId = stixId(
    'bundle',
    `bundle:${objects
      .map((o) => o.id)
      .sort(compareText)
      .join('\n')}`,
  );
  return objects.length ? { type: 'bundle', id: bundleId, objects } : { type: 'bundle', id: bundleId };
}

/** The bundle as a file: two-space indented JSON in the bundle's own order, ending in a newline. */
export function stixJson(bundle: StixBundle): string {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}
