/**
 * What every exporter (Markdown, Web Annotation JSON, STIX) works from: a saved page with everything
 * the user kept on it, and the threat actors it mentions resolved to their names. Plain data, so the
 * exporters stay pure and the extension, the library and tests build it the same way.
 */
import type {
  AliasPickRecord,
  AnnotationRecord,
  EntityTagRecord,
  PageRecord,
  PausedSiteRecord,
  SettingRecord,
  TagRecord,
  UserActorRecord,
} from '../storage/records';

/** A threat actor as exports name it: canonical name, other names, and its MITRE ATT&CK group id. */
export interface ActorProfile {
  /** actorKey (lib/entities/entity-key.ts) of the canonical name. */
  key: string;
  canonical: string;
  aliases: string[];
  /** e.g. "G1015", when ATT&CK knows the group. */
  attackId?: string;
}

export interface PageExport {
  page: PageRecord;
  /** In any order; exporters put them in document order (target.position.start). */
  annotations: AnnotationRecord[];
  /** The researcher's verdicts on the page's entities (confirmed and rejected). */
  entityTags: EntityTagRecord[];
  /** The page's threat actors (found and not rejected, or confirmed), resolved; sorted by canonical name. */
  actors: ActorProfile[];
}

/** Everything Gloss keeps, as one backup holds it. */
export interface GlossSnapshot {
  pages: PageRecord[];
  annotations: AnnotationRecord[];
  tags: TagRecord[];
  entityTags: EntityTagRecord[];
  actors: UserActorRecord[];
  /**
   * The researcher's picks among the actors an ambiguous name may mean (for one page or every page).
   * Stores and the backup reader always give the list; a snapshot made elsewhere without it has none.
   */
  aliasPicks?: AliasPickRecord[];
  /**
   * This browser's settings (default colour, toolbar on selection), one record per setting as stored,
   * and the sites where Gloss is paused. Only a backup of everything carries them (a page's export does
   * not); absent, an import leaves both as they are.
   */
  settings?: SettingRecord[];
  pausedSites?: PausedSiteRecord[];
}
