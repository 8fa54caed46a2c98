import type { Browser } from 'wxt/browser';
import type { TabCommand } from '@/lib/messaging/contract';
import type { GlossSettings } from '@/lib/settings/gloss-settings';
import { isFromExtension } from '../background/callers';

/**
 * What reaches the viewer's page from Gloss itself: the background's tab commands (the shortcuts, the
 * context menu, the popup's requests for this tab; tabs.sendMessage reaches an extension page in the tab
 * as it reaches a content script) and its broadcasts. A content script could send the same shapes with
 * runtime.sendMessage: anything not from Gloss's own contexts is ignored.
 */
export type ViewerMessage =
  | { kind: 'annotations-changed'; pageUrls: string[] }
  | { kind: 'settings'; settings: GlossSettings }
  | { kind: 'command'; command: TabCommand };

export function readViewerMessage(message: unknown, sender: Browser.runtime.MessageSender): ViewerMessage | null {
  if (!isFromExtension(sender) || typeof message !== 'object' || message === null) return null;
  const typed = message as { type?: unknown; gloss?: unknown; pageUrls?: unknown; settings?: GlossSettings };
  if (typed.type === 'annotations-changed' && Array.isArray(typed.pageUrls))
    return { kind: 'annotations-changed', pageUrls: typed.pageUrls.map(String) };
  // The settings page's change comes both as a broadcast and as a tab command: either will do.
  if (typed.type === 'settings-changed' && typeof typed.settings === 'object' && typed.settings !== null)
    return { kind: 'settings', settings: typed.settings };
  if (typed.gloss === 'tab-command' && typeof typed.type === 'string') return { kind: 'command', command: message as TabCommand };
  return null;
}
