import { render } from 'preact';
import { WikilinkSearch } from '@/components/note/wikilink-search';
import { SidePanelApp, type SidePanelServices } from '@/components/side-panel-app';
import { openLibrary } from '@/extension/library/library-channel';
import { readerServices } from '@/extension/popup/reader-services';
import { followTab } from '@/extension/side-panel/follow-tab';
import { readingPositionClient } from '@/extension/side-panel/reading-position-client';
import { panelTargetFromSearch } from '@/lib/popup/target-tab';
import '@/assets/theme.css';
import '@/assets/highlight-edit.css';
import '@/assets/note-markdown.css';
// The panel shows the popup's components, so it takes the popup's styles and then its own frame.
import '../popup/style.css';
import './style.css';

const target = panelTargetFromSearch(location.search);
const { watchReadingPosition, watchPdfReadingPosition } = readingPositionClient();
const services: SidePanelServices = {
  follow: (onTab) => followTab(target, onTab),
  readerFor: (tabId) =>
    readerServices({ resolveTabId: async () => tabId, closeOnLibrary: false, watchReadingPosition, watchPdfReadingPosition }),
};

render(
  // A note's wikilink searches the library tab already open, or opens one.
  <WikilinkSearch.Provider value={(target) => void openLibrary(target)}>
    <SidePanelApp services={services} />
  </WikilinkSearch.Provider>,
  document.getElementById('app')!,
);
