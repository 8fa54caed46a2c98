/**
 * The model's weights arranged for inference: one lookup table per feature template (`first`, `L1`,
 * `L1|R1`…), keyed by the feature's value parts, so scoring a candidate looks up strings the document
 * already holds (a word, its shape) instead of building a `template=value` string per feature and hashing
 * it. A two-part feature (`L1|R1=a|b`) is a table of tables, so the second part is only looked at when
 * the first is in the model at all, which most words are not.
 *
 * Feature names are the strings `span-features.ts` writes (training keeps them as strings); `split`
 * reads them back. The parts are words (a run of letters and digits, or one other character, so `|` only
 * as a whole word), shapes, fixed labels or dictionary facts.
 */
import { RULE_LABELS } from './span-features';

export type Table = Map<string, number>;
export type PairTable = Map<string, Table>;

const EMPTY: Table = new Map();
const EMPTY_PAIR: PairTable = new Map();

/** The templates whose value has two parts, and how to split that value. */
const PAIRS: Record<string, (value: string) => [string, string] | undefined> = {
  // Two words: the first is `|` exactly when the value starts with one (no other word holds a `|`).
  'L1|R1': (v) => (v.startsWith('|') ? ['|', v.slice(2)] : splitAt(v, v.indexOf('|'))),
  'rule|L1': (v) => splitRuleFirst(v),
  'rule|R1': (v) => splitRuleFirst(v),
  // A dictionary fact (no `|` in it), then a rule label.
  'dict|rule': (v) => splitAt(v, v.indexOf('|')),
};

function splitAt(v: string, at: number): [string, string] | undefined {
  return at < 0 ? undefined : [v.slice(0, at), v.slice(at + 1)];
}

/** A rule label (which may hold a `|` itself), then a word. */
function splitRuleFirst(v: string): [string, string] | undefined {
  let best: string | undefined;
  for (const label of RULE_LABELS) if (v.startsWith(`${label}|`) && (!best || label.length > best.length)) best = label;
  return best === undefined ? undefined : [best, v.slice(best.length + 1)];
}

export class FeatureTable {
  private readonly single = new Map<string, Table>();
  private readonly pairs = new Map<string, PairTable>();
  /** Features with no `=` (`bias`, `written-lower`). */
  private readonly plain: Table = new Map();

  constructor(names: readonly string[]) {
    names.forEach((name, id) => {
      const eq = name.indexOf('=');
      if (eq < 0) {
        this.plain.set(name, id);
        return;
      }
      const template = name.slice(0, eq);
      const value = name.slice(eq + 1);
      const split = PAIRS[template];
      if (split) {
        const parts = split(value);
        if (!parts) throw new Error(`entity model: cannot read the feature ${JSON.stringify(name)}`);
        let outer = this.pairs.get(template);
        if (!outer) this.pairs.set(template, (outer = new Map()));
        let inner = outer.get(parts[0]);
        if (!inner) outer.set(parts[0], (inner = new Map()));
        inner.set(parts[1], id);
        return;
      }
      let table = this.single.get(template);
      if (!table) this.single.set(template, (table = new Map()));
      table.set(value, id);
    });
  }

  /** The table of a one-part template (empty when the model has none of its features). */
  table(template: string): Table {
    return this.single.get(template) ?? EMPTY;
  }

  pairTable(template: string): PairTable {
    return this.pairs.get(template) ?? EMPTY_PAIR;
  }

  /** The id of a feature without a value, or -1. */
  plainId(name: string): number {
    return this.plain.get(name) ?? -1;
  }
}
