/**
 * A saved page as a STIX report, and its highlights as notes on that report, so the passages the
 * researcher kept travel with the findings.
 */
import type { AnnotationRecord } from '../../storage/records';
import { cleanTags } from '../../storage/tags';
import type { PageExport } from '../page-export';
import type { OrderedObject } from './entity-objects';
import { publishedEpoch } from './published-time';
import { stixId, stixTimes, stixTimestamp } from './stix-ids';
import type { StixExternalReference, StixNote, StixReport } from './stix-types';

/** The id of a page's report: from its (normalised) URL, so re-exports update the same report. */
export function reportId(pageUrl: string): string {
  return stixId('report', `report:${pageUrl}`);
}

/** The quote as a Markdown blockquote (how STIX tools such as OpenCTI render note content), then the note. */
function noteContent(annotation: AnnotationRecord): string {
  const quote = (annotation.target?.quote?.exact ?? '').trim();
  const quoted = quote
    ? quote
        .split(/\r\n|\r|\n/)
        .map((line) => (line ? `> ${line}` : '>'))
        .join('\n')
    : '';
  return [quoted, (annotation.note ?? '').trim()].filter(Boolean).join('\n\n');
}

/** Document order, then id, as text that sorts the same way. */
function noteOrder(pageUrl: string, annotation: AnnotationRecord): string {
  const start = Math.max(0, Math.trunc(annotation.target?.position?.start ?? 0) || 0);
  return `${pageUrl}\n${String(start).padStart(16, '0')}\n${annotation.id}`;
}

/** One note per highlight that has a quote or a note; labels are its tags. */
export function noteObjects(page: PageExport, report: string): OrderedObject[] {
  const notes = new Map<string, OrderedObject>();
  for (const annotation of page.annotations) {
    const content = noteContent(annotation);
    const id = stixId('note', `note:${annotation.id}`);
    if (!content || notes.has(id)) continue;
    const labels = cleanTags(annotation.tags ?? []);
    const note: StixNote = {
      type: 'note',
      spec_version: '2.1',
      id,
      ...stixTimes([annotation.createdAt], [annotation.updatedAt]),
      content,
      object_refs: [report],
      labels: labels.length ? labels : undefined,
    };
    notes.set(id, { object: note, order: noteOrder(page.page.url, annotation) });
  }
  return [...notes.values()];
}

/** When the article says it was published; when it does not (or not as a date), when it was saved. */
function publishedTime(page: PageExport): string {
  return stixTimestamp(publishedEpoch(page.page.publishedTime) ?? page.page.createdAt);
}

/**
 * Where the report came from: the page's address. A PDF's reference also names the file by its
 * document key ("urn:x-pdf:<fingerprint>") as its external id, which holds for copies at any address; a
 * PDF read from a local file has no address, and only that.
 */
function pageReference(page: PageExport): StixExternalReference {
  const { url, documentKey } = page.page;
  let host = '';
  let protocol = '';
  try {
    ({ hostname: host, protocol } = new URL(url));
  } catch {
    // Not a URL (a hand-made record): the reference still carries it as written.
  }
  const sourceName = page.page.siteName?.trim() || host || (documentKey ? 'PDF document' : 'web page');
  if (documentKey === undefined) return { source_name: sourceName, url };
  const web = protocol === 'http:' || protocol === 'https:';
  return { source_name: sourceName, ...(web && { url }), external_id: documentKey };
}

/**
 * The report for `page`, referring to `objectRefs` (never empty: pages with nothing to refer to get
 * no report). `lastChange` is when a verdict or highlight behind those objects last changed, so the
 * report's `modified` moves when its content does.
 */
export function reportObject(page: PageExport, objectRefs: string[], lastChange: number): StixReport {
  const { url, title, createdAt, updatedAt } = page.page;
  return {
    type: 'report',
    spec_version: '2.1',
    id: reportId(url),
    ...stixTimes([createdAt], [updatedAt, lastChange]),
    name: title?.trim() || url,
    report_types: ['threat-report'],
    published: publishedTime(page),
    object_refs: objectRefs,
    external_references: [pageReference(page)],
  };
}
