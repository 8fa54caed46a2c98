import { render } from 'preact';
import { PdfViewerApp } from '@/components/pdf/pdf-viewer-app';
import { pdfViewerServices } from '@/extension/pdf/viewer-services';
import '@/assets/theme.css';
import './style.css';

render(<PdfViewerApp services={pdfViewerServices(location.search)} />, document.getElementById('app')!);
