/**
 * The model's step of a scan: its spans for the text, joined with the rules' entities as the model's
 * file says (`combine`), overlaps settled again. Shared by the scanner and the evaluation.
 */
import { settleOverlaps } from '../settle-overlaps';
import type { Entity } from '../types';
import { combineWithModel, type Resolve } from './combine';
import type { EntityModel } from './entity-model';

export function applyModel(text: string, ruleEntities: readonly Entity[], model: EntityModel, resolve: Resolve): Entity[] {
  if (model.combine === 'rules') return [...ruleEntities];
  const spans = model.findSpans(text, ruleEntities);
  return settleOverlaps(combineWithModel(text, ruleEntities, spans, model.combine, resolve));
}
