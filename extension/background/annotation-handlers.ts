import type { GlossRequest, GlossResponse } from '@/lib/messaging/contract';
import {
  annotationsForPage,
  createAnnotation,
  deleteAnnotation,
  restoreAnnotation,
  retargetAnnotation,
  updateAnnotation,
} from '@/lib/storage/annotation-store';
import { cleanPageDetails } from '@/lib/storage/page-store';
import { checkAnnotationChanges, checkAnnotationRecord, checkAnnotationTarget } from '@/lib/storage/record-rules';
import type { AnnotationRecord } from '@/lib/storage/records';
import { announceChange } from './announce-change';
import { RefusedRequest, type Caller, type ContentScriptCaller } from './callers';
import { recordActorsOfTab } from './entity-handlers';
import { glossDatabase } from './database';
import { refuseIfPaused } from './site-pause-handlers';
import { executeFileInTab } from './execute-in-tab';
import { tagsInUse } from '@/lib/storage/reader-habits';

/*
 * Highlights asked for by a content script are its own page's: it names no page (the background files
 * them under the sender's own normalised address), and a change by id first checks, in the same
 * transaction, that the stored record belongs to that page; otherwise nothing changes. Records, targets
 * and changes that arrive by message meet the rules a backup's records meet (lib/storage/record-rules.ts).
 */

async function announced<T extends { pageUrl: string } | null>(record: T): Promise<T> {
  if (record) await announceChange(record.pageUrl);
  return record;
}

const OTHER_PAGE = 'that highlight belongs to another page';
const PDF_HIGHLIGHT = "that highlight is a PDF's, which only Gloss's PDF viewer changes";

/**
 * Runs `change` on highlight `id` in one transaction, after checking that a content script asks about a
 * highlight of its own page (extension pages may change any). A missing highlight gives null.
 */
async function changeOwnRecord(
  type: string,
  id: string,
  caller: Caller,
  change: () => Promise<AnnotationRecord | null>,
): Promise<AnnotationRecord | null> {
  const db = glossDatabase();
  return db.transaction('rw', db.pages, db.annotations, db.tags, async () => {
    const existing = await db.annotations.get(id);
    if (!existing) return null;
    if (caller.kind === 'content-script' && existing.pageUrl !== caller.pageUrl) throw new RefusedRequest(`${type}: ${OTHER_PAGE}.`);
    // A PDF's highlight is the viewer's (one of Gloss's pages), even when the PDF is filed under the very
    // address a web page now shows.
    if (caller.kind === 'content-script' && existing.documentKey !== undefined) throw new RefusedRequest(`${type}: ${PDF_HIGHLIGHT}.`);
    return change();
  });
}

/** The page's own highlights; a PDF's, filed under the same address, are the PDF viewer's to show. */
export async function pageAnnotations(_request: GlossRequest<'page-annotations'>, caller: ContentScriptCaller) {
  return (await annotationsForPage(glossDatabase(), caller.pageUrl)).filter((record) => record.documentKey === undefined);
}

/** Injects the highlighter into the sender's tab (top frame), where the always-on loader asked for it. */
export async function loadHighlighter(_request: GlossRequest<'load-highlighter'>, caller: ContentScriptCaller) {
  await refuseIfPaused(caller, 'load-highlighter');
  await executeFileInTab(caller.tabId, '/highlighter.js');
  return true;
}

export async function createForSender(
  request: GlossRequest<'create-annotation'>,
  caller: ContentScriptCaller,
): Promise<GlossResponse<'create-annotation'>> {
  await refuseIfPaused(caller, 'create-annotation');
  const target = checkAnnotationTarget(request.target, 'create-annotation target');
  const { color, note, tags } = checkAnnotationChanges(
    { color: request.color, note: request.note, tags: request.tags },
    'create-annotation',
  );
  const details = cleanPageDetails(request.page);
  const page = caller.pageUrl;
  const firstOnPage = !(await glossDatabase().pages.get(page));
  const record = await announced(await createAnnotation(glossDatabase(), { pageUrl: page, target, color, note, tags }, details));
  // A newly saved page learns which actors it mentions, so it can be found by actor without the popup.
  if (firstOnPage) void recordActorsOfTab(caller.tabId);
  return record;
}

/** From a content script (a highlight of its own page) or from Gloss's pages (popup, side panel, library: any). */
export async function update(request: GlossRequest<'update-annotation'>, caller: Caller) {
  const changes = checkAnnotationChanges(request.changes, 'update-annotation changes');
  return announced(
    await changeOwnRecord('update-annotation', request.id, caller, () => updateAnnotation(glossDatabase(), request.id, changes)),
  );
}

export async function retarget(request: GlossRequest<'retarget-annotation'>, caller: ContentScriptCaller) {
  const target = checkAnnotationTarget(request.target, 'retarget-annotation target');
  return announced(
    await changeOwnRecord('retarget-annotation', request.id, caller, () => retargetAnnotation(glossDatabase(), request.id, target)),
  );
}

/** From the popup (any highlight, e.g. an orphan by id) or from a content script (a highlight of its own page). */
export async function remove(request: GlossRequest<'delete-annotation'>, caller: Caller) {
  return announced(await changeOwnRecord('delete-annotation', request.id, caller, () => deleteAnnotation(glossDatabase(), request.id)));
}

/**
 * Puts a deleted highlight back (undo). The record must be whole and well formed. A content script may
 * restore only a record of its own page, and not in place of another page's highlight with the same id,
 * nor one that carries a PDF's document key;
 * Gloss's pages (popup, side panel, library) undo deletions of any page.
 */
export async function restore(request: GlossRequest<'restore-annotation'>, caller: Caller) {
  const record = checkAnnotationRecord(request.record, 'restore-annotation record');
  const ownPage = caller.kind === 'content-script' ? caller.pageUrl : null;
  if (ownPage !== null && record.pageUrl !== ownPage) throw new RefusedRequest(`restore-annotation: ${OTHER_PAGE}.`);
  // A PDF's highlights are shown wherever its document key is (lib/storage/document-store.ts): a web
  // page must not slip one in among a PDF's. Only Gloss's own pages (the PDF viewer) make them.
  if (ownPage !== null && record.documentKey !== undefined)
    throw new RefusedRequest("restore-annotation: a web page cannot restore a PDF's highlight.");
  const db = glossDatabase();
  const restored = await db.transaction('rw', db.pages, db.annotations, db.tags, async () => {
    const existing = await db.annotations.get(record.id);
    if (existing && existing.pageUrl !== record.pageUrl) throw new RefusedRequest(`restore-annotation: ${OTHER_PAGE}.`);
    return restoreAnnotation(db, record);
  });
  return announced(restored);
}

/** Caller: extension pages (the in-page UI frame's tag field). The tags in use, for its suggestions. */
export async function tagSuggestions(_request: GlossRequest<'tags-in-use'>): Promise<GlossResponse<'tags-in-use'>> {
  return tagsInUse(glossDatabase());
}
