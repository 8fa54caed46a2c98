import { UI_STYLES } from './ui-styles';

/** The attribute that marks Gloss's own elements, so anchoring and hit-testing skip them. */
export const UI_HOST_ATTRIBUTE = 'data-gloss-ui';

/**
 * The element that holds Gloss's toolbar and editor in an open shadow root, so the page's CSS cannot
 * restyle them. Created on first use, attached to <html> so it never shifts the page's body content.
 */
export class UiHost {
  private host: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;

  get root(): ShadowRoot {
    if (!this.shadow || !this.host?.isConnected) {
      this.host = document.createElement('gloss-ui');
      this.host.setAttribute(UI_HOST_ATTRIBUTE, '');
      // The page's CSS can still reach the host element itself: pin what matters.
      this.host.setAttribute('style', 'all: initial !important; position: absolute !important; top: 0 !important; left: 0 !important; z-index: 2147483647 !important;');
      this.shadow = this.host.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      style.textContent = UI_STYLES;
      this.shadow.append(style);
      document.documentElement.append(this.host);
    }
    return this.shadow;
  }

  /** Whether an event or node belongs to Gloss's UI rather than to the page. */
  contains(node: Node | null): boolean {
    if (node === null || this.host === null) return false;
    // Node.contains stops at the shadow boundary: nodes inside the shadow root have it as their root.
    return node === this.host || this.host.contains(node) || node.getRootNode() === this.shadow;
  }

  get element(): HTMLElement | null {
    return this.host;
  }

  remove(): void {
    this.host?.remove();
    this.host = null;
    this.shadow = null;
  }
}

/** Page coordinates for a box next to a viewport rectangle: above it when there is room, else below. */
export function placeNear(rect: DOMRect, boxHeight: number, gap = 8): { top: number; left: number } {
  const above = rect.top - boxHeight - gap;
  const top = above >= 0 ? above : rect.bottom + gap;
  const left = Math.max(8, Math.min(rect.left, window.innerWidth - 320));
  return { top: top + window.scrollY, left: left + window.scrollX };
}
