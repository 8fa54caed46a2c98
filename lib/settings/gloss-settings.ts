import type { HighlightColor } from '../storage/records';

/** What the person can choose on the settings page (stored by lib/storage/settings-store.ts). */
export interface GlossSettings {
  /** The colour of highlights made with the shortcut or the context menu, and the toolbar's first choice. */
  defaultColor: HighlightColor;
  /** Whether selecting text in a page offers the floating toolbar (the shortcut and context menu work either way). */
  showToolbar: boolean;
}

/** Gloss as installed; also what a missing or damaged stored value gives way to. */
export const DEFAULT_SETTINGS: Readonly<GlossSettings> = Object.freeze({ defaultColor: 'yellow', showToolbar: true });
