import type { HighlightColor } from '@/lib/storage/records';
import { colorPicker } from './color-picker';
import { h } from './dom';
import { placeNear, type UiHost } from './ui-host';

export interface ToolbarActions {
  highlight: (color: HighlightColor, withNote: boolean) => void;
}

/** The small floating toolbar next to a text selection: a colour, "Highlight" and "Add note". */
export class SelectionToolbar {
  private panel: HTMLElement | null = null;
  private color: HighlightColor = 'yellow';

  constructor(private readonly host: UiHost, private readonly actions: ToolbarActions) {}

  get isOpen(): boolean {
    return this.panel?.isConnected ?? false;
  }

  show(rect: DOMRect): void {
    this.hide();
    const run = (withNote: boolean) => () => {
      this.hide();
      this.actions.highlight(this.color, withNote);
    };
    this.panel = h('div', {
      class: 'panel toolbar',
      role: 'toolbar',
      'aria-label': 'Gloss',
      // Keep the page's selection: a press on the toolbar must not collapse it.
      onmousedown: (event: Event) => event.preventDefault(),
    },
      h('button', { type: 'button', class: 'primary', onclick: run(false) }, 'Highlight'),
      colorPicker(this.color, (color) => { this.color = color; }),
      h('button', { type: 'button', onclick: run(true) }, 'Add note'),
    );
    const { top, left } = placeNear(rect, 40);
    this.panel.style.top = `${top}px`;
    this.panel.style.left = `${left}px`;
    this.host.root.append(this.panel);
  }

  hide(): void {
    this.panel?.remove();
    this.panel = null;
  }
}
