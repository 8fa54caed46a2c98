/**
 * Gloss's backup file: a W3C Web Annotation Data Model AnnotationCollection (JSON-LD). Highlights are
 * plain W3C annotations, so other annotation tools can read them; what the model has no words for
 * (pages, tag spellings, entity verdicts, the user's actors, alias picks, settings, paused sites) travels under `gloss:` keys.
 */
import type { ElementPathSelector, PageFragmentSelector, TextPositionSelector, TextQuoteSelector } from '../anchoring/types';
import type { HighlightColor } from '../storage/records';

/** The format this Gloss writes and reads; raise it (and teach parse-backup the old one) on any change. */
export const BACKUP_FORMAT_VERSION = 1;

export const GLOSS_NAMESPACE = 'https://gloss-reader.org/ns#';
export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const BACKUP_CONTEXT = [ANNOTATION_CONTEXT, { gloss: GLOSS_NAMESPACE }] as const;

export interface TextualBody {
  type: 'TextualBody';
  /** "commenting" for the note, "tagging" for each tag. */
  purpose: 'commenting' | 'tagging';
  value: string;
  format?: 'text/plain';
}

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified: string;
  /** Absent when the highlight has neither note nor tags. */
  body?: TextualBody[];
  target: {
    /** The page's address (for a PDF first annotated as a local file, its document key). */
    source: string;
    /** PDFs only: "urn:x-pdf:<fingerprint>", the same for the file at any address. */
    'gloss:documentKey'?: string;
    /** On a PDF, the page is a FragmentSelector "page=N" (RFC 3778) beside the quote and position. */
    selector: (TextQuoteSelector | TextPositionSelector | ElementPathSelector | PageFragmentSelector)[];
  };
  'gloss:color': HighlightColor;
}

/** Page, tag, entity-tag and actor records as the database holds them; timestamps stay in ms. */
export interface BackupDocument {
  '@context': typeof BACKUP_CONTEXT;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  'gloss:version': number;
  /** The newest change among the records, so the same data always gives the same file. */
  generated?: string;
  first: { type: 'AnnotationPage'; items: WebAnnotation[] };
  'gloss:pages': object[];
  'gloss:tags': object[];
  'gloss:entityTags': object[];
  'gloss:actors': object[];
  /**
   * The researcher's picks among the actors an ambiguous name may mean. Added within version 1: an
   * optional list, which a file without it reads as empty, and which a Gloss made before it ignores.
   */
  'gloss:aliasPicks': object[];
  /**
   * This browser's settings (`{key, value, updatedAt}` as the settings table keeps them: `default-color`,
   * `show-toolbar`) and paused sites (`{site, pausedAt}`), in a backup of everything only. Added within
   * version 1 like the alias picks: a file without them leaves both as they are, a Gloss made before
   * ignores them, and a setting this Gloss does not know (a newer one's) is left out as unknown fields are.
   */
  'gloss:settings'?: object[];
  'gloss:pausedSites'?: object[];
}

/**
 * Highlights are named by IRI: `urn:uuid:<id>` for Gloss's own ids; a highlight imported under another
 * IRI keeps it and is exported under it again (lib/storage/annotation-ids.ts).
 */
export { annotationIdFromIri, annotationIri, recordIri } from '../storage/annotation-ids';
