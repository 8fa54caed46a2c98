import type { AnnotationTarget } from '../anchoring/types';
import type { GlossDatabase } from './database';
import { keepAnnotation, keepTag } from './keep-records';
import { documentPageUrl } from './document-store';
import { touchPage, type PageDetails } from './page-store';
import { HIGHLIGHT_COLORS, type AnnotationRecord, type HighlightColor } from './records';
import { cleanTags, tagKey } from './tags';

export interface NewAnnotation {
  pageUrl: string;
  /**
   * A highlight on a PDF: its document key. When a page with this key is already kept (the same file
   * from another address), the highlight is filed under that page instead of `pageUrl`.
   */
  documentKey?: string;
  target: AnnotationTarget;
  color?: HighlightColor;
  note?: string;
  tags?: string[];
}

export type { PageDetails };

export type AnnotationChanges = Partial<Pick<AnnotationRecord, 'color' | 'note' | 'tags'>>;

function checkColor(color: string | undefined): HighlightColor {
  return (HIGHLIGHT_COLORS as readonly string[]).includes(color ?? '') ? (color as HighlightColor) : 'yellow';
}

async function rememberTags(db: GlossDatabase, tags: string[], now: number): Promise<void> {
  for (const label of tags) {
    const key = tagKey(label);
    if (!(await db.tags.get(key))) await db.tags.put(keepTag({ key, label, createdAt: now }));
  }
}

/**
 * Stores a new highlight and its page in one transaction; returns the stored record. Every write here
 * goes through keep-records.ts: long notes and context are clamped, an element hint that cannot be kept
 * is dropped, and a record that still breaks the rules (a quote over 100,000 characters, a page address
 * over 8,192) is refused with a RecordProblem before anything is written.
 */
export async function createAnnotation(
  db: GlossDatabase,
  input: NewAnnotation,
  page: PageDetails | null,
  now = Date.now(),
  id: string = crypto.randomUUID(),
): Promise<AnnotationRecord> {
  const fields = (pageUrl: string): AnnotationRecord =>
    keepAnnotation({
      id,
      pageUrl,
      ...(input.documentKey !== undefined && { documentKey: input.documentKey }),
      target: input.target,
      color: checkColor(input.color),
      note: input.note ?? '',
      tags: cleanTags(input.tags ?? []),
      createdAt: now,
      updatedAt: now,
    });
  // Checked before the transaction, so a record that breaks the rules writes nothing.
  let record = fields(input.pageUrl);
  await db.transaction('rw', db.pages, db.annotations, db.tags, async () => {
    const filedUnder = record.documentKey === undefined ? null : await documentPageUrl(db, record.documentKey);
    if (filedUnder !== null && filedUnder !== record.pageUrl) record = fields(filedUnder);
    await touchPage(db, record.pageUrl, page, now, record.documentKey);
    await db.annotations.add(record);
    await rememberTags(db, record.tags, now);
  });
  return record;
}

/** Applies changes to colour, note or tags; returns the updated record, or null if it no longer exists. */
export async function updateAnnotation(
  db: GlossDatabase,
  id: string,
  changes: AnnotationChanges,
  now = Date.now(),
): Promise<AnnotationRecord | null> {
  return db.transaction('rw', db.pages, db.annotations, db.tags, async () => {
    const existing = await db.annotations.get(id);
    if (!existing) return null;
    const updated = keepAnnotation({
      ...existing,
      ...(changes.color !== undefined && { color: checkColor(changes.color) }),
      ...(changes.note !== undefined && { note: changes.note }),
      ...(changes.tags !== undefined && { tags: cleanTags(changes.tags) }),
      updatedAt: now,
    });
    await db.annotations.put(updated);
    await rememberTags(db, updated.tags, now);
    await touchPage(db, updated.pageUrl, null, now);
    return updated;
  });
}

/** Moves a highlight to a new place in its page (re-attaching an orphan to a new selection). */
export async function retargetAnnotation(
  db: GlossDatabase,
  id: string,
  target: AnnotationTarget,
  now = Date.now(),
): Promise<AnnotationRecord | null> {
  return db.transaction('rw', db.annotations, async () => {
    const existing = await db.annotations.get(id);
    if (!existing) return null;
    const updated = keepAnnotation({ ...existing, target, updatedAt: now });
    await db.annotations.put(updated);
    return updated;
  });
}

/** Deletes a highlight and returns it, so the caller can offer to undo with restoreAnnotation. */
export async function deleteAnnotation(db: GlossDatabase, id: string): Promise<AnnotationRecord | null> {
  return db.transaction('rw', db.annotations, async () => {
    const existing = await db.annotations.get(id);
    if (existing) await db.annotations.delete(id);
    return existing ?? null;
  });
}

/** Puts a deleted highlight back exactly as it was (same id), for undo. */
export async function restoreAnnotation(db: GlossDatabase, deleted: AnnotationRecord, now = Date.now()): Promise<AnnotationRecord> {
  const record = keepAnnotation(deleted);
  await db.transaction('rw', db.pages, db.annotations, db.tags, async () => {
    // A PDF's page keeps its document key, so the same file from anywhere finds it (document-store.ts).
    await touchPage(db, record.pageUrl, null, now, record.documentKey);
    await db.annotations.put(record);
    await rememberTags(db, record.tags, now);
  });
  return record;
}

/** A page's highlights, oldest first (the page orders them by position once anchored). */
export async function annotationsForPage(db: GlossDatabase, pageUrl: string): Promise<AnnotationRecord[]> {
  const records = await db.annotations.where('pageUrl').equals(pageUrl).toArray();
  return records.sort((a, b) => a.createdAt - b.createdAt);
}

/** Whether any highlight exists for the page; the cheap question the always-on script asks on load. */
export async function pageHasAnnotations(db: GlossDatabase, pageUrl: string): Promise<boolean> {
  return (await db.annotations.where('pageUrl').equals(pageUrl).count()) > 0;
}
