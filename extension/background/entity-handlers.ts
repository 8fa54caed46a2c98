import { describeEntity } from '@/lib/entities/entity-details';
import { readIndicatorType } from '@/lib/entities/explain-kind';
import { readAmbiguousRefs, readCandidates, readFoundBy } from '@/lib/entities/explain-entity';
import type { AmbiguousName } from '@/lib/entities/alias-picks';
import { actorKey, entityKey } from '@/lib/entities/entity-key';
import { resolveActorName, suggestActors } from '@/lib/entities/search-actors';
import { selectionTag } from '@/lib/entities/tag-selection';
import { indicatorFileName, indicatorList, indicatorRows } from '@/lib/export/indicator-list';
import { INDICATOR_TYPE_LABELS, KIND_NOUN_PHRASES } from '@/lib/popup/entity-labels';
import type { GlossRequest, GlossRequestType, GlossResponse, SavedPageSummary } from '@/lib/messaging/contract';
import { pagesMentioningActor, saveUserActor, tagEntity, untagEntity } from '@/lib/storage/entity-tag-store';
import { cleanPageDetails } from '@/lib/storage/page-store';
import type { PageRecord } from '@/lib/storage/records';
import { analyzeTab } from './analyze-tab';
import { announceEntityChanges } from './announce-change';
import { articleTextFor } from './article-texts';
import { glossDatabase } from './database';
import { entityScanner, invalidateEntityScanner } from './entity-scanner';
import { executeFunctionInTab } from './execute-in-tab';
import { entitiesForText } from './entities-for-text';
import { notePdfPage, pageUrlOfTab } from './tab-page';
import { withReadableCanonicals } from '@/lib/entities/readable-canonicals';

type Handler<K extends GlossRequestType> = (request: GlossRequest<K>) => Promise<GlossResponse<K>>;

/**
 * Reads the tab's article and records the actors it mentions on its saved page (run when a page is
 * first saved). Quiet: a page that cannot be read just stays without actors until the popup reads it.
 */
export async function recordActorsOfTab(tabId: number): Promise<void> {
  try {
    const result = await analyzeTab(tabId);
    if (!result.ok || result.analysis.entities) return; // With entities found, the actors are recorded.
    const read = articleTextFor(tabId);
    if (read) await entitiesForText(read.pageUrl, read.text);
  } catch (error) {
    console.warn('Gloss could not record the actors of tab', tabId, error);
  }
}

/** The tab's page: a web page's address, or the PDF Gloss's viewer shows there (tab-page.ts). */
const tabPageUrl = pageUrlOfTab;

const pageSummary = ({ url, title, siteName }: PageRecord): SavedPageSummary => ({ url, title, siteName });

export const tabEntities: Handler<'tab-entities'> = async ({ tabId }) => {
  const pageUrl = await tabPageUrl(tabId);
  const cached = articleTextFor(tabId);
  if (cached && cached.pageUrl === pageUrl) return { ok: true, entities: await entitiesForText(pageUrl, cached.text) };
  const result = await analyzeTab(tabId);
  const again = articleTextFor(tabId);
  if (!result.ok || !again) return { ok: false, message: 'Gloss can’t read this page any more. Reload it and open Gloss again.' };
  return { ok: true, entities: result.analysis.entities ?? (await entitiesForText(again.pageUrl, again.text)) };
};

export const tagEntityOnTab: Handler<'tag-entity'> = async ({ tabId, entity, verdict, page }) => {
  const pageUrl = await tabPageUrl(tabId);
  if (!pageUrl) return { ok: false, message: 'This tab has no page Gloss can keep tags for.' };
  const db = glossDatabase();
  if (verdict === null) await untagEntity(db, pageUrl, entityKey(entity));
  else await tagEntity(db, pageUrl, entity, verdict, cleanPageDetails(page));
  await notePdfPage(tabId, pageUrl);
  announceEntityChanges([pageUrl]);
  return { ok: true };
};

/** Confirms selected text as an entity of any kind but threat actor (those go through add-actor). */
export const tagSelectionOnTab: Handler<'tag-selection'> = async ({ tabId, kind, text, page }) => {
  const pageUrl = await tabPageUrl(tabId);
  if (!pageUrl) return { ok: false, message: 'This tab has no page Gloss can keep tags for.' };
  const { scanner } = await entityScanner();
  const result = selectionTag(text, kind, (name) => withReadableCanonicals(scanner.findEntities(name)));
  if (!result.ok) return result;
  const { tag } = result;
  await tagEntity(glossDatabase(), pageUrl, { kind, name: tag.name, canonical: tag.canonical }, 'confirmed', cleanPageDetails(page));
  await notePdfPage(tabId, pageUrl);
  announceEntityChanges([pageUrl]);
  const type = tag.indicatorType ? ` (${INDICATOR_TYPE_LABELS[tag.indicatorType]})` : '';
  const resolved = tag.canonical !== tag.name ? `, ${tag.canonical},` : '';
  return { ok: true, message: `Tagged “${tag.name}”${resolved} as ${KIND_NOUN_PHRASES[kind]}${type}.` };
};

/** The indicators the tab's article shows, as a file to copy or download. */
export const exportIndicators: Handler<'export-indicators'> = async ({ tabId, format, fanging, page }) => {
  const pageUrl = await tabPageUrl(tabId);
  let read = articleTextFor(tabId);
  if (!read || read.pageUrl !== pageUrl) {
    await analyzeTab(tabId);
    read = articleTextFor(tabId);
  }
  if (!read || !pageUrl) return { ok: false, message: 'Gloss can’t read this page any more. Reload it and open Gloss again.' };
  const found = await entitiesForText(read.pageUrl, read.text);
  if (found.stopped) return { ok: false, message: 'This page is too long for Gloss to list its indicators.' };
  const rows = indicatorRows(read.text, found.entities, fanging);
  if (rows.length === 0) return { ok: false, message: 'Gloss found no indicators in this article.' };
  const text = indicatorList(rows, format);
  const fileName = indicatorFileName({ title: cleanPageDetails(page).title, url: pageUrl }, format);
  return { ok: true, fileName, mimeType: format === 'csv' ? 'text/csv' : 'text/plain', text };
};

export const addActor: Handler<'add-actor'> = async ({ tabId, actor, page }) => {
  const pageUrl = await tabPageUrl(tabId);
  if (!pageUrl) return { ok: false, message: 'This tab has no page Gloss can keep tags for.' };
  const db = glossDatabase();
  let canonical = actor.name;
  if (actor.linkTo !== null) {
    const { actors } = await entityScanner();
    const [known] = resolveActorName(actors, actor.linkTo);
    if (!known) return { ok: false, message: `No known actor is called “${actor.linkTo}”.` };
    canonical = known;
    await saveUserActor(db, { canonical, aliases: [actor.name, ...actor.aliases], extendsBuiltin: true });
  } else {
    await saveUserActor(db, { canonical, aliases: actor.aliases, extendsBuiltin: false });
  }
  invalidateEntityScanner();
  await tagEntity(db, pageUrl, { kind: 'threat-actor', name: actor.name, canonical }, 'confirmed', cleanPageDetails(page));
  await notePdfPage(tabId, pageUrl);
  // The actor's names count on every page now, not only this one.
  announceEntityChanges(null);
  return { ok: true };
};

export const entityDetails: Handler<'entity-details'> = async ({ entity }) => {
  const { data, actors, userActorKeys, names } = await entityScanner();
  // Every actor each ambiguous name may mean, from the background's own data (the popup names the names).
  const ambiguous: AmbiguousName[] =
    entity.kind !== 'threat-actor'
      ? []
      : readAmbiguousRefs(entity.ambiguous)
          .map(({ name, pick }) => ({ name, pick, everywhere: null, candidates: names.candidates(name) }))
          .filter((a) => a.candidates.length > 1);
  const indicatorType = readIndicatorType(entity.indicatorType);
  const details = describeEntity(
    {
      ...entity,
      mentions: [],
      foundBy: readFoundBy(entity.foundBy),
      candidates: readCandidates(entity.candidates),
      indicatorType,
      // Looked up again here rather than taken from the message: the popup's word is never shown as fact.
      warning: indicatorType && entity.kind === 'indicator' ? data.warninglists?.(indicatorType, entity.canonical) : undefined,
      ambiguous,
    },
    { actors, software: data.software ?? [], userActorKeys },
  );
  const pages = entity.kind === 'threat-actor' ? await pagesMentioningActor(glossDatabase(), actorKey(entity.canonical)) : [];
  return { ...details, pages: pages.map(pageSummary) };
};

export const suggestActorNames: Handler<'suggest-actors'> = async ({ query }) => suggestActors((await entityScanner()).actors, query);

export const pagesForActor: Handler<'pages-for-actor'> = async ({ name }) => {
  const { actors } = await entityScanner();
  const db = glossDatabase();
  const seen = new Map<string, PageRecord>();
  for (const canonical of resolveActorName(actors, name)) {
    for (const page of await pagesMentioningActor(db, actorKey(canonical))) seen.set(page.url, page);
  }
  return [...seen.values()].sort((a, b) => b.updatedAt - a.updatedAt).map(pageSummary);
};

export const tabSelection: Handler<'tab-selection'> = async ({ tabId }) => {
  try {
    const text = await executeFunctionInTab(tabId, () => String(window.getSelection()?.toString() ?? '').slice(0, 500), []);
    return { text: (text ?? '').replace(/\s+/g, ' ').trim() };
  } catch {
    return { text: '' };
  }
};
