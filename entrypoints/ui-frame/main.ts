import { startUiFrame } from '@/extension/ui-frame/frame-app';

// The toolbar, editor and undo notice, shown inside web pages in a frame the page cannot read.
startUiFrame();
