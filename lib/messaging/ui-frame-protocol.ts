import type { HighlightColor } from '../storage/records';

/**
 * The messages between the highlighter (a content script in the page) and Gloss's in-page UI, which
 * runs in an extension-origin frame the page cannot read. They travel over two runtime ports joined
 * by the background (extension/background/ui-frame-relay.ts), never through the page's window.
 */

/** Port names: the prefix says which side connects, the rest is the pairing token in the frame's address. */
export const UI_PAGE_PORT = 'gloss-ui-page:';
export const UI_FRAME_PORT = 'gloss-ui-frame:';
/** The frame's page, declared web-accessible in wxt.config.ts. */
export const UI_FRAME_PATH = '/ui-frame.html';
/** Room around the panel inside the frame for its shadow; the highlighter offsets the frame by it. */
export const UI_FRAME_PADDING = 12;

/** A highlight's editable fields as the editor shows them. */
export interface EditorContent {
  quote: string;
  color: HighlightColor;
  note: string;
  tags: string[];
}

/** What the highlighter asks the frame to show; `seq` ties the frame's size report to this request. */
export type PageToFrame =
  | { type: 'toolbar'; seq: number; color: HighlightColor }
  | { type: 'editor'; seq: number; content: EditorContent; focusNote: boolean }
  | { type: 'toast'; seq: number; message: string }
  | { type: 'hide' };

/** The editor's current values, sent as the person edits, so that closing from the page loses nothing. */
export interface EditorDraft {
  color: HighlightColor;
  note: string;
  tags: string;
}

/** What the frame reports: its size once drawn, and what the person did in it (trusted input only). */
export type FrameToPage =
  | { type: 'size'; seq: number; width: number; height: number }
  | { type: 'highlight'; color: HighlightColor; withNote: boolean }
  | { type: 'draft'; draft: EditorDraft }
  | { type: 'close' }
  | { type: 'delete' }
  | { type: 'undo' };

const MAX_TEXT = 100_000;

function isColor(value: unknown, colors: readonly string[]): value is HighlightColor {
  return typeof value === 'string' && colors.includes(value);
}

/** The frame's messages pass through the background; the highlighter still checks their shape. */
export function isFrameToPage(message: unknown, colors: readonly string[]): message is FrameToPage {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  switch (m.type) {
    case 'size':
      return Number.isInteger(m.seq) && Number.isFinite(m.width) && Number.isFinite(m.height);
    case 'highlight':
      return isColor(m.color, colors) && typeof m.withNote === 'boolean';
    case 'draft': {
      const draft = m.draft as Record<string, unknown> | null;
      return typeof draft === 'object' && draft !== null && isColor(draft.color, colors)
        && typeof draft.note === 'string' && draft.note.length <= MAX_TEXT
        && typeof draft.tags === 'string' && draft.tags.length <= MAX_TEXT;
    }
    case 'close':
    case 'delete':
    case 'undo':
      return true;
    default:
      return false;
  }
}
