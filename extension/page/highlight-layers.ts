/**
 * Named layers of CSS Custom Highlights plus one "focus" layer, with the one <style> element holding
 * their ::highlight() rules. Painting this way styles ranges without touching the page's text nodes,
 * so the page's own scripts keep working; clearing removes every layer and the style element.
 */

/** Whether this browser can paint highlights; without it Gloss still stores them, and says so. */
export function canPaintHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export interface LayerStyle<K extends string> {
  styleId: string;
  focusName: string;
  /** The registry name of each layer. */
  names: Record<K, string>;
  /** The ::highlight() rules for every layer and the focus layer. */
  css: string;
  /**
   * Decorations drawn over the colour layers (a highlight with a note, the one under the pointer),
   * by registry name; each is set whole with `decorate`.
   */
  decorations?: readonly string[];
}

export class HighlightLayers<K extends string> {
  private readonly keys: K[];

  constructor(
    private readonly style: LayerStyle<K>,
    private readonly doc: Document = document,
  ) {
    this.keys = Object.keys(style.names) as K[];
  }

  private ensureStyle(): void {
    if (this.doc.getElementById(this.style.styleId)) return;
    const element = this.doc.createElement('style');
    element.id = this.style.styleId;
    element.textContent = this.style.css;
    (this.doc.head ?? this.doc.documentElement).append(element);
  }

  /** Replaces everything painted with these ranges, grouped by layer. */
  paint(items: ReadonlyArray<{ range: Range; layer: K }>): void {
    if (!canPaintHighlights()) return;
    this.ensureStyle();
    for (const key of this.keys) {
      const ranges = items.filter((item) => item.layer === key).map((item) => item.range);
      if (ranges.length > 0) CSS.highlights.set(this.style.names[key], new Highlight(...ranges));
      else CSS.highlights.delete(this.style.names[key]);
    }
  }

  /** Marks one range as the focused one, or none. */
  focus(range: Range | null): void {
    if (!canPaintHighlights()) return;
    if (range) {
      this.ensureStyle();
      const highlight = new Highlight(range);
      highlight.priority = 2;
      CSS.highlights.set(this.style.focusName, highlight);
    } else {
      CSS.highlights.delete(this.style.focusName);
    }
  }

  /** Draws one decoration over these ranges (none removes it). */
  decorate(name: string, ranges: readonly Range[]): void {
    if (!canPaintHighlights() || !this.style.decorations?.includes(name)) return;
    if (ranges.length === 0) {
      CSS.highlights.delete(name);
      return;
    }
    this.ensureStyle();
    const highlight = new Highlight(...ranges);
    highlight.priority = 1; // over the colour layers, under the focus
    CSS.highlights.set(name, highlight);
  }

  /** Removes all the layers and the style element. */
  clear(): void {
    if (canPaintHighlights()) {
      for (const key of this.keys) CSS.highlights.delete(this.style.names[key]);
      CSS.highlights.delete(this.style.focusName);
      for (const name of this.style.decorations ?? []) CSS.highlights.delete(name);
    }
    this.doc.getElementById(this.style.styleId)?.remove();
  }
}
