// The few extension APIs that harness code calls inside the extension (service worker or popup) via
// evaluate(). Node-side code has no `chrome` or `browser`; these declarations only type those callbacks.
interface HarnessTab {
  id?: number;
  url?: string;
  /** The address a tab is loading, before it commits (Chromium). */
  pendingUrl?: string;
  active?: boolean;
}

interface HarnessExtensionApi {
  tabs: {
    query: (query: object) => Promise<HarnessTab[]>;
    sendMessage: (tabId: number, message: unknown, options?: { frameId?: number }) => Promise<unknown>;
    get: (tabId: number) => Promise<HarnessTab>;
    getCurrent: () => Promise<HarnessTab | undefined>;
  };
  commands: {
    getAll: () => Promise<Array<{ name?: string; shortcut?: string; description?: string }>>;
    /** Chrome's own delivery of a command to the extension's listeners, as when its keys are pressed. */
    onCommand: { dispatch: (command: string, tab: HarnessTab) => void };
  };
  contextMenus: {
    /** Chrome's own delivery of a menu click to the extension's listeners, as when the item is chosen. */
    onClicked: { dispatch: (info: { menuItemId: string; linkUrl?: string; pageUrl?: string; editable: boolean }, tab: HarnessTab) => void };
  };
  runtime: { sendMessage: (message: unknown) => Promise<unknown>; getManifest: () => { options_ui?: { page?: string } } };
}

declare const chrome: HarnessExtensionApi;
