import type { FrameToPage } from '@/lib/messaging/ui-frame-protocol';
import type { AnnotationRecord } from '@/lib/storage/records';
import { autosaveAfterPause, type Editor } from './draft-autosave';
import type { HighlightPlaces } from './highlight-places';

/**
 * What the in-page UI (a web page's frame, or the PDF viewer's layer) is showing, and what it needs to act on
 * the person's answer. `Toolbar` is what each side keeps about the selection it offered the toolbar for.
 */
export type Showing<Toolbar> =
  | { view: 'none' }
  | ({ view: 'toolbar' } & Toolbar)
  | ({ view: 'editor' } & Editor)
  | { view: 'stepper'; id: string }
  /** The notice closes itself after its few seconds on screen (extension/ui-frame/undo-toast.ts): a `close`. */
  | { view: 'toast'; undo: (() => void) | null };

/** The moves of a highlight session that the editor's, stepper's and toast's answers lead to; both sessions (extension/page/highlight-flows.ts, extension/pdf/pdf-highlight-session.ts) are ones. */
export interface ShownUiFlows {
  /** Shows nothing; the focus goes back to `passage` when there is one. An editor shown may save its draft. */
  hide(passage: Range | null): void;
  /** Saves what the editor holds and closes it. */
  closeEditor(): void;
  step(fromId: string, direction: 1 | -1): void;
  openEditor(record: AnnotationRecord, focusNote: boolean): void;
  /** Deletes a highlight, with Undo. */
  remove(record: AnnotationRecord): Promise<void>;
}

type Marks = Pick<HighlightPlaces<unknown>, 'get' | 'passageOf' | 'focus' | 'preview' | 'replaceRecord'>;

/**
 * Answers what the person did in the editor, the step-through bar or the undo notice, the same on web pages
 * and in the PDF viewer. The toolbar's answers differ (a selection is a Range on one side, offsets on the
 * other), so each side keeps those; for a toolbar or nothing shown this does nothing.
 */
export function answerShownUi(showing: Showing<unknown>, message: FrameToPage, highlights: Marks, flows: ShownUiFlows): void {
  if (showing.view === 'editor') {
    if (message.type === 'draft') {
      showing.draft = message.draft;
      highlights.preview({ id: showing.record.id, color: message.draft.color });
      autosaveAfterPause(showing, highlights);
    } else if (message.type === 'close') {
      flows.closeEditor();
    } else if (message.type === 'step') {
      flows.closeEditor();
      flows.step(showing.record.id, message.direction);
    } else if (message.type === 'delete') {
      showing.draft = null; // nothing to save for a highlight being deleted (hiding an editor saves its draft)
      flows.hide(null);
      highlights.focus(null);
      highlights.preview(null);
      void flows.remove(showing.record);
    }
  } else if (showing.view === 'stepper') {
    const item = highlights.get(showing.id);
    if (message.type === 'step') flows.step(showing.id, message.direction);
    else if (message.type === 'edit' && item) flows.openEditor(item.record, false);
    else if (message.type === 'close') {
      highlights.focus(null);
      flows.hide(highlights.passageOf(showing.id));
    }
  } else if (showing.view === 'toast') {
    if (message.type === 'undo' && showing.undo) {
      flows.hide(null);
      showing.undo();
    } else if (message.type === 'close') {
      flows.hide(null);
    }
  }
}
