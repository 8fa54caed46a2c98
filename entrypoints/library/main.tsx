import { render } from 'preact';
import { LibraryApp } from '@/components/library/library-app';
import { createLibraryServices } from '@/extension/library/create-library-services';
import { createSyncServices } from '@/extension/library/create-sync-services';
import { listenForLibrarySearches } from '@/extension/library/library-channel';
import { keepQueryInAddress, queryFromAddress } from '@/extension/library/query-in-address';
import '@/assets/theme.css';
import '@/assets/highlight-edit.css';
import '@/assets/note-markdown.css';
import './style.css';

render(
  <LibraryApp
    services={createLibraryServices()}
    sync={createSyncServices()}
    initialQuery={queryFromAddress()}
    onQueryChange={keepQueryInAddress}
    subscribeSearches={listenForLibrarySearches}
  />,
  document.getElementById('app')!,
);
