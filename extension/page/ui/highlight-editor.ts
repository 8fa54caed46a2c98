import { parseTagInput } from '@/lib/storage/tags';
import type { AnnotationRecord, HighlightColor } from '@/lib/storage/records';
import type { AnnotationChanges } from '@/lib/storage/annotation-store';
import { colorPicker } from './color-picker';
import { h } from './dom';
import { placeNear, type UiHost } from './ui-host';

export interface EditorActions {
  save: (id: string, changes: AnnotationChanges) => void;
  remove: (record: AnnotationRecord) => void;
  closed: () => void;
}

const QUOTE_PREVIEW = 160;

/**
 * The editor for one highlight: colour, note and tags, saved when closed (Escape, Close or a click
 * elsewhere) so nothing typed is lost; Delete removes it.
 */
export class HighlightEditor {
  private panel: HTMLElement | null = null;
  private commit: (() => void) | null = null;

  constructor(private readonly host: UiHost, private readonly actions: EditorActions) {}

  get isOpen(): boolean {
    return this.panel?.isConnected ?? false;
  }

  open(record: AnnotationRecord, rect: DOMRect, focusNote = false): void {
    this.close();
    let color: HighlightColor = record.color;
    const note = h('textarea', { 'aria-label': 'Note', placeholder: 'Add a note…' });
    note.value = record.note;
    const tags = h('input', { type: 'text', 'aria-label': 'Tags', placeholder: 'tags, separated by commas' });
    tags.value = record.tags.join(', ');
    const quote = record.target.quote.exact;

    this.commit = () => {
      const changes: AnnotationChanges = {};
      if (color !== record.color) changes.color = color;
      if (note.value !== record.note) changes.note = note.value;
      const newTags = parseTagInput(tags.value);
      if (newTags.join('\n') !== record.tags.join('\n')) changes.tags = newTags;
      if (Object.keys(changes).length > 0) this.actions.save(record.id, changes);
    };

    this.panel = h('div', {
      class: 'panel editor',
      role: 'dialog',
      'aria-label': 'Edit highlight',
      onkeydown: (event: Event) => {
        const key = event as KeyboardEvent;
        if (key.key === 'Escape') this.close();
        if (key.key === 'Enter' && (key.ctrlKey || key.metaKey)) this.close();
      },
    },
      h('p', { class: 'quote' }, quote.length > QUOTE_PREVIEW ? `${quote.slice(0, QUOTE_PREVIEW)}…` : quote),
      colorPicker(color, (chosen) => { color = chosen; }),
      h('label', {}, 'Note', note),
      h('label', {}, 'Tags', tags),
      h('div', { class: 'row' },
        h('button', { type: 'button', class: 'danger', onclick: () => this.remove(record) }, 'Delete'),
        h('button', { type: 'button', class: 'primary', onclick: () => this.close() }, 'Done'),
      ),
    );
    const { top, left } = placeNear(rect, 260);
    this.panel.style.top = `${top}px`;
    this.panel.style.left = `${left}px`;
    this.host.root.append(this.panel);
    (focusNote ? note : (this.panel.querySelector('[aria-checked="true"]') as HTMLElement | null))?.focus();
  }

  /** Saves any change and closes. */
  close(): void {
    if (!this.panel) return;
    this.commit?.();
    this.commit = null;
    this.panel.remove();
    this.panel = null;
    this.actions.closed();
  }

  private remove(record: AnnotationRecord): void {
    this.commit = null;
    this.panel?.remove();
    this.panel = null;
    this.actions.remove(record);
    this.actions.closed();
  }
}
