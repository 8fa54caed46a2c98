import { render } from 'preact';
import { LibraryApp } from '@/components/library/library-app';
import { libraryServices } from '@/extension/library/library-services';
import '@/assets/theme.css';
import '@/assets/highlight-edit.css';
import './style.css';

render(<LibraryApp services={libraryServices()} />, document.getElementById('app')!);
