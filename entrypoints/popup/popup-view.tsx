import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '@/components/popup-app';
import { WikilinkSearch } from '@/components/note/wikilink-search';
import { openLibrary } from '@/extension/library/library-channel';
import type { prefetchFirstAnalysis } from '@/extension/popup/first-analysis';
import { readerServices } from '@/extension/popup/reader-services';
import { canOpenSidePanel, openSidePanel } from '@/extension/side-panel/open-side-panel';

/** The popup's view, loaded by main.ts once its first requests are on their way. */
export function showPopup(firstAnalysis: ReturnType<typeof prefetchFirstAnalysis>, requestedTab: number | null): void {
  // Known before any click: opening the side panel must happen in the click's own handler.
  let windowId: number | null = null;
  void browser.windows.getCurrent().then(
    (current) => {
      windowId = current.id ?? null;
    },
    () => undefined,
  );

  const services = readerServices({
    resolveTabId: firstAnalysis.resolveTabId,
    analyzeTab: firstAnalysis.analyzeTab,
    sitePauseStatus: firstAnalysis.sitePauseStatus,
    closeOnLibrary: true,
    openSidePanel: canOpenSidePanel()
      ? () => {
          void openSidePanel(windowId).then(
            // The real popup steps aside for the panel; a popup opened as a tab for another tab stays.
            () => {
              if (requestedTab === null) window.close();
            },
            (error: unknown) => console.warn('Gloss could not open its side panel:', error),
          );
        }
      : undefined,
  });

  render(
    // A note's wikilink searches the library tab already open, or opens one.
    <WikilinkSearch.Provider value={(target) => void openLibrary(target)}>
      <PopupApp services={services} />
    </WikilinkSearch.Provider>,
    document.getElementById('app')!,
  );
}
