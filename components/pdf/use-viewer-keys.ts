import { useEffect, useRef } from 'preact/hooks';

export interface ViewerKeyActions {
  zoomIn: () => void;
  zoomOut: () => void;
  fitWidth: () => void;
  find: () => void;
  findStep: (direction: 1 | -1) => void;
  page: (direction: 1 | -1) => void;
  save: () => void;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * The viewer's keys: Ctrl+plus/minus/0 zoom (instead of the browser's page zoom), Ctrl+F opens Gloss's find
 * bar, Ctrl+S saves the PDF (not the viewer's page), F3 and Ctrl+G step through matches (with Shift, backwards), Page Up/Down go a page at a time.
 * Only the reader's own key presses act (isTrusted).
 */
export function useViewerKeys(actions: ViewerKeyActions): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.isTrusted || event.altKey) return;
      const act = latest.current;
      const command = event.ctrlKey || event.metaKey;
      let handled = true;
      if (command && (event.key === '+' || event.key === '=')) act.zoomIn();
      else if (command && (event.key === '-' || event.key === '_')) act.zoomOut();
      else if (command && event.key === '0') act.fitWidth();
      else if (command && event.key.toLowerCase() === 'f') act.find();
      else if (command && event.key.toLowerCase() === 's') act.save();
      else if (event.key === 'F3' || (command && event.key.toLowerCase() === 'g')) act.findStep(event.shiftKey ? -1 : 1);
      else if (!command && !isTyping(event.target) && event.key === 'PageDown') act.page(1);
      else if (!command && !isTyping(event.target) && event.key === 'PageUp') act.page(-1);
      else handled = false;
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
