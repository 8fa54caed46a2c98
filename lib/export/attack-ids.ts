/** ATT&CK ids for tagged software and techniques, from the shipped data (tags store only names). */
import { formKey } from '../entities/dictionary';
import type { EntityData } from '../entities/scan-entities';
import type { AttackIdLookup } from './stix/entity-objects';

export function attackIdLookup(data: Pick<EntityData, 'software' | 'techniques'>): AttackIdLookup {
  const software = new Map<string, string>();
  for (const record of data.software ?? []) {
    if (!record.mitre_id) continue;
    for (const name of [record.name, ...record.aliases]) if (!software.has(formKey(name))) software.set(formKey(name), record.mitre_id);
  }
  const techniques = new Map<string, string>();
  for (const technique of data.techniques?.techniques ?? []) {
    techniques.set(formKey(technique.name), technique.id);
    techniques.set(formKey(technique.id), technique.id);
  }
  return (kind, canonical) => (kind === 'technique' ? techniques : software).get(formKey(canonical));
}
