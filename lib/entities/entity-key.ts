/**
 * Stable keys for entities, used to store a researcher's tags and to find pages by actor. Both fold
 * case and spacing, so "Octo Tempest" and "octo  tempest" are one name.
 */
import { formKey } from './dictionary';
import type { EntityKind } from './types';

/** The key of a threat actor: its case-folded canonical name. */
export function actorKey(canonical: string): string {
  return formKey(canonical);
}

/** The key of any entity: its kind and case-folded canonical name. */
export function entityKey(entity: { kind: EntityKind; canonical: string }): string {
  return `${entity.kind}:${formKey(entity.canonical)}`;
}
