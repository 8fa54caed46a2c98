/**
 * Where the rules hold that a name is no actor the text is about, the model may not make it one either:
 * - a name in a line of a reference list ("[1] ESET, April 2018, Sednit update: …"), cited, not discussed
 *   (`reference-lines.ts`);
 * - a name borrowed by someone else ("extortionists posing as Lazarus Group", `impersonation-cues.ts`);
 * - a name in its common sense ("Turla, a Russian pop band", `common-sense-cues.ts`), which vetoes software too.
 * The model reads a name's words and its neighbours, not the line it stands in; it found such names again
 * where the rules had left them out.
 */
import { commonSenseCue } from '../common-sense-cues';
import { posingAs } from '../impersonation-cues';
import { findReferenceLines, inRanges, type TextRange } from '../reference-lines';

/** For a text: whether an actor at `[start, end)` is one the rules would veto. The reference lines are found once, when first asked. */
export function actorVetoes(text: string): (span: { start: number; end: number }) => boolean {
  let references: TextRange[] | undefined;
  return (span) => {
    references ??= findReferenceLines(text);
    return inRanges(references, span.start, span.end) || posingAs(text, span.start) || commonSenseCue(text, span.end);
  };
}

/** For a text: whether malware or a tool at `[start, end)` is a name the text uses in its common sense. */
export function softwareVetoes(text: string): (span: { start: number; end: number }) => boolean {
  return (span) => commonSenseCue(text, span.end);
}
