/** Reads saved pages with everything kept on them, as the exporters take them (lib/export/page-export.ts). */
import { actorKey } from '../entities/entity-key';
import type { ActorProfile, PageExport } from '../export/page-export';
import { readSnapshot, type LoadedRecords } from './backup-store';
import type { GlossDatabase } from './database';
import type { AnnotationRecord, EntityTagRecord, PageRecord } from './records';

/** Resolves actor keys to profiles; `fallbackNames` holds the canonical names the user's tags stored. */
export type ResolveActors = (keys: string[], fallbackNames: ReadonlyMap<string, string>) => Promise<ActorProfile[]> | ActorProfile[];

function groupByPage<T extends { pageUrl: string }>(records: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const group = groups.get(record.pageUrl);
    if (group) group.push(record);
    else groups.set(record.pageUrl, [record]);
  }
  return groups;
}

/** The page's actors: found and not rejected, plus those the user confirmed. */
function pageActorKeys(page: PageRecord, tags: readonly EntityTagRecord[]): string[] {
  const keys = new Set(page.actors ?? []);
  for (const tag of tags) {
    if (tag.kind !== 'threat-actor') continue;
    if (tag.status === 'confirmed') keys.add(actorKey(tag.canonical));
    else keys.delete(actorKey(tag.canonical));
  }
  return [...keys];
}

/** Pages newest first, or in the order asked for (unknown ones skipped). */
function inExportOrder(pages: PageRecord[], urls: readonly string[] | null): PageRecord[] {
  if (urls === null) return pages.sort((a, b) => b.updatedAt - a.updatedAt);
  const byUrl = new Map(pages.map((page) => [page.url, page]));
  return [...new Set(urls)].map((url) => byUrl.get(url)).filter((page) => page !== undefined);
}

/**
 * Saved pages (all of them when `urls` is null, newest first; else in the order given, skipping unknown
 * ones) with their highlights, entity verdicts and resolved actors, read in one transaction
 * (readSnapshot). With `loaded`, pages and highlights come from there and only the verdicts are read.
 */
export async function readPageExports(
  db: GlossDatabase,
  urls: readonly string[] | null,
  resolveActors: ResolveActors,
  loaded?: LoadedRecords,
): Promise<PageExport[]> {
  const snapshot = await readSnapshot(db, urls ?? undefined, loaded);
  const { annotations, entityTags } = snapshot;
  const pages = inExportOrder(snapshot.pages, urls);
  const annotationsByPage = groupByPage<AnnotationRecord>(annotations);
  const tagsByPage = groupByPage<EntityTagRecord>(entityTags);
  const keysByPage = new Map(pages.map((page) => [page.url, pageActorKeys(page, tagsByPage.get(page.url) ?? [])]));
  const fallbackNames = new Map(entityTags.filter((t) => t.kind === 'threat-actor').map((t) => [actorKey(t.canonical), t.canonical]));
  const profiles = await resolveActors([...new Set([...keysByPage.values()].flat())], fallbackNames);
  const profileByKey = new Map(profiles.map((profile) => [profile.key, profile]));
  return pages.map((page) => ({
    page,
    annotations: annotationsByPage.get(page.url) ?? [],
    entityTags: tagsByPage.get(page.url) ?? [],
    actors: (keysByPage.get(page.url) ?? [])
      .map((key) => profileByKey.get(key))
      .filter((profile): profile is ActorProfile => profile !== undefined)
      .sort((a, b) => a.canonical.localeCompare(b.canonical, 'en')),
  }));
}
