/** What the welcome page needs from the browser, so the component can be tested with a fake. */
export interface WelcomeServices {
  /** The highlight shortcut as the browser has it now (the person may have changed it), or null if unset. */
  shortcut: () => Promise<string | null>;
  /** Opens the browser's own page for changing extension shortcuts. */
  openShortcutSettings: () => Promise<void>;
  openLibrary: () => Promise<void>;
}
