/** Pages, tags and highlights the STIX export tests build their bundles from (the sample article and small made-up pages). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { entityKey } from '@/lib/entities/entity-key';
import type { EntityKind } from '@/lib/entities/types';
import type { ActorProfile, PageExport } from '@/lib/export/page-export';
import { placeLookup } from '@/lib/export/place-facts';
import { stixBundle, type StixExportOptions } from '@/lib/export/stix/stix-bundle';
import type { StixObject } from '@/lib/export/stix/stix-types';
import { entityTagId } from '@/lib/storage/entity-tag-store';
import type { AnnotationRecord, EntityTagRecord, EntityTagStatus } from '@/lib/storage/records';
import { FIXTURES_DIR } from '../../../../harness/paths';

export const GOLDEN = path.join(FIXTURES_DIR, 'golden', 'storm-1152.stix.json');
/** Where places are, from the list Gloss ships. */
export const PLACES = placeLookup(JSON.parse(readFileSync(path.join(FIXTURES_DIR, '..', '..', 'data', 'places.json'), 'utf8')));
export const URL = 'https://news.example/storm-1152';
export const SHA256 = 'c6d8f9adb1423d7f64977708367502bc34ba7439fa7069fd7aae82fc761e2fa1';
export const at = (hour: number, minute: number) => Date.UTC(2023, 11, 15, hour, minute);

export const SCATTERED_SPIDER: ActorProfile = {
  key: 'scattered spider',
  canonical: 'Scattered Spider',
  aliases: ['Octo Tempest', 'Roasted 0ktapus', 'Storm-0875', 'UNC3944', 'Muddled Libra', 'Oktapus', 'Scattered Swine', '0ktapus'],
  attackId: 'G1015',
};
export const STORM_1152: ActorProfile = { key: 'storm-1152', canonical: 'Storm-1152', aliases: [] };

export function tag(
  pageUrl: string,
  kind: EntityKind,
  name: string,
  canonical = name,
  { status = 'confirmed', created = at(8, 5), updated = created }: { status?: EntityTagStatus; created?: number; updated?: number } = {},
): EntityTagRecord {
  const key = entityKey({ kind, canonical });
  return { id: entityTagId(pageUrl, key), pageUrl, entityKey: key, kind, name, canonical, status, createdAt: created, updatedAt: updated };
}

export function highlight(pageUrl: string, id: string, exact: string, note: string, start = 120, tags: string[] = []): AnnotationRecord {
  return {
    id,
    pageUrl,
    color: 'yellow',
    note,
    tags,
    createdAt: at(8, 15),
    updatedAt: at(8, 18),
    target: {
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
    },
  };
}

export function page(url: string, overrides: Partial<PageExport> = {}, title = 'A report'): PageExport {
  return {
    page: { url, title, siteName: 'Security Newsroom', byline: null, publishedTime: null, createdAt: at(8, 0), updatedAt: at(8, 20) },
    annotations: [],
    entityTags: [],
    actors: [],
    ...overrides,
  };
}

/**
 * The sample article as a researcher leaves it: two actors confirmed, one rejected, two indicators, the
 * company that took the group down and the country its case was filed in, one highlight.
 */
export function samplePage(): PageExport {
  const sample = page(
    URL,
    {
      entityTags: [
        tag(URL, 'threat-actor', 'Storm-1152'),
        tag(URL, 'threat-actor', 'Octo Tempest', 'Scattered Spider', { created: at(8, 6), updated: at(8, 10) }),
        tag(URL, 'threat-actor', 'Storm-0558', 'Storm-0558', { status: 'rejected', created: at(8, 7) }),
        tag(URL, 'indicator', '198.51.100.23', '198.51.100.23', { created: at(8, 12) }),
        tag(URL, 'indicator', SHA256, SHA256, { created: at(8, 13) }),
        tag(URL, 'organization', 'Microsoft', 'Microsoft', { created: at(8, 14) }),
        tag(URL, 'place', 'US', 'United States', { created: at(8, 14), updated: at(8, 16) }),
      ],
      annotations: [
        highlight(
          URL,
          '5f0c7a52-2d1e-4b8a-9a51-0d6f3c2b7e11',
          'Storm-1152, the group behind 750 million fraudulent Microsoft accounts',
          'Sold CAPTCHA-solving services; Octo Tempest was a customer.',
          312,
          ['storm-1152', 'fraud'],
        ),
      ],
      actors: [SCATTERED_SPIDER, STORM_1152],
    },
    'Microsoft Takes Down Cybercrime Group Storm-1152 and Disrupts Illicit Activities',
  );
  sample.page.publishedTime = '2023-12-14T09:00:00+00:00';
  sample.page.byline = 'Newsroom Staff';
  return sample;
}

export const objectsOf = (pages: PageExport[], options: StixExportOptions = {}) => stixBundle(pages, options).objects ?? [];
export const ofType = <T extends StixObject['type']>(objects: StixObject[], type: T) =>
  objects.filter((o): o is Extract<StixObject, { type: T }> => o.type === type);
