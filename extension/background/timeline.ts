/**
 * Named moments in the background's timeline (`performance.mark`), read by `npm run bench` to say where a
 * cold popup's time goes (bench/runners/entity-popup.ts). Only the latest mark of each name is kept, so
 * a long-lived background does not collect them.
 */
export function markMoment(name: string): void {
  performance.clearMarks(`gloss:${name}`);
  performance.mark(`gloss:${name}`);
}
