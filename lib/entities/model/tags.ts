/**
 * What the entity model decides about a candidate span: nothing (`none`), or one of the three kinds it
 * judges. Techniques, organisations, places, indicators and vulnerabilities stay with their own finders.
 */
import type { EntityKind } from '../types';

export const MODEL_KINDS = ['threat-actor', 'malware', 'tool'] as const satisfies readonly EntityKind[];
export type ModelKind = (typeof MODEL_KINDS)[number];

export const CLASSES: readonly string[] = ['none', ...MODEL_KINDS];
export const NONE = 0;
export const classOf = (kind: ModelKind): number => 1 + MODEL_KINDS.indexOf(kind);
export const kindOfClass = (c: number): ModelKind => MODEL_KINDS[c - 1];

export const isModelKind = (kind: EntityKind): kind is ModelKind => (MODEL_KINDS as readonly string[]).includes(kind);
