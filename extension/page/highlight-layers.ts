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
}

export class HighlightLayers<K extends string> {
  private readonly keys: K[];

  constructor(private readonly style: LayerStyle<K>, private readonly doc: Document = document) {
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
      CSS.highlights.set(this.style.focusName, new Highlight(range));
    } else {
      CSS.highlights.delete(this.style.focusName);
    }
  }

  /** Removes all the layers and the style element. */
  clear(): void {
    if (canPaintHighlights()) {
      for (const key of this.keys) CSS.highlights.delete(this.style.names[key]);
      CSS.highlights.delete(this.style.focusName);
    }
    this.doc.getElementById(this.style.styleId)?.remove();
  }
}
