/** ATT&CK ids for tagged software and techniques, from the shipped data (tags store only names). */
import { formKey } from '../entities/dictionary';
import type { EntityData } from '../entities/scan-entities';
import type { PageExport } from './page-export';
import type { AttackIdLookup } from './stix/entity-objects';

/** A confirmed entity whose ATT&CK id an export wants. */
export interface AttackIdQuery {
  kind: 'malware' | 'tool' | 'technique';
  canonical: string;
}

export function attackIdLookup(data: Pick<EntityData, 'software' | 'techniques'>): AttackIdLookup {
  const software = new Map<string, string>();
  for (const record of data.software ?? []) {
    if (!record.mitre_id) continue;
    for (const name of [record.name, ...record.aliases]) if (!software.has(formKey(name))) software.set(formKey(name), record.mitre_id);
  }
  const techniques = new Map<string, string>();
  const all = data.techniques?.techniques ?? [];
  const nameOf = new Map(all.map((technique) => [technique.id, technique.name]));
  for (const technique of all) {
    // A sub-technique's canonical name is "Parent: Name" (attack-techniques.ts), the one a confirmation keeps;
    // its own name alone ("Domain Accounts") can belong to several sub-techniques.
    const parent = technique.parent ? nameOf.get(technique.parent) : undefined;
    if (parent) techniques.set(formKey(`${parent}: ${technique.name}`), technique.id);
    if (!parent || !techniques.has(formKey(technique.name))) techniques.set(formKey(technique.name), technique.id);
    techniques.set(formKey(technique.id), technique.id);
  }
  return (kind, canonical) => (kind === 'technique' ? techniques : software).get(formKey(canonical));
}

const QUERIED_KINDS = new Set<string>(['malware', 'tool', 'technique']);
const queryKey = (kind: string, canonical: string) => `${kind}\n${formKey(canonical)}`;

/** The confirmed software and techniques of the pages, once each: what to ask ids for. */
export function attackIdQueries(pages: readonly PageExport[]): AttackIdQuery[] {
  const queries = new Map<string, AttackIdQuery>();
  for (const tag of pages.flatMap((page) => page.entityTags)) {
    if (tag.status !== 'confirmed' || !QUERIED_KINDS.has(tag.kind)) continue;
    queries.set(queryKey(tag.kind, tag.canonical), { kind: tag.kind as AttackIdQuery['kind'], canonical: tag.canonical });
  }
  return [...queries.values()];
}

/** A lookup over answers obtained elsewhere (the library asks the background, which has the data). */
export function answeredLookup(queries: readonly AttackIdQuery[], ids: readonly (string | null)[]): AttackIdLookup {
  const known = new Map<string, string>();
  queries.forEach((query, i) => {
    if (ids[i]) known.set(queryKey(query.kind, query.canonical), ids[i]!);
  });
  return (kind, canonical) => known.get(queryKey(kind, canonical));
}
