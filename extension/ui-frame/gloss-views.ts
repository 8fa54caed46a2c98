import type { FrameToPage, PageToFrame } from '@/lib/messaging/ui-frame-protocol';
import { highlightEditor } from './highlight-editor';
import { highlightStepper } from './highlight-stepper';
import { selectionToolbar } from './selection-toolbar';
import { undoToast } from './undo-toast';

/** A view of Gloss's highlight UI: what the highlighter asks to show, without the frame's sequence number. */
export type GlossView = WithoutSeq<Extract<PageToFrame, { type: 'toolbar' | 'editor' | 'stepper' | 'toast' }>>;
type WithoutSeq<T> = T extends unknown ? Omit<T, 'seq'> : never;

export interface BuiltView {
  element: HTMLElement;
  /** The control that takes the focus: at once (`focusNow`), or when the surface is focused (the toolbar, on Tab). */
  focus: HTMLElement | null;
  focusNow: boolean;
  /** Keys pressed anywhere in the surface while this view is shown (the editor's focus trap and shortcuts). */
  keys: ((event: KeyboardEvent) => void) | null;
  /** Run once the view is in the document (the editor sizes its note). */
  attached?: () => void;
}

export interface ViewWiring {
  /** What the person did, as the frame reports it to the highlighter. */
  send: (message: FrameToPage) => void;
  /** Leaving the view (Escape, Done): the frame waits for the keys to be released first. */
  close: () => void;
  /** The tags in use, for the editor's suggestions; asked for once per editor. */
  knownTags: () => Promise<string[]>;
}

/**
 * Builds one view of the highlight UI and wires its buttons to the messages the highlighter understands.
 * Both surfaces mount these same views: the extension-origin frame inside web pages (frame-app.ts), and
 * Gloss's PDF viewer, an extension page itself (extension/pdf/pdf-ui-layer.ts).
 */
export function buildGlossView(view: GlossView, { send, close, knownTags }: ViewWiring): BuiltView {
  switch (view.type) {
    case 'toolbar': {
      const element = selectionToolbar(view.color, view.offer, {
        highlight: (color, withNote) => send({ type: 'highlight', color, withNote }),
        edit: () => send({ type: 'edit' }),
        merge: (color) => send({ type: 'merge', color }),
        close,
      });
      // Shown without taking the focus: the selection keeps it until Tab moves into the toolbar.
      return { element, focus: element.querySelector('button'), focusNow: false, keys: null };
    }
    case 'editor': {
      const { dialog, first, keys, attached } = highlightEditor(view.content, view.focusNote, {
        draft: (draft) => send({ type: 'draft', draft }),
        close,
        remove: () => send({ type: 'delete' }),
        step: (direction) => send({ type: 'step', direction }),
        knownTags: knownTags(),
      });
      return { element: dialog, focus: first, focusNow: true, keys, attached };
    }
    case 'stepper': {
      const { bar, first } = highlightStepper(view.position, {
        step: (direction) => send({ type: 'step', direction }),
        edit: () => send({ type: 'edit' }),
        close,
      });
      return { element: bar, focus: first, focusNow: true, keys: null };
    }
    case 'toast':
      return {
        element: undoToast(view.message, view.undo ? () => send({ type: 'undo' }) : null, close),
        focus: null,
        focusNow: false,
        keys: null,
      };
  }
}
