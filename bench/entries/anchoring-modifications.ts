/**
 * Changes to the page after the highlights were described, each forcing anchoring down a slower path
 * (see lib/anchoring/anchor.ts), and each undoable so one page serves them all.
 */
import { TextIndex } from '../../lib/anchoring/text-index';
import type { AnnotationTarget } from '../../lib/anchoring/types';

export type ModificationKind = 'none' | 'paragraph' | 'block' | 'edit';

export interface Modification {
  description: string;
  /** How far the described text moved in the page's text (the same for every highlight here). */
  shift: number;
  undo: () => void;
}

const PARAGRAPH =
  'Editor’s note: this article was updated after publication to correct the date of the ' +
  'second survey, to add a comment from the ministry, and to clarify that the figures for the northern ' +
  'districts are provisional estimates, not final counts. An earlier version also misspelled the name of ' +
  'the river. We regret the errors. Readers who spot a mistake can write to the corrections desk, which ' +
  'reviews every message and publishes a summary of the changes at the foot of the page each week.';

/** Puts PARAGRAPH first in the body inside a new `tag` element. */
function insertAtTop(tag: string, description: string): Modification {
  const element = document.createElement(tag);
  element.textContent = PARAGRAPH;
  document.body.prepend(element);
  return { description, shift: PARAGRAPH.length, undo: () => element.remove() };
}

/** The character at `offset` replaced in the DOM by a different letter; the text keeps its length. */
function editCharacter(index: TextIndex, offset: number, originals: Map<Text, string>): void {
  const point = index.pointAt(offset);
  if (!point) return;
  const { node } = point;
  if (!originals.has(node)) originals.set(node, node.data);
  const old = node.data[point.offset];
  node.data = node.data.slice(0, point.offset) + (old === 'x' ? 'y' : 'x') + node.data.slice(point.offset + 1);
}

/** One character changed in the middle of every quote, so none is found verbatim any more. */
function editEveryQuote(targets: readonly AnnotationTarget[]): Modification {
  const index = new TextIndex(document.body);
  const originals = new Map<Text, string>();
  for (const { position } of targets) {
    let offset = (position.start + position.end) >> 1;
    while (offset < position.end - 1 && /\s/.test(index.text[offset])) offset++;
    editCharacter(index, offset, originals);
  }
  return {
    description: 'one letter changed in the middle of every quote',
    shift: 0,
    undo: () =>
      originals.forEach((data, node) => {
        node.data = data;
      }),
  };
}

export function applyModification(kind: ModificationKind, targets: readonly AnnotationTarget[]): Modification {
  switch (kind) {
    case 'none':
      return { description: 'unchanged', shift: 0, undo: () => undefined };
    case 'paragraph':
      // A <p> first in the body: every offset moves, but paths through the body's other children hold.
      return insertAtTop('p', `a ${PARAGRAPH.length}-character <p> inserted at the top of the body`);
    case 'block': {
      // The same text in an element of the tag the body's first child has: the paths shift too.
      const tag = document.body.firstElementChild?.localName ?? 'div';
      return insertAtTop(tag, `the same text in a <${tag}> at the top of the body`);
    }
    case 'edit':
      return editEveryQuote(targets);
  }
}
