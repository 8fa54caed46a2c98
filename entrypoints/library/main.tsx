import { render } from 'preact';
import { LibraryApp } from '@/components/library/library-app';
import { createLibraryServices } from '@/extension/library/create-library-services';
import { createSyncServices } from '@/extension/library/create-sync-services';
import '@/assets/theme.css';
import '@/assets/highlight-edit.css';
import '@/assets/note-markdown.css';
import './style.css';

const initialQuery = new URLSearchParams(location.search).get('q') ?? '';

render(
  <LibraryApp services={createLibraryServices()} sync={createSyncServices()} initialQuery={initialQuery} />,
  document.getElementById('app')!,
);
