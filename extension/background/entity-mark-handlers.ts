import type { EntityMark, GlossRequest } from '@/lib/messaging/contract';
import { ENTITY_HIGHLIGHT_NAMES } from '../page/entity-painter';
import { executeFileInTab, executeFunctionInTab } from './execute-in-tab';

/*
 * The functions below are serialised into the page, so they only use their arguments and the marker
 * that /entity-marker.js published in the same isolated world.
 */
type Marker = {
  mark: (marks: EntityMark[], focus: number | null) => { located: boolean[] };
  focus: (index: number) => { found: boolean };
  clear: () => { ok: boolean };
};

function markInPage(marks: EntityMark[], focus: number | null) {
  const marker = (globalThis as unknown as { __glossEntityMarker?: Marker }).__glossEntityMarker;
  return marker ? marker.mark(marks, focus) : { located: marks.map(() => false) };
}

function focusInPage(index: number) {
  const marker = (globalThis as unknown as { __glossEntityMarker?: Marker }).__glossEntityMarker;
  return marker ? marker.focus(index) : { found: false };
}

function clearInPage() {
  const marker = (globalThis as unknown as { __glossEntityMarker?: Marker }).__glossEntityMarker;
  return marker ? marker.clear() : { ok: true };
}

export async function markEntities({ tabId, marks, focus }: GlossRequest<'mark-entities'>) {
  try {
    await executeFileInTab(tabId, '/entity-marker.js');
    return (await executeFunctionInTab(tabId, markInPage, [marks, focus])) ?? { located: marks.map(() => false) };
  } catch (error) {
    // The popup can only say "not found"; the reason goes to the background's console for whoever debugs it.
    console.warn('Gloss could not mark entities in tab', tabId, error);
    return { located: marks.map(() => false) };
  }
}

export async function focusEntityMark({ tabId, index }: GlossRequest<'focus-entity-mark'>) {
  try {
    return (await executeFunctionInTab(tabId, focusInPage, [index])) ?? { found: false };
  } catch {
    return { found: false };
  }
}

/**
 * Whether the page still shows entity marks, e.g. from an earlier popup. Asks the highlight registry
 * by name: Firefox lets a content script call `has` on it, but not iterate it.
 */
function marksShownInPage(names: string[]) {
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return { shown: false };
  return { shown: names.some((name) => CSS.highlights.has(name)) };
}

export async function entityMarksShown({ tabId }: GlossRequest<'entity-marks-shown'>) {
  try {
    return (await executeFunctionInTab(tabId, marksShownInPage, [[...ENTITY_HIGHLIGHT_NAMES]])) ?? { shown: false };
  } catch {
    return { shown: false };
  }
}

export async function clearEntityMarks({ tabId }: GlossRequest<'clear-entity-marks'>) {
  try {
    return (await executeFunctionInTab(tabId, clearInPage, [])) ?? { ok: false };
  } catch {
    return { ok: false };
  }
}
