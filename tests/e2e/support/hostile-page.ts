import { expect } from 'vitest';
import { FIND_TEXT } from './page-selection';
/**
 * A hostile page, for the tests that check what a web page can learn about or do to what a person keeps
 * in Gloss. SPY_SCRIPT runs in the page's own world before its scripts; the attack scripts run there later.
 */

/** The note, tags and a control text the hostile-page tests type; none but the control may reach the page. */
export const SECRET_NOTE = 'Zanzibar note 7731';
export const SECRET_TAGS = 'quokka-tag-99, wombat-tag';
export const CONTROL_TEXT = 'typed into the page itself';

// The test tools run init scripts in every frame of a tab, Gloss's own frame included, which no web
// page can do: the hostile scripts act only in the web page.
const ONLY_WEB_PAGES = `if (!/^https?:$/.test(location.protocol)) return;`;

/**
 * Records, in `window.__glossSpy`, everything a page script can observe: every event reaching the
 * window (keys, input, clipboard, focus, messages), every form value, every open shadow root's text
 * (and closed ones, through a patched attachShadow), the page's HTML as it changes, and whatever it can
 * read of every frame.
 */
export const SPY_SCRIPT = `(() => {
  ${ONLY_WEB_PAGES}
  const log = [];
  Object.defineProperty(window, '__glossSpy', { value: log });
  const str = (value) => { try { return typeof value === 'string' ? value : JSON.stringify(value) ?? ''; } catch { return ''; } };
  const EVENTS = ['keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'change', 'compositionend', 'paste', 'copy', 'cut',
    'focusin', 'focusout', 'click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'submit', 'message', 'selectionchange'];
  for (const type of EVENTS) {
    window.addEventListener(type, (event) => {
      const target = event.composedPath ? event.composedPath()[0] : event.target;
      log.push({ kind: 'event', type, key: event.key ?? null, data: str(event.data ?? null),
        value: target && typeof target.value === 'string' ? target.value : null });
    }, true);
  }
  const captured = [];
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    captured.push(root);
    return root;
  };
  let lastHtml = '';
  const sweep = () => {
    const seen = [];
    const visit = (root) => {
      for (const element of root.querySelectorAll('*')) {
        if (typeof element.value === 'string') seen.push('value:' + element.value);
        if (element.shadowRoot) { seen.push('shadow:' + element.shadowRoot.textContent); visit(element.shadowRoot); }
        if (element.tagName === 'IFRAME') {
          try { seen.push('iframe:' + (element.contentDocument ? element.contentDocument.documentElement.outerHTML : 'no document')); }
          catch { seen.push('iframe:blocked'); }
        }
      }
    };
    visit(document);
    for (const root of captured) { seen.push('captured:' + root.textContent); visit(root); }
    for (let i = 0; i < window.length; i++) {
      try { seen.push('window-frame:' + window[i].document.documentElement.outerHTML); } catch { seen.push('window-frame:blocked'); }
    }
    const html = document.documentElement ? document.documentElement.outerHTML : '';
    if (html !== lastHtml) { lastHtml = html; seen.push('html:' + html); }
    log.push({ kind: 'sweep', seen });
  };
  setInterval(sweep, 50);
  document.addEventListener('DOMContentLoaded', () => {
    new MutationObserver(sweep).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
})();`;

/** The spy's whole log as one string, to search for what must never be there. */
export const SPY_LOG_SCRIPT = `JSON.stringify(window.__glossSpy ?? null)`;

/** The keys of every keyboard event the page saw. */
export const SPY_KEYS_SCRIPT = `(window.__glossSpy ?? []).filter((entry) => entry.kind === 'event' && entry.key !== null).map((entry) => entry.key)`;

/**
 * What a page script tries without the person: select text and fake the gestures that would offer the
 * toolbar, fake a click on an existing highlight (at `clickText`), and click everything of Gloss's it
 * can find, including whatever element sits where the toolbar would be.
 */
export function fakeGesturesScript(selectStart: string, selectEnd: string, clickText: string): string {
  return `(async () => {
    ${FIND_TEXT}
    const pause = () => new Promise((resolve) => setTimeout(resolve, 300));
    const start = find(${JSON.stringify(selectStart)});
    const end = find(${JSON.stringify(selectEnd)});
    const range = document.createRange();
    range.setStart(start.node, start.at);
    range.setEnd(end.node, end.at + ${JSON.stringify(selectEnd)}.length);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    const box = range.getBoundingClientRect();
    const at = { bubbles: true, composed: true, clientX: box.right, clientY: box.bottom };
    document.dispatchEvent(new MouseEvent('mouseup', at));
    document.dispatchEvent(new KeyboardEvent('keyup', { bubbles: true, key: 'Shift', shiftKey: true }));
    await pause();
    // Whatever sits where Gloss's toolbar would be, and anything marked as Gloss's, gets clicked.
    for (let y = box.top - 60; y < box.bottom + 60; y += 10) {
      for (let x = box.left; x < box.right; x += 20) document.elementFromPoint(x, y)?.click?.();
    }
    document.querySelectorAll('[data-gloss-ui], gloss-ui').forEach((element) => element.click());
    document.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: 'H', altKey: true, shiftKey: true }));
    await pause();
    getSelection().removeAllRanges();
    const target = find(${JSON.stringify(clickText)});
    const word = document.createRange();
    word.setStart(target.node, target.at);
    word.setEnd(target.node, target.at + ${JSON.stringify(clickText)}.length);
    const rect = word.getBoundingClientRect();
    const point = { bubbles: true, composed: true, clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2 };
    target.node.parentElement.dispatchEvent(new MouseEvent('mousedown', point));
    target.node.parentElement.dispatchEvent(new MouseEvent('mouseup', point));
    target.node.parentElement.dispatchEvent(new MouseEvent('click', point));
    target.node.parentElement.click();
    await pause();
    return true;
  })()`;
}

/** A page that tries to switch Gloss's UI off: its own gloss-ui element, and frames and divs hidden. */
export const PRE_EMPT_SCRIPT = `(() => {
  ${ONLY_WEB_PAGES}
  customElements.define('gloss-ui', class extends HTMLElement {
    constructor() { super(); this.style.display = 'none'; }
  });
  const style = document.createElement('style');
  style.textContent = 'iframe, div { display: none !important; visibility: hidden !important; }';
  if (document.head) document.head.append(style);
  else document.addEventListener('DOMContentLoaded', () => document.head.append(style));
})();`;

/**
 * What the spy logged over two loads of the page (typing, then reopening the editor after a reload):
 * it did see the page and its own field (so it works), and never the note, the tags, any frame's
 * document, or any key but those typed into the page and the Shift that offered the toolbar.
 */
export function expectNothingLeaked(loads: Array<{ log: string; keys: string[] }>): void {
  const [first, second] = loads;
  expect(first.log).toContain('Astonishingly');
  expect(first.log).toContain(CONTROL_TEXT);
  expect(second.log).toContain('Astonishingly');
  for (const { log } of loads) {
    for (const secret of ['Zanzibar', '7731', 'quokka', 'wombat']) expect(log).not.toContain(secret);
    expect(log).not.toContain('iframe:<'); // no frame's document was readable
    expect(log).not.toContain('window-frame:<');
  }
  const typedInPage = new Set([...CONTROL_TEXT, 'Shift']);
  expect(first.keys.filter((key) => !typedInPage.has(key))).toEqual([]);
  expect(first.keys).toContain('Shift');
  expect(second.keys).toEqual([]); // Escape went to the editor, not to the page
}
