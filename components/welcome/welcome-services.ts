import type { ShortcutServices } from '../shortcut-services';

/** What the welcome page needs from the browser, so the component can be tested with a fake. */
export interface WelcomeServices extends ShortcutServices {
  openLibrary: () => Promise<void>;
  /** Opens the settings page (the extension's options page). */
  openSettings: () => Promise<void>;
}
