import { browser } from 'wxt/browser';
import type { GlossRequest, GlossResponse, SitePauseChangedEvent } from '@/lib/messaging/contract';
import { pageHasAnnotations } from '@/lib/storage/annotation-store';
import { readSettings } from '@/lib/storage/settings-store';
import { isSitePaused, pauseSite, resumeSite } from '@/lib/storage/site-pause-store';
import { isSiteKey, siteOfUrl } from '@/lib/url/site';
import { RefusedRequest, type ContentScriptCaller } from './callers';
import { glossDatabase } from './database';
import { clearEntityMarks } from './entity-mark-handlers';
import { sendTabCommand } from './tab-commands';

/*
 * "Pause Gloss on this site": the setting lives here, in the background's database, so a page can
 * neither read nor change it. Paused, a site's pages get no toolbar, no painting and no work from the
 * content script; the settings page lists the paused sites and resumes them.
 */

/**
 * Caller: content script (the always-on loader; the router admits only a tab's top frame). Answers for
 * the sender's own page, never for a page it names: whether its site is paused and, if not, whether its
 * page has highlights.
 */
export async function siteStatus(
  _request: GlossRequest<'site-status'>,
  caller: ContentScriptCaller,
): Promise<GlossResponse<'site-status'>> {
  const db = glossDatabase();
  const settings = await readSettings(db);
  const site = siteOfUrl(caller.pageUrl);
  if (!site) return { paused: false, hasAnnotations: false, settings };
  if (await isSitePaused(db, site)) return { paused: true, hasAnnotations: false, settings };
  return { paused: false, hasAnnotations: await pageHasAnnotations(db, caller.pageUrl), settings };
}

/** Refuses work for a page on a paused site, whatever its content script asks (the loader should not ask). */
export async function refuseIfPaused(caller: ContentScriptCaller, type: string): Promise<void> {
  const site = siteOfUrl(caller.pageUrl);
  if (site && (await isSitePaused(glossDatabase(), site))) throw new RefusedRequest(`${type}: Gloss is paused on ${site}.`);
}

/** Caller: extension pages (the popup). The tab's site, null for pages that are not web pages. */
export async function tabSitePause({ tabId }: GlossRequest<'tab-site-pause'>): Promise<GlossResponse<'tab-site-pause'>> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  const site = tab?.url ? siteOfUrl(tab.url) : null;
  return { site, paused: site ? await isSitePaused(glossDatabase(), site) : false };
}

/** Caller: extension pages (the popup, the settings page). Stores the setting, then tells every view of the site. */
export async function setSitePaused({ site, paused }: GlossRequest<'set-site-paused'>): Promise<GlossResponse<'set-site-paused'>> {
  if (!isSiteKey(site)) return { ok: false, message: 'Gloss can only pause web sites.' };
  const db = glossDatabase();
  if (paused) await pauseSite(db, site);
  else await resumeSite(db, site);
  await announceSitePause(site, paused);
  return { ok: true };
}

/**
 * Tells extension pages (an open library or settings page updates its list) and every open tab of the
 * site, whose loader stops or starts Gloss there at once; pausing also takes entity marks away.
 */
export async function announceSitePause(site: string, paused: boolean): Promise<void> {
  const event: SitePauseChangedEvent = { type: 'site-pause-changed', site, paused };
  browser.runtime.sendMessage(event).catch(() => undefined);
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.flatMap((tab) => {
      const tabId = tab.id;
      if (tabId === undefined || !tab.url || siteOfUrl(tab.url) !== site) return [];
      const told = sendTabCommand(tabId, 'site-paused-changed', { paused }).catch(() => undefined);
      return paused ? [told, clearEntityMarks({ type: 'clear-entity-marks', tabId })] : [told];
    }),
  );
}
