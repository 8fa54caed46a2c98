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

/**
 * What a selection touches: nothing yet (offer to highlight it), the inside of one highlight (offer to
 * edit that one instead of making a duplicate), or parts of some (offer to highlight, or to merge them).
 */
export type SelectionOffer = { kind: 'new' } | { kind: 'inside' } | { kind: 'overlap'; count: number };

/** The highlight that stepping (N and P) has reached, as the step-through bar shows it. */
export interface StepPosition {
  index: number;
  total: number;
  quote: string;
}

/**
 * What the highlighter asks the frame to show; `seq` ties the frame's size report to this request.
 * `focus` says whether the shown view takes the keyboard focus at once (the editor does; the toolbar
 * waits for Tab, so that showing it never takes the selection's focus away).
 */
export type PageToFrame =
  | { type: 'toolbar'; seq: number; color: HighlightColor; offer: SelectionOffer }
  | { type: 'editor'; seq: number; content: EditorContent; focusNote: boolean }
  | { type: 'stepper'; seq: number; position: StepPosition }
  | { type: 'toast'; seq: number; message: string; undo: boolean }
  | { type: 'focus' }
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
  /** Open the editor: on the highlight the selection is inside, or the one stepping reached. */
  | { type: 'edit' }
  /** Merge the selection and the highlights it overlaps into one, in this colour. */
  | { type: 'merge'; color: HighlightColor }
  /** Move to the next (1) or previous (-1) highlight in the page. */
  | { type: 'step'; direction: 1 | -1 }
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
    case 'merge':
      return isColor(m.color, colors);
    case 'step':
      return m.direction === 1 || m.direction === -1;
    case 'draft': {
      const draft = m.draft as Record<string, unknown> | null;
      return (
        typeof draft === 'object' &&
        draft !== null &&
        isColor(draft.color, colors) &&
        typeof draft.note === 'string' &&
        draft.note.length <= MAX_TEXT &&
        typeof draft.tags === 'string' &&
        draft.tags.length <= MAX_TEXT
      );
    }
    case 'edit':
    case 'close':
    case 'delete':
    case 'undo':
      return true;
    default:
      return false;
  }
}
