/**
 * The model's step of a scan: its spans for the text, joined with the rules' entities as the model's
 * file says (`combine`), overlaps settled again. Shared by the scanner and the evaluation.
 */
import { settleOverlaps } from '../settle-overlaps';
import type { Entity } from '../types';
import { combineWithModel, type Resolve } from './combine';
import type { CombineMode, EntityModel, ModelSpan } from './entity-model';

export function applyModel(text: string, ruleEntities: readonly Entity[], model: EntityModel, resolve: Resolve): Entity[] {
  if (model.combine === 'rules') return [...ruleEntities];
  return joinModelSpans(text, ruleEntities, model.findSpans(text, ruleEntities), model.combine, resolve);
}

/** The model's spans (`findSpans`) joined with the rules' entities (the evaluation also reads the spans). */
export function joinModelSpans(
  text: string,
  ruleEntities: readonly Entity[],
  spans: readonly ModelSpan[],
  combine: CombineMode,
  resolve: Resolve,
): Entity[] {
  if (combine === 'rules') return [...ruleEntities];
  return settleOverlaps(combineWithModel(text, ruleEntities, spans, combine, resolve));
}
