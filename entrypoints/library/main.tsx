import { render } from 'preact';
import { LibraryApp } from '@/components/library/library-app';
import { libraryServices } from '@/extension/library/library-services';
import { syncServices } from '@/extension/library/sync-services';
import '@/assets/theme.css';
import '@/assets/highlight-edit.css';
import './style.css';

render(<LibraryApp services={libraryServices()} sync={syncServices()} />, document.getElementById('app')!);
