/**
 * Gloss's backup file: a W3C Web Annotation Data Model AnnotationCollection (JSON-LD). Highlights are
 * plain W3C annotations, so other annotation tools can read them; what the model has no words for
 * (pages, tag spellings, entity verdicts, the user's actors) travels under `gloss:` keys.
 */
import type { ElementPathSelector, TextPositionSelector, TextQuoteSelector } from '../../anchoring/types';
import { MAX_ANNOTATION_ID } from '../../storage/record-rules';
import type { HighlightColor } from '../../storage/records';

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
    source: string;
    selector: (TextQuoteSelector | TextPositionSelector | ElementPathSelector)[];
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
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_PREFIX = 'urn:uuid:';
const GLOSS_ID_PREFIX = 'urn:gloss:annotation:';

/**
 * The longest IRI annotationIri writes for an id within the limit: percent-encoding turns one UTF-16
 * code unit into at most 9 characters (three UTF-8 bytes, each %XX).
 */
export const MAX_ANNOTATION_IRI = GLOSS_ID_PREFIX.length + 9 * MAX_ANNOTATION_ID;

/** The annotation's IRI: a UUID URN when the id is a UUID, else the id percent-encoded in a Gloss URN. */
export function annotationIri(id: string): string {
  return UUID.test(id) ? `${UUID_PREFIX}${id}` : `${GLOSS_ID_PREFIX}${encodeURIComponent(id)}`;
}

/**
 * The record id behind an annotation IRI: the inverse of annotationIri for Gloss's own IRIs; any other
 * IRI (another tool's) is kept whole as the id. Null when a Gloss URN is badly encoded.
 */
export function annotationIdFromIri(iri: string): string | null {
  if (iri.startsWith(UUID_PREFIX) && UUID.test(iri.slice(UUID_PREFIX.length))) return iri.slice(UUID_PREFIX.length);
  if (!iri.startsWith(GLOSS_ID_PREFIX)) return iri;
  try {
    return decodeURIComponent(iri.slice(GLOSS_ID_PREFIX.length)) || null;
  } catch {
    return null;
  }
}
