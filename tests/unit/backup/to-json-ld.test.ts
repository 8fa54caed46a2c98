import { describe, expect, it } from 'vitest';
import { annotationIdFromIri, annotationIri } from '@/lib/backup/backup-format';
import { backupDocument, backupJson } from '@/lib/backup/to-json-ld';
import { BLOG, LEGACY_ID, LEGACY_IRI, NEWS, ODD_ID, UUID_ID, richSnapshot } from './rich-snapshot';

const empty = { pages: [], annotations: [], tags: [], entityTags: [], actors: [] };

describe('the backup as a W3C Web Annotation collection', () => {
  const document = backupDocument(richSnapshot());

  it('is an AnnotationCollection in the W3C context with the Gloss namespace and format version', () => {
    expect(document['@context']).toEqual(['http://www.w3.org/ns/anno.jsonld', { gloss: 'https://gloss-reader.org/ns#' }]);
    expect(document).toMatchObject({ type: 'AnnotationCollection', label: 'Gloss backup', total: 4, 'gloss:version': 1 });
    expect(document.first.type).toBe('AnnotationPage');
    expect(document.first.items).toHaveLength(4);
  });

  it('dates itself by the newest change in the data, not the clock', () => {
    expect(document.generated).toBe(new Date(1_714_000_000_123 + 9).toISOString());
    expect(backupDocument(empty).generated).toBeUndefined();
  });

  it('writes a highlight with a note and tags as a commenting annotation with tagging bodies', () => {
    const annotation = document.first.items.find((item) => item.id === `urn:uuid:${UUID_ID}`);
    expect(annotation).toEqual({
      id: `urn:uuid:${UUID_ID}`,
      type: 'Annotation',
      motivation: 'commenting',
      created: '2024-04-24T23:06:40.123Z',
      modified: '2024-04-24T23:06:40.132Z',
      body: [
        { type: 'TextualBody', purpose: 'commenting', value: 'Sold to\n"Octo Tempest" 🕷', format: 'text/plain' },
        { type: 'TextualBody', purpose: 'tagging', value: 'apt' },
        { type: 'TextualBody', purpose: 'tagging', value: 'Ransomware' },
      ],
      target: {
        source: NEWS,
        selector: [
          { type: 'TextQuoteSelector', exact: 'Storm-1152', prefix: '', suffix: ' sold' },
          { type: 'TextPositionSelector', start: 0, end: 10 },
          { type: 'gloss:ElementPathSelector', path: 'main:1/article:1/p:4', start: 0, end: 10 },
        ],
      },
      'gloss:color': 'green',
    });
  });

  it('writes a bare highlight as a highlighting annotation with no body', () => {
    const annotation = document.first.items.find((item) => item.target.source === BLOG);
    expect(annotation).toMatchObject({ motivation: 'highlighting', 'gloss:color': 'yellow' });
    expect(annotation).not.toHaveProperty('body');
    expect(annotation?.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
  });

  it('keeps the records the model has no words for under gloss: keys, optional fields only when present', () => {
    expect(document['gloss:pages'].map((page) => Object.keys(page))).toEqual([
      ['url', 'title', 'siteName', 'createdAt', 'updatedAt'],
      ['url', 'title', 'siteName', 'byline', 'publishedTime', 'createdAt', 'updatedAt', 'actors'],
      ['url', 'title', 'siteName', 'byline', 'publishedTime', 'createdAt', 'updatedAt', 'actors'],
    ]);
    expect(document['gloss:tags']).toHaveLength(3);
    expect(document['gloss:entityTags']).toHaveLength(2);
    expect(document['gloss:actors']).toHaveLength(2);
  });
});

describe('annotation ids', () => {
  it('are UUID URNs for UUIDs and Gloss URNs for anything else, and read back to the same id', () => {
    expect(annotationIri(UUID_ID)).toBe(`urn:uuid:${UUID_ID}`);
    expect(annotationIri(ODD_ID)).toBe('urn:gloss:annotation:legacy%2F1%20%C3%BC%3F%23%25');
    for (const id of [UUID_ID, ODD_ID, 'urn:uuid:not-a-uuid', 'urn:gloss:annotation:x', '__proto__']) {
      expect(annotationIdFromIri(annotationIri(id))).toBe(id);
    }
  });

  it('are the IRI a highlight was imported under, when it keeps one, and order the annotations', () => {
    const document = backupDocument(richSnapshot());
    expect(document.first.items.map((item) => item.id)).toEqual([
      LEGACY_IRI,
      `urn:uuid:${UUID_ID}`,
      'urn:uuid:6F9619FF-8B86-D011-B42D-00C04FC964FF',
      'urn:uuid:e0f1a2b3-0000-4000-8000-000000000001',
    ]);
    expect(JSON.stringify(document)).not.toContain(LEGACY_ID);
  });

  it("keep another tool's IRI whole, and refuse a badly encoded Gloss URN", () => {
    expect(annotationIdFromIri('https://hypothes.is/a/abc123')).toBe('https://hypothes.is/a/abc123');
    expect(annotationIdFromIri('urn:gloss:annotation:%E0%A4%A')).toBeNull();
  });
});

describe('backupJson', () => {
  it('gives the same text for the same records in any order', () => {
    const snapshot = richSnapshot();
    const shuffled = {
      pages: [...snapshot.pages].reverse(),
      annotations: [...snapshot.annotations].reverse(),
      tags: [...snapshot.tags].reverse(),
      entityTags: [...snapshot.entityTags].reverse(),
      actors: [...snapshot.actors].reverse(),
      aliasPicks: [...(snapshot.aliasPicks ?? [])].reverse(),
      settings: [...(snapshot.settings ?? [])].reverse(),
      pausedSites: [...(snapshot.pausedSites ?? [])].reverse(),
    };
    expect(backupJson(shuffled)).toBe(backupJson(snapshot));
  });

  it('is pretty-printed with two spaces and ends with a newline', () => {
    const text = backupJson(empty);
    expect(text.startsWith('{\n  "@context": [\n    "http://www.w3.org/ns/anno.jsonld",')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });
});
