import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { jsonExport, markdownExport, stixExport } from '@/lib/export/export-files';
import { pageMarkdown } from '@/lib/export/markdown';
import type { PageExport } from '@/lib/export/page-export';
import type { PageRecord } from '@/lib/storage/records';

const at = new Date('2026-11-26T10:00:00Z');
const page = (url: string, title: string): PageExport => ({
  page: { url, title, siteName: null, createdAt: 1000, updatedAt: 2000, actors: [] } as PageRecord,
  annotations: [
    {
      id: `id-${url}`,
      pageUrl: url,
      color: 'yellow',
      note: '',
      tags: [],
      createdAt: 1000,
      updatedAt: 1000,
      target: {
        quote: { type: 'TextQuoteSelector', exact: `Quote on ${title}`, prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 0, end: 10 },
      },
    },
  ],
  entityTags: [],
  actors: [],
});

describe('export files', () => {
  it('gives one page as a .md file named after its title', () => {
    const file = markdownExport([page('https://a.example/1', 'Storm-1152: the takedown')], at);
    expect(file.fileName).toBe('Storm-1152 - the takedown.md');
    expect(file.mimeType).toBe('text/markdown');
    expect(file.data).toContain('> Quote on Storm-1152: the takedown');
  });

  it('zips several pages, one file each, without two files sharing a name', () => {
    const file = markdownExport(
      [page('https://a.example/1', 'Same'), page('https://a.example/2', 'Same'), page('https://a.example/3', 'Other')],
      at,
    );
    expect(file.fileName).toBe('gloss-markdown-2026-11-26.zip');
    const files = unzipSync(file.data as Uint8Array);
    expect(Object.keys(files).sort()).toEqual(['Other.md', 'Same (2).md', 'Same.md']);
    expect(strFromU8(files['Same (2).md'])).toContain('https://a.example/2');
  });

  it('stores each page’s note in the zip as it is, uncompressed, since deflating a whole library takes seconds', () => {
    const pages = [page('https://a.example/1', 'One'), page('https://a.example/2', 'Two ↗ café')];
    const zip = markdownExport(pages, at).data as Uint8Array;
    const latin1 = (bytes: Uint8Array) => strFromU8(bytes, true);
    for (const one of pages) expect(latin1(zip)).toContain(latin1(strToU8(pageMarkdown(one, at))));
    const files = unzipSync(zip);
    expect(strFromU8(files['Two ↗ café.md'])).toBe(pageMarkdown(pages[1], at));
  });

  it('names a page’s backup and STIX after the page, and everything’s after the day', () => {
    const one = page('https://a.example/1', 'Report');
    const snapshot = { pages: [one.page], annotations: one.annotations, tags: [], entityTags: [], actors: [] };
    expect(jsonExport(snapshot, at, one.page).fileName).toBe('Report.gloss.json');
    expect(jsonExport(snapshot, at).fileName).toBe('gloss-backup-2026-11-26.json');
    expect(JSON.parse(jsonExport(snapshot, at).data as string).type).toBe('AnnotationCollection');
    expect(stixExport([one], at).fileName).toBe('Report.stix.json');
    expect(JSON.parse(stixExport([one, page('https://a.example/2', 'B')], at).data as string).type).toBe('bundle');
  });
});
