import type { Browser } from 'wxt/browser';
import type { GlossRequest, GlossResponse } from '@/lib/messaging/contract';
import {
  annotationsForPage, createAnnotation, pageHasAnnotations, deleteAnnotation, restoreAnnotation, retargetAnnotation, updateAnnotation,
} from '@/lib/storage/annotation-store';
import { cleanPageDetails } from '@/lib/storage/page-store';
import { normalizePageUrl } from '@/lib/url/normalize-url';
import { announceChange } from './announce-change';
import { recordActorsOfTab } from './entity-handlers';
import { glossDatabase } from './database';
import { executeFileInTab } from './execute-in-tab';

type Sender = Browser.runtime.MessageSender;

/** The page a content script speaks for: its own frame's address, never one it claims. */
function senderPage(sender: Sender): string | null {
  if (!sender.tab || sender.frameId !== 0) return null;
  return normalizePageUrl(sender.url ?? sender.tab.url ?? '');
}

async function announced<T extends { pageUrl: string } | null>(record: T): Promise<T> {
  if (record) await announceChange(record.pageUrl);
  return record;
}

export async function pageAnnotations(_request: GlossRequest<'page-annotations'>, sender: Sender) {
  const page = senderPage(sender);
  return page ? annotationsForPage(glossDatabase(), page) : [];
}

export async function senderPageHasAnnotations(_request: GlossRequest<'page-has-annotations'>, sender: Sender) {
  const page = senderPage(sender);
  return page ? pageHasAnnotations(glossDatabase(), page) : false;
}

/** Injects the highlighter into the sender's top frame, where the always-on loader asked for it. */
export async function loadHighlighter(_request: GlossRequest<'load-highlighter'>, sender: Sender) {
  if (sender.tab?.id === undefined || sender.frameId !== 0) return false;
  await executeFileInTab(sender.tab.id, '/highlighter.js');
  return true;
}

export async function createForSender(
  request: GlossRequest<'create-annotation'>,
  sender: Sender,
): Promise<GlossResponse<'create-annotation'>> {
  const page = senderPage(sender);
  if (!page) return null;
  const details = cleanPageDetails(request.page);
  const firstOnPage = !(await glossDatabase().pages.get(page));
  const record = await announced(
    await createAnnotation(glossDatabase(), { pageUrl: page, target: request.target, color: request.color, note: request.note, tags: request.tags }, details),
  );
  // A newly saved page learns which actors it mentions, so it can be found by actor without the popup.
  if (record && firstOnPage && sender.tab?.id !== undefined) void recordActorsOfTab(sender.tab.id);
  return record;
}

export async function update(request: GlossRequest<'update-annotation'>) {
  return announced(await updateAnnotation(glossDatabase(), request.id, request.changes));
}

export async function retarget(request: GlossRequest<'retarget-annotation'>) {
  return announced(await retargetAnnotation(glossDatabase(), request.id, request.target));
}

export async function remove(request: GlossRequest<'delete-annotation'>) {
  return announced(await deleteAnnotation(glossDatabase(), request.id));
}

export async function restore(request: GlossRequest<'restore-annotation'>) {
  return announced(await restoreAnnotation(glossDatabase(), request.record));
}
