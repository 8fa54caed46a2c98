/** The highlight shortcut, as the welcome and settings pages show it; tests give fakes. */
export interface ShortcutServices {
  /** The highlight shortcut as the browser has it now (the person may have changed it), or null if unset. */
  shortcut: () => Promise<string | null>;
  /**
   * Opens the browser's own page for changing extension shortcuts. Resolves false when this browser
   * gives extensions no way to open it (older Firefox): the page then says where to find it.
   */
  openShortcutSettings: () => Promise<boolean>;
}
