import type { StepPosition } from '@/lib/messaging/ui-frame-protocol';
import { h } from './dom';

export interface StepperActions {
  step: (direction: 1 | -1) => void;
  edit: () => void;
  close: () => void;
}

const QUOTE_PREVIEW = 80;

/**
 * The bar shown while stepping through the page's highlights: where we are ("3 of 12"), the quote,
 * and Previous, Next, Edit and Close. N (or ↓) goes to the next one, P (or ↑) to the previous one,
 * Enter or E opens it, Escape leaves it with the focus on the highlight.
 */
export function highlightStepper(position: StepPosition, actions: StepperActions): { bar: HTMLElement; first: HTMLElement } {
  const next = h('button', { type: 'button', 'aria-keyshortcuts': 'N', onclick: () => actions.step(1) }, 'Next');
  const quote = position.quote.length > QUOTE_PREVIEW ? `${position.quote.slice(0, QUOTE_PREVIEW)}…` : position.quote;
  const bar = h(
    'div',
    {
      class: 'panel stepper',
      role: 'toolbar',
      'aria-label': 'Highlights on this page',
      onkeydown: (event: Event) => {
        const key = event as KeyboardEvent;
        if (key.ctrlKey || key.metaKey || key.altKey) return;
        const lower = key.key.toLowerCase();
        if (lower === 'n' || key.key === 'ArrowDown') actions.step(1);
        else if (lower === 'p' || key.key === 'ArrowUp') actions.step(-1);
        else if (lower === 'e') actions.edit();
        else if (key.key === 'Escape') actions.close();
        else return;
        key.preventDefault();
      },
    },
    h('span', { class: 'position', role: 'status' }, `Highlight ${position.index + 1} of ${position.total}`),
    h('span', { class: 'step-quote' }, quote),
    h('button', { type: 'button', 'aria-keyshortcuts': 'P', onclick: () => actions.step(-1) }, 'Previous'),
    next,
    h('button', { type: 'button', onclick: actions.edit }, 'Edit'),
    h('button', { type: 'button', 'aria-label': 'Close', title: 'Close (Escape)', onclick: actions.close }, '×'),
  );
  return { bar, first: next };
}
