/**
 * The technique tagger's step of a scan: its mentions for the text (its features read what the rules
 * found, `ruled`), joined with the scan's entities so far (`found`: the rules' and the entity model's) as
 * `combine` says, overlaps settled again. Shared by the scanner and the evaluation.
 */
import { settleOverlaps } from '../../settle-overlaps';
import type { Entity } from '../../types';
import { combineTechniques, type TechniqueCombine } from './combine-techniques';
import type { TechniqueTagger } from './technique-tagger';

export function applyTechniqueTagger(
  text: string,
  ruled: readonly Entity[],
  found: readonly Entity[],
  tagger: TechniqueTagger,
  combine: TechniqueCombine,
): Entity[] {
  if (combine === 'rules') return [...found];
  return settleOverlaps(combineTechniques(text, found, tagger.findSpans(text, ruled), combine));
}
