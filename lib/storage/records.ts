import type { AnnotationTarget } from '../anchoring/types';
import type { EntityKind } from '../entities/types';

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** How each colour is named to people (and to screen readers). */
export const COLOR_LABELS: Record<HighlightColor, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
};

/**
 * A page the user has annotated, keyed by its normalised URL (lib/url/normalize-url.ts). A PDF is keyed
 * by the address it was first annotated at, or by its document key when it had none (a local file), and
 * carries its document key, so the same file from any other address finds the same record.
 */
export interface PageRecord {
  url: string;
  /** PDFs only: "urn:x-pdf:<fingerprint>" (lib/pdf/document-key.ts). Indexed. */
  documentKey?: string;
  title: string;
  siteName: string | null;
  /** Author and publication date as the article states them (Readability), once Gloss has read it. */
  byline?: string | null;
  publishedTime?: string | null;
  createdAt: number;
  updatedAt: number;
  /**
   * Keys (actorKey in lib/entities/entity-key.ts) of the threat actors the page mentions and the user
   * has not rejected, as of the last time the popup read it. Indexed, to find pages by actor.
   */
  actors?: string[];
}

/** One highlight with its note and tags. */
export interface AnnotationRecord {
  /** A UUID (crypto.randomUUID) for every highlight Gloss makes; at most 100 characters in any case. */
  id: string;
  /**
   * The IRI the highlight had in the backup it was imported from, when that IRI held no id in Gloss's
   * own form (another tool's, or an older Gloss's): the id is then derived from it (annotation-ids.ts),
   * and exports give the IRI back, so importing the same file again finds the same record.
   */
  iri?: string;
  pageUrl: string;
  /**
   * Highlights on a PDF: the document's key, as on its page record. Indexed, so a PDF opened from
   * another address (or as a local copy) finds its highlights. Their target then holds the page.
   */
  documentKey?: string;
  target: AnnotationTarget;
  color: HighlightColor;
  note: string;
  tags: string[];
  createdAt: number;
  updatedAt: number;
}

/** A tag as the user typed it; `key` is its case-folded form, so "APT" and "apt" are one tag. */
export interface TagRecord {
  key: string;
  label: string;
  createdAt: number;
}

export type EntityTagStatus = 'confirmed' | 'rejected';

/**
 * A researcher's verdict on one entity of one page: confirmed (it is what Gloss says), or rejected
 * (never show it on this page again). One record per page and entity; `id` is derived from both.
 */
export interface EntityTagRecord {
  id: string;
  pageUrl: string;
  /** entityKey in lib/entities/entity-key.ts: kind and case-folded canonical name. */
  entityKey: string;
  kind: EntityKind;
  /** The name as the page wrote it when tagged, and the name it resolved to. */
  name: string;
  canonical: string;
  status: EntityTagStatus;
  createdAt: number;
  updatedAt: number;
}

/**
 * A threat actor the user named, or extra names the user gave a shipped actor (`extendsBuiltin`).
 * These join the dictionary for every later page.
 */
export interface UserActorRecord {
  /** actorKey of `canonical`. */
  id: string;
  canonical: string;
  aliases: string[];
  extendsBuiltin: boolean;
  /** Case-folded canonical name and aliases, indexed to look actors up by any name. */
  nameKeys: string[];
  createdAt: number;
  updatedAt: number;
}

/**
 * The researcher's pick for a name that may mean more than one threat actor ("Grizzly Steppe": APT28 or
 * APT29): on one page, or on every page. A page's pick beats one for every page (lib/entities/alias-picks.ts).
 */
export interface AliasPickRecord {
  /** aliasPickId(pageUrl or null, nameKey): one pick per name on a page, and one for every page. */
  id: string;
  scope: 'page' | 'everywhere';
  /** The page it holds for; absent for a pick for every page. */
  pageUrl?: string;
  /** The name as the page wrote it when picked, and its case-folded key (formKey). */
  name: string;
  nameKey: string;
  /** The canonical name of the actor picked. */
  actor: string;
  createdAt: number;
  updatedAt: number;
}

/**
 * A site where the user paused Gloss: no toolbar, no painting and no work in its pages until resumed.
 * `site` is siteOfUrl in lib/url/site.ts (host, with a port that is not the default).
 */
export interface PausedSiteRecord {
  site: string;
  pausedAt: number;
}

/** One of Gloss's own settings or facts about this installation (e.g. when the welcome page was shown). */
export interface SettingRecord {
  key: string;
  value: unknown;
  updatedAt: number;
}

/** The sync replica of one record (lib/sync/replica-record.ts), filed under its table and key. */
export interface SyncReplicaRow {
  /** recordId(table, key): table and key joined by a NUL. */
  id: string;
  table: string;
  key: string;
  fields: Record<string, { value?: unknown; absent?: true; stamp: string }>;
}

/** One piece of the device's sync state: its account, its bookkeeping, its last status (extension/sync). */
export interface SyncStateRecord {
  key: string;
  value: unknown;
}
