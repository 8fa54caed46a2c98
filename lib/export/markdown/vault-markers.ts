/**
 * The lines that fence off Gloss's block in a note kept in an Obsidian vault (see vault-block.ts). They
 * are HTML comments, which every Markdown reader hides (Obsidian, GitHub, Logseq, CommonMark), where
 * Obsidian's own `%% … %%` comments show as text everywhere else. The start line says what the block is,
 * for a reader who opens the file as source.
 */

export const GLOSS_BLOCK_START = '<!-- gloss:start (Gloss rewrites this block on every update; write your own notes above or below it) -->';
export const GLOSS_BLOCK_END = '<!-- gloss:end -->';

/** The start line as Gloss writes it, or with its words changed: "gloss:start" opens it, "-->" ends it. */
const START = /^<!--[ \t]*gloss:start(?![A-Za-z0-9-])[^>]*-->$/i;
const END = /^<!--[ \t]*gloss:end[ \t]*-->$/i;
/** Anything opening like a Gloss comment, in either comment syntax: "<!-- gloss…", "%% gloss…". */
const MARKER_LIKE = /^[ \t]*(?:<!--|%%)[ \t]*gloss(?![A-Za-z])/i;

export type MarkerKind = 'start' | 'end' | 'mangled';

/**
 * What a line of a note is to the block parser: Gloss's start or end line (surrounding spaces allowed),
 * a line that looks like one but is neither (a marker the reader edited, or a `%%` copy), or nothing.
 */
export function markerKind(line: string): MarkerKind | null {
  if (!MARKER_LIKE.test(line)) return null;
  const trimmed = line.trim();
  if (START.test(trimmed)) return 'start';
  if (END.test(trimmed)) return 'end';
  return 'mangled';
}

/** Whether a line would count as one of Gloss's markers, or a mangled one (note-markdown.ts guards these). */
export function looksLikeGlossMarker(line: string): boolean {
  return MARKER_LIKE.test(line);
}
