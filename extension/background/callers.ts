/**
 * Who sent a message, from the browser's own account of the sender (never from anything the message
 * says). Gloss answers two kinds of caller:
 * - its own pages (popup, library, later a viewer or side panel): Gloss's extension id and an address
 *   under the extension's root. Classified by address, not by tab: an extension page opened as a tab
 *   (as the tests open the popup) has a tab too;
 * - its content script in a web page: Gloss's extension id, a tab, the top frame, an http(s) address.
 *   Such a caller speaks for that tab and page only.
 * Anything else (another extension, a sub-frame, an address Gloss cannot keep) is refused.
 */
import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';
import type { GlossRequestType } from '@/lib/messaging/contract';
import {
  requestCaller,
  type ContentScriptRequestType,
  type EitherCallerRequestType,
  type PdfViewerRequestType,
} from '@/lib/messaging/request-callers';
import { normalizePageUrl } from '@/lib/url/normalize-url';

type Sender = Browser.runtime.MessageSender;

/*
 * Callers share no field names with MessageSender, so a handler still written for the raw sender does
 * not compile against them.
 */
export interface ExtensionPageCaller {
  kind: 'extension-page';
  /** The page's own address, under the extension's root. */
  extensionUrl: string;
}

/** Always the top frame of its tab: content scripts in other frames are refused. */
export interface ContentScriptCaller {
  kind: 'content-script';
  tabId: number;
  /** The normalised address of the sender's page (lib/url/normalize-url.ts): the only page it may read or change. */
  pageUrl: string;
}

export type Caller = ExtensionPageCaller | ContentScriptCaller;

/** The caller a handler of request type K is given. */
export type CallerFor<K extends GlossRequestType> = K extends ContentScriptRequestType
  ? ContentScriptCaller
  : K extends EitherCallerRequestType
    ? Caller
    : K extends PdfViewerRequestType
      ? PdfViewerCaller
      : ExtensionPageCaller;

/** Gloss's PDF viewer: an extension page at pdf.html, the only caller that writes a PDF's highlights. */
export interface PdfViewerCaller extends ExtensionPageCaller {
  viewer: 'pdf';
}

/** The viewer's page (entrypoints/pdf), whatever document its query names. */
export const PDF_VIEWER_PATH = '/pdf.html';

/** A request refused for who sent it or for what it asks; the message says which and why. */
export class RefusedRequest extends Error {
  override name = 'RefusedRequest';
}

/**
 * Whether `url` is one of Gloss's own pages (moz-extension://<uuid>/… or chrome-extension://<id>/…).
 * Chrome may report a page under the extension's id while runtime.getURL answers with the per-session
 * address of a `use_dynamic_url` resource: either host is Gloss's.
 */
export function isExtensionUrl(url: unknown): url is string {
  if (typeof url !== 'string') return false;
  const own = new URL(browser.runtime.getURL('/'));
  const parsed = URL.canParse(url) ? new URL(url) : null;
  return parsed !== null && parsed.protocol === own.protocol && [own.host, browser.runtime.id].includes(parsed.host);
}

/** Whether the message comes from Gloss itself, not from a content script: the background or an extension page. */
export function isFromExtension(sender: Sender): boolean {
  return sender.id === browser.runtime.id && (sender.tab === undefined || isExtensionUrl(sender.url));
}

/** The caller, or why the sender is none Gloss answers. */
export function classifySender(sender: Sender): Caller | { refused: string } {
  if (sender.id !== browser.runtime.id) return { refused: 'Gloss answers only its own pages and its own content script' };
  if (isExtensionUrl(sender.url)) return { kind: 'extension-page', extensionUrl: sender.url };
  const tabId = sender.tab?.id;
  if (typeof tabId !== 'number' || !Number.isInteger(tabId) || tabId < 0) {
    return { refused: 'the sender is neither a Gloss page nor a web page in a tab' };
  }
  if (sender.frameId !== 0) return { refused: 'Gloss answers content scripts only in the top frame of a page' };
  const url = sender.url ?? '';
  const pageUrl = /^https?:\/\//i.test(url) ? normalizePageUrl(url) : null;
  if (!pageUrl) return { refused: 'Gloss answers content scripts only in http and https pages' };
  return { kind: 'content-script', tabId, pageUrl };
}

/** The caller of request `type`, or a RefusedRequest naming the request and why it is refused. */
export function admitCaller<K extends GlossRequestType>(type: K, sender: Sender): CallerFor<K> {
  const caller = classifySender(sender);
  if ('refused' in caller) throw new RefusedRequest(`${type}: ${caller.refused}.`);
  const allowed = requestCaller(type);
  if (allowed === 'extension-page' && caller.kind !== 'extension-page') {
    throw new RefusedRequest(`${type} is answered only for Gloss's own pages.`);
  }
  if (allowed === 'content-script' && caller.kind !== 'content-script') {
    throw new RefusedRequest(`${type} is answered only for Gloss's content script in the page it runs in.`);
  }
  if (allowed === 'pdf-viewer') {
    if (caller.kind !== 'extension-page' || new URL(caller.extensionUrl).pathname !== PDF_VIEWER_PATH) {
      throw new RefusedRequest(`${type} is answered only for Gloss's PDF viewer.`);
    }
    return { ...caller, viewer: 'pdf' } as CallerFor<K>;
  }
  return caller as CallerFor<K>;
}

/** Whether a broadcast comes from Gloss's content script in the top frame of tab `tabId`. */
export function isContentScriptOfTab(sender: Sender, tabId: number): boolean {
  const caller = classifySender(sender);
  return !('refused' in caller) && caller.kind === 'content-script' && caller.tabId === tabId;
}

/**
 * Whether the sender is Gloss's PDF viewer (pdf.html) in the top frame of tab `tabId`. For the popup and
 * side panel of that tab it is what a page's content script is for a web page's tab: its placement news
 * is taken from it, and from no other of Gloss's pages, frames or tabs.
 */
export function isPdfViewerOfTab(sender: Sender, tabId: number): boolean {
  return (
    sender.id === browser.runtime.id &&
    isExtensionUrl(sender.url) &&
    new URL(sender.url).pathname === PDF_VIEWER_PATH &&
    sender.tab?.id === tabId &&
    (sender.frameId === undefined || sender.frameId === 0)
  );
}
