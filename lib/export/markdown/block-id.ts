/**
 * Obsidian block ids for highlights, so a note can link to or embed one quote (`[[page#^gloss-…]]`).
 * They come from the annotation id alone, so exporting again gives the same ids and links keep working.
 */

/** A UUID as Gloss writes them (crypto.randomUUID): UUID reads it, and its first 12 digits are at 0-7 and 9-12. */
const PLAIN_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID = /^(?:urn:uuid:)?([0-9a-f]{8})-?([0-9a-f]{4})-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** 64-bit FNV-1a over the UTF-16 code units, as 16 hex digits: short, stable and well spread. */
function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

/**
 * The block id (without "^") for an annotation id: "gloss-" and the first 12 hex digits of a UUID
 * (Gloss makes random ones), or of a hash for any other id. Block ids may hold only letters, digits
 * and "-", and both forms do.
 */
export function blockId(annotationId: string): string {
  // Gloss's own ids, the usual case, need no trimming and no captures.
  if (PLAIN_UUID.test(annotationId)) return `gloss-${annotationId.slice(0, 8)}${annotationId.slice(9, 13)}`.toLowerCase();
  const uuid = UUID.exec(annotationId.trim());
  const hex = uuid ? `${uuid[1]}${uuid[2]}`.toLowerCase() : fnv1a64(annotationId).slice(0, 12);
  return `gloss-${hex}`;
}

/**
 * Block ids for annotations in order, unique within one note: an id already taken (the same
 * annotation id twice, or two ids that share their first 12 digits) gets "-2", "-3", ... in order.
 */
export function uniqueBlockIds(annotationIds: readonly string[]): string[] {
  const taken = new Set<string>();
  return annotationIds.map((annotationId) => {
    const base = blockId(annotationId);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  });
}
