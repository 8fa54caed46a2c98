import { describe, expect, it } from 'vitest';
import { entityKey } from '@/lib/entities/entity-key';
import type { PageExport } from '@/lib/export/page-export';
import { stixBundle } from '@/lib/export/stix/stix-bundle';
import type { StixReport } from '@/lib/export/stix/stix-types';
import { entityTagId } from '@/lib/storage/entity-tag-store';
import type { PageRecord } from '@/lib/storage/records';
import { stixViolations } from './stix-rules';

const KEY = 'urn:x-pdf:7524424c8dd47c47d284cf6ed827a72b';

function pdfExport(page: PageRecord): PageExport {
  const key = entityKey({ kind: 'threat-actor', canonical: 'Storm-1152' });
  return {
    page,
    annotations: [],
    entityTags: [
      {
        id: entityTagId(page.url, key),
        pageUrl: page.url,
        entityKey: key,
        kind: 'threat-actor',
        name: 'Storm-1152',
        canonical: 'Storm-1152',
        status: 'confirmed',
        createdAt: 10,
        updatedAt: 10,
      },
    ],
    actors: [{ key: 'storm-1152', canonical: 'Storm-1152', aliases: [] }],
  };
}

const reportOf = (page: PageRecord) => (stixBundle([pdfExport(page)]).objects ?? []).find((o): o is StixReport => o.type === 'report');

describe('STIX reports of PDFs', () => {
  it("carry the PDF's address, and its document key as the external id", () => {
    const bundle = stixBundle([
      pdfExport({
        url: 'https://vendor.example/r/storm.pdf',
        documentKey: KEY,
        title: 'Storm-1152',
        siteName: 'vendor.example',
        createdAt: 1,
        updatedAt: 2,
      }),
    ]);
    const report = (bundle.objects ?? []).find((o): o is StixReport => o.type === 'report');
    expect(report?.external_references).toEqual([
      { source_name: 'vendor.example', url: 'https://vendor.example/r/storm.pdf', external_id: KEY },
    ]);
    expect(stixViolations(bundle)).toEqual([]);
  });

  it('of a local PDF (no address) carry only the document key', () => {
    const report = reportOf({ url: KEY, documentKey: KEY, title: 'Local report', siteName: null, createdAt: 1, updatedAt: 2 });
    expect(report?.external_references).toEqual([{ source_name: 'PDF document', external_id: KEY }]);
  });
});
