import type { EntityMark, GlossRequest } from '@/lib/messaging/contract';
import type { EntityMarkerGlobal } from '../page/entity-marks';
import { ENTITY_HIGHLIGHT_NAMES } from '../page/entity-painter';
import { executeFileInTab, inTabOr } from './execute-in-tab';

/*
 * The functions below are serialised into the page, so they only use their arguments and the marker
 * that /entity-marker.js published in the same isolated world (the type import is erased).
 */
function markInPage(marks: EntityMark[], focus: number | null) {
  const marker = (globalThis as unknown as EntityMarkerGlobal).__glossEntityMarker;
  return marker ? marker.mark(marks, focus) : { located: marks.map(() => false) };
}

function focusInPage(index: number) {
  const marker = (globalThis as unknown as EntityMarkerGlobal).__glossEntityMarker;
  return marker ? marker.focus(index) : { found: false };
}

function clearInPage() {
  const marker = (globalThis as unknown as EntityMarkerGlobal).__glossEntityMarker;
  return marker ? marker.clear() : { ok: true };
}

export async function markEntities({ tabId, marks, focus }: GlossRequest<'mark-entities'>) {
  const notFound = { located: marks.map(() => false) };
  try {
    await executeFileInTab(tabId, '/entity-marker.js');
  } catch (error) {
    // The popup can only say "not found"; the reason goes to the background's console for whoever debugs it.
    console.warn('Gloss could not mark entities in tab', tabId, error);
    return notFound;
  }
  return inTabOr(tabId, markInPage, [marks, focus], notFound);
}

export function focusEntityMark({ tabId, index }: GlossRequest<'focus-entity-mark'>) {
  return inTabOr(tabId, focusInPage, [index], { found: false });
}

/**
 * Whether the page still shows entity marks, e.g. from an earlier popup. Asks the highlight registry
 * by name: Firefox lets a content script call `has` on it, but not iterate it.
 */
function marksShownInPage(names: string[]) {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return { shown: false };
  return { shown: names.some((name) => CSS.highlights.has(name)) };
}

export function entityMarksShown({ tabId }: GlossRequest<'entity-marks-shown'>) {
  return inTabOr(tabId, marksShownInPage, [[...ENTITY_HIGHLIGHT_NAMES]], { shown: false });
}

export function clearEntityMarks({ tabId }: GlossRequest<'clear-entity-marks'>) {
  return inTabOr(tabId, clearInPage, [], { ok: false });
}
