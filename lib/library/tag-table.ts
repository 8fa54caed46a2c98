/**
 * The tags of a whole library, numbered: each tag key gets an id, and each highlight's tags are kept as
 * ids in one flat array, so counting and filtering 100,000 highlights' tags is array work rather than
 * strings and maps. Tags are one tag per tagKey; the label shown is the spelling most highlights use.
 */
import { tagKey } from '../storage/tags';

export interface TagUse {
  key: string;
  label: string;
  /** Highlights carrying the tag, as a tag one set or in the note's text (an inline `#tag`). */
  uses: number;
  /** Highlights carrying it as a tag one set: what renaming it changes. */
  set: number;
}

export class TagTable {
  /** Tag key of each id. */
  readonly keys: string[] = [];
  private readonly idsByKey = new Map<string, number>();
  /** Every spelling seen, with its tag id and how many highlights use it. */
  private readonly spellings = new Map<string, { id: number; uses: number }>();
  /** Per id: how many highlights carry it as a tag one set (not only in the note's text). */
  private readonly setUses: number[] = [];
  /** Tag ids of highlight i: ids[starts[i]] up to ids[starts[i + 1]], each id once. */
  ids = new Int32Array(1024);
  starts: Int32Array;
  private rows = 0;

  /** `rows`: how many highlights will be added. */
  constructor(rows: number) {
    this.starts = new Int32Array(rows + 1);
  }

  /**
   * Records the next highlight's tags (whatever the stored value is), then the inline `#tags` of its note
   * that are not among them; returns its index.
   */
  add(labels: unknown, inline?: readonly string[]): number {
    let end = this.starts[this.rows];
    const begin = end;
    if (Array.isArray(labels)) for (const label of labels) if (typeof label === 'string') end = this.take(label, true, begin, end);
    if (inline) for (const label of inline) end = this.take(label, false, begin, end);
    this.starts[++this.rows] = end;
    return this.rows - 1;
  }

  /** Adds a tag to the row being recorded (ids[begin] up to ids[end]) unless it holds it; returns the row's new end. */
  private take(label: string, set: boolean, begin: number, end: number): number {
    const spelling = this.spellingOf(label);
    if (spelling.id < 0 || this.holds(begin, end, spelling.id)) return end;
    spelling.uses++;
    if (set) this.setUses[spelling.id]++;
    if (end === this.ids.length) this.grow();
    this.ids[end] = spelling.id;
    return end + 1;
  }

  private holds(begin: number, end: number, id: number): boolean {
    for (let k = begin; k < end; k++) if (this.ids[k] === id) return true;
    return false;
  }

  /** The entry of a spelling; id -1 for a label with an empty key (it is not a tag). */
  private spellingOf(label: string): { id: number; uses: number } {
    let spelling = this.spellings.get(label);
    if (!spelling) {
      const key = tagKey(label);
      let id = key ? this.idsByKey.get(key) : -1;
      if (id === undefined) {
        id = this.keys.push(key) - 1;
        this.setUses.push(0);
        this.idsByKey.set(key, id);
      }
      this.spellings.set(label, (spelling = { id, uses: 0 }));
    }
    return spelling;
  }

  private grow(): void {
    const bigger = new Int32Array(this.ids.length * 2);
    bigger.set(this.ids);
    this.ids = bigger;
  }

  /** Puts the rows in a new order: row k becomes the highlight that was row order[k]. */
  reorder(order: Int32Array): void {
    const ids = new Int32Array(this.ids.length);
    const starts = new Int32Array(this.starts.length);
    let end = 0;
    for (let row = 0; row < order.length; row++) {
      for (let k = this.starts[order[row]]; k < this.starts[order[row] + 1]; k++) ids[end++] = this.ids[k];
      starts[row + 1] = end;
    }
    this.ids = ids;
    this.starts = starts;
  }

  /** The tag ids of highlight `i` (a view, not a copy). */
  tagsOf(i: number): Int32Array {
    return this.ids.subarray(this.starts[i], this.starts[i + 1]);
  }

  /** Whether highlight `i` carries tag `id`. */
  has(i: number, id: number): boolean {
    return this.holds(this.starts[i], this.starts[i + 1], id);
  }

  /** The id of a tag key, or -1 if no highlight carries it. */
  idOfKey(key: string): number {
    return this.idsByKey.get(key) ?? -1;
  }

  /** For each id: its key, the spelling most highlights use (on a tie the first in code-unit order, so it is stable), and how many highlights carry it. */
  summary(): TagUse[] {
    const best = this.keys.map((key) => ({ key, label: '', uses: 0, top: -1 }));
    for (const [label, { id, uses }] of this.spellings) {
      if (id < 0) continue;
      const tag = best[id];
      tag.uses += uses;
      if (uses > tag.top || (uses === tag.top && label < tag.label)) [tag.label, tag.top] = [label, uses];
    }
    return best.map(({ key, label, uses }, id) => ({ key, label, uses, set: this.setUses[id] }));
  }
}
