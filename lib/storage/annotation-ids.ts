/**
 * Highlight ids and the IRIs backups name highlights by.
 *
 * Gloss's own form of an id is a UUID (crypto.randomUUID), written to backups as `urn:uuid:<id>`. A
 * highlight whose IRI holds no such id (another tool's `https://…/a/123`, an older Gloss's
 * `urn:gloss:annotation:…`) gets a fresh id in Gloss's form on import, derived from the IRI (a UUIDv5),
 * and keeps the IRI: exports write it back, and importing the same file again derives the same id, so it
 * finds the record it made the first time instead of adding another.
 */
import { v5 as uuidV5 } from 'uuid';
import { MAX_ANNOTATION_IRI } from './record-limits';
import type { AnnotationRecord } from './records';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_PREFIX = 'urn:uuid:';
const GLOSS_ID_PREFIX = 'urn:gloss:annotation:';
/** uuidv5("https://gloss-reader.org/ns#annotation", URL namespace): the namespace of ids made from IRIs. */
const IRI_NAMESPACE = '21ea2d00-2f7f-5813-9e18-217a54d94548';

/** Whether an id is in Gloss's own form: a UUID. */
export function isOwnAnnotationId(id: string): boolean {
  return UUID.test(id);
}

/** The IRI for an id: a UUID URN when the id is a UUID, else the id percent-encoded in a Gloss URN. */
export function annotationIri(id: string): string {
  return isOwnAnnotationId(id) ? `${UUID_PREFIX}${id}` : `${GLOSS_ID_PREFIX}${encodeURIComponent(id)}`;
}

/** The IRI a record is exported under: the one it was imported with, else the one its id gives. */
export function recordIri(record: Pick<AnnotationRecord, 'id' | 'iri'>): string {
  return record.iri ?? annotationIri(record.id);
}

/**
 * The id and kept IRI of a highlight read from a backup: a UUID URN gives its UUID and keeps nothing;
 * any other IRI gives the id derived from it, and is kept.
 */
export function idForIri(iri: string): { id: string; iri?: string } {
  const uuid = iri.startsWith(UUID_PREFIX) ? iri.slice(UUID_PREFIX.length) : '';
  return isOwnAnnotationId(uuid) ? { id: uuid } : { id: uuidV5(iri, IRI_NAMESPACE), iri };
}

/**
 * A stored record in Gloss's form: one whose id is not (an older Gloss kept another tool's IRI whole as
 * the id, and ids of up to 1,000 characters) gets the id and IRI an import of it would give now. An id
 * that is an absolute IRI was another tool's name for the highlight, and stays its IRI.
 */
export function inOwnForm(record: AnnotationRecord): AnnotationRecord {
  if (isOwnAnnotationId(record.id)) return record;
  const named = /^[a-z][a-z0-9+.-]*:\S/i.test(record.id) && !record.id.startsWith(GLOSS_ID_PREFIX);
  const { id, iri } = idForIri(record.iri ?? (named ? record.id : annotationIri(record.id)));
  // An IRI too long to keep (from an id of up to 1,000 characters) is dropped: the id still stands.
  const { iri: _old, ...rest } = record;
  return iri !== undefined && iri.length <= MAX_ANNOTATION_IRI ? { ...rest, id, iri } : { ...rest, id };
}

/**
 * The id behind an IRI, as an older Gloss read it (the inverse of annotationIri; another tool's IRI is
 * its own id). Null when a Gloss URN is badly encoded.
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
