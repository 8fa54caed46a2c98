// The few extension APIs that harness code calls inside the extension (service worker or popup) via
// evaluate(). Node-side code has no `chrome` or `browser`; these declarations only type those callbacks.
interface HarnessTab {
  id?: number;
  url?: string;
}

interface HarnessExtensionApi {
  tabs: {
    query: (query: object) => Promise<HarnessTab[]>;
    sendMessage: (tabId: number, message: unknown, options?: { frameId?: number }) => Promise<unknown>;
  };
  commands: { getAll: () => Promise<Array<{ name?: string; shortcut?: string; description?: string }>> };
  runtime: { sendMessage: (message: unknown) => Promise<unknown> };
}

declare const chrome: HarnessExtensionApi;
