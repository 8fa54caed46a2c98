/**
 * What library-browser.ts installs in library.html before the page's own scripts (an init script), to
 * time it from inside without touching the extension's code. All times are performance.now(), so they
 * count from the document's navigation start.
 *
 * - "Painted" is the first task after the next frame: a requestAnimationFrame callback posts a message,
 *   which runs once that frame's rendering (layout, paint) is done.
 * - watch(name, selector, pattern): the first mutation after which an element matching `selector` (and
 *   whose text matches `pattern`) is in the DOM, and when that was painted.
 * - Keystrokes in the searchbox: the keydown's own timestamp (when the browser took the key), the end of
 *   the `input` event's dispatch (Preact renders in a microtask of its handler, so the search and the new
 *   result list are done by then), and when the next frame was painted.
 * - Long tasks (to see when the main thread is free again), IndexedDB getAll calls (Dexie's toArray)
 *   with their store, start, end and record count, and read-write transactions from start to complete.
 *
 * A string, because functions serialised from this file would carry tsx's helpers, which the page lacks.
 */
export const LIBRARY_PROBE = `(() => {
  if (!location.pathname.endsWith('/library.html')) return;
  const now = () => performance.now();
  const afterPaint = (callback) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => callback(now());
    channel.port2.postMessage(null);
  });
  const bench = { watches: {}, keys: [], longTasks: [], reads: [], writes: [], clicks: [], fileChosen: null };
  window.__glossLibraryBench = bench;

  bench.watch = (name, selector, pattern) => {
    const entry = { seen: null, painted: null, text: null };
    entry.done = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        for (const element of document.querySelectorAll(selector)) {
          if (pattern && !new RegExp(pattern).test(element.textContent)) continue;
          observer.disconnect();
          entry.seen = now();
          entry.text = element.textContent;
          afterPaint((time) => { entry.painted = time; resolve(entry); });
          return;
        }
      });
      observer.observe(document, { childList: true, subtree: true, characterData: true });
    });
    bench.watches[name] = entry;
  };
  bench.result = (name, timeoutMs) => Promise.race([
    bench.watches[name].done.then(({ seen, painted, text }) => ({ seen, painted, text })),
    new Promise((resolve) => setTimeout(() => resolve(null), timeoutMs)),
  ]);
  bench.watch('firstCard', '.page-card');
  // The list paints from the pages alone; highlight counts appear once every highlight is read and indexed.
  bench.watch('highlightsListed', '.page-card .page-meta', 'highlight');

  let keyDown = null;
  const isSearch = (event) => event.target && event.target.type === 'search';
  addEventListener('keydown', (event) => { if (isSearch(event)) keyDown = event.timeStamp; }, true);
  addEventListener('input', (event) => {
    if (!isSearch(event)) return;
    bench.keys.push({ value: event.target.value, down: keyDown ?? event.timeStamp, handled: null, painted: null });
    keyDown = null;
  }, true);
  addEventListener('input', (event) => {
    if (!isSearch(event)) return;
    const key = bench.keys[bench.keys.length - 1];
    key.handled = now();
    key.done = new Promise((resolve) => afterPaint((time) => { key.painted = time; resolve(); }));
  });
  bench.keyPainted = async (index) => {
    while (!bench.keys[index] || !bench.keys[index].done) await new Promise((resolve) => setTimeout(resolve, 1));
    await bench.keys[index].done;
    const { value, down, handled, painted } = bench.keys[index];
    return { value, down, handled, painted };
  };

  addEventListener('change', (event) => { if (event.target && event.target.type === 'file') bench.fileChosen = now(); }, true);
  // Buttons only: an export's download is a click on a hidden link.
  addEventListener('click', (event) => {
    const button = event.target && event.target.closest && event.target.closest('button');
    if (button) bench.clicks.push({ time: event.timeStamp, label: button.textContent });
  }, true);

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}

  const getAll = IDBObjectStore.prototype.getAll;
  IDBObjectStore.prototype.getAll = function (...args) {
    const start = now();
    const store = this.name;
    const request = getAll.apply(this, args);
    request.addEventListener('success', () => bench.reads.push({ store, start, end: now(), count: request.result?.length ?? 0 }));
    return request;
  };
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (stores, mode, ...rest) {
    const created = transaction.call(this, stores, mode, ...rest);
    if (mode === 'readwrite') {
      const entry = { stores: [].concat(stores).length, start: now(), end: null };
      bench.writes.push(entry);
      created.addEventListener('complete', () => { entry.end = now(); });
    }
    return created;
  };
})();`;
