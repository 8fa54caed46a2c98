/**
 * Runs inside a real-page fixture for the in-browser robustness test (bundled by esbuild): plans the
 * highlights, selects them as a user would, and applies a page change before Gloss anchors.
 */
import { NormalizedText } from '../../../lib/anchoring/normalize';
import { TextIndex } from '../../../lib/anchoring/text-index';
import { chooseHighlights, DEFAULT_OPTIONS, type PlannedHighlight } from '../../../scripts/anchoring/choose-highlights';
import { classify, type Outcome } from '../../../scripts/anchoring/evaluate';
import { mapOffset, MODIFICATIONS } from '../../../scripts/anchoring/modifications';

export interface Expected {
  start: number;
  end: number;
  /** The planned passage as first highlighted, to match stored records to plan entries. */
  original: string;
}

export interface PlacedState {
  status: 'anchored' | 'orphan' | 'pending';
  start: number;
  end: number;
  quote: string;
}

declare global {
  interface Window {
    __glossRobustness: typeof api;
    __glossExpected?: Expected[];
  }
}

const index = () => new TextIndex(document.body);
const plan = (seed: string): PlannedHighlight[] => chooseHighlights(index(), { ...DEFAULT_OPTIONS, seed });

const api = {
  /** The planned highlights' texts, in plan order. */
  plannedTexts(seed: string): string[] {
    const text = index().text;
    return plan(seed).map(({ start, end }) => text.slice(start, end));
  },

  /** Selects planned highlight `i` and releases the mouse, as a drag would. */
  select(seed: string, i: number): string {
    const current = index();
    const { start, end } = plan(seed)[i];
    const range = current.rangeFor(start, end);
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return range.toString();
  },

  /** Changes the page in place (called while it loads) and records where each highlight should end up. */
  modify(name: string, seed: string): void {
    const before = index();
    const planned = plan(seed);
    const originals = planned.map(({ start, end }) => before.text.slice(start, end));
    const edits = name === 'unchanged' ? [] : MODIFICATIONS[name](before, planned);
    window.__glossExpected = planned.map((h, i) => ({
      start: mapOffset(edits, h.start, 'start'),
      end: mapOffset(edits, h.end, 'end'),
      original: originals[i],
    }));
  },

  /** Scores what Gloss placed against the expectations recorded by `modify`. */
  score(states: PlacedState[], whitespaceInsensitive: boolean): Outcome[] {
    const text = new NormalizedText(index().text);
    const expected = window.__glossExpected ?? [];
    return expected.map((want) => {
      const state = states.find((s) => s.quote === want.original);
      if (!state) return 'orphan';
      const result =
        state.status === 'anchored'
          ? { status: 'anchored' as const, start: state.start, end: state.end, score: 1, method: 'exact' as const }
          : { status: 'orphan' as const, bestScore: 0 };
      return classify(result, want, text, whitespaceInsensitive);
    });
  },
};

window.__glossRobustness = api;
