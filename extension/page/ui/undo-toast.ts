import { h } from './dom';
import type { UiHost } from './ui-host';

const TOAST_MS = 8000;

/** "Highlight deleted. Undo": a few seconds to take a deletion back. */
export class UndoToast {
  private panel: HTMLElement | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: UiHost) {}

  show(message: string, undo: () => void): void {
    this.hide();
    this.panel = h('div', { class: 'panel toast', role: 'status' },
      h('span', {}, message),
      h('button', { type: 'button', onclick: () => { this.hide(); undo(); } }, 'Undo'),
    );
    this.host.root.append(this.panel);
    this.timer = setTimeout(() => this.hide(), TOAST_MS);
  }

  hide(): void {
    clearTimeout(this.timer);
    this.panel?.remove();
    this.panel = null;
  }
}
