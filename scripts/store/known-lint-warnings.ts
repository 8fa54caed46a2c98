/**
 * The warnings `web-ext lint` gives on Gloss's Firefox package that come from a bundled library and
 * cannot be fixed in Gloss's code or configuration. Each is recognised by its code and by names the
 * minifier keeps (properties, strings) that only that library's code has around the reported place, in
 * whichever bundle it lands, so an innerHTML of our own (there is none: tests/unit/store/no-html-sinks.test.ts)
 * would not pass as one of these. README, "Store packages", lists them too.
 */
export interface KnownLintWarning {
  code: string;
  /** Names that survive minification, all within `NEAR` characters of the reported place. */
  fingerprint: readonly string[];
  library: string;
  why: string;
}

export const NEAR = 400;

export const KNOWN_LINT_WARNINGS: readonly KnownLintWarning[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    fingerprint: ['_attempts', 'articleContent', 'textLength'],
    library: '@mozilla/readability 0.6.0, Readability.js line 1549 (`page.innerHTML = pageCacheHtml`)',
    why:
      'When a first pass finds too little text, Readability puts back the body it saved before and tries ' +
      'again. It runs on a copy of the page (`document.cloneNode(true)` in lib/article/extract-article.ts): ' +
      "a document with no browsing context, whose scripts never run, and the HTML is that copy's own.",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    fingerprint: ['_isSingleImage', 'noscript'],
    library: '@mozilla/readability 0.6.0, Readability.js line 1928 (`tmp.innerHTML = noscript.innerHTML`)',
    why: 'Readability turns a `<noscript>` image fallback into an image, in the same inert copy of the page.',
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    fingerprint: ['dangerouslySetInnerHTML', '__html'],
    library: 'preact 10, src/diff/index.js line 552 (`dom.innerHTML = newHtml.__html`)',
    why:
      "Preact's renderer always contains its `dangerouslySetInnerHTML` support; it runs only for an " +
      'element given that prop, and no Gloss component gives it.',
  },
  {
    code: 'DANGEROUS_EVAL',
    fingerprint: ['isEvalSupported', 'isOffscreenCanvasSupported'],
    library:
      'pdfjs-dist 5.6, src/shared/util.js (`FeatureTest.isEvalSupported`: `try { new Function(""); }`), in the viewer\'s bundle and in the worker',
    why:
      'pdf.js tests whether it may compile code, in a try/catch. Extension pages forbid eval, so the test fails ' +
      'and nothing is compiled; Gloss also opens every document with `isEvalSupported: false` (extension/pdf/open-pdf.ts).',
  },
  {
    code: 'DANGEROUS_EVAL',
    fingerprint: ['PostScriptCompiler', 'constructPostScriptFn'],
    library: 'pdfjs-dist 5.6, src/core/function.js (PostScript functions compiled with `new Function`), in the worker',
    why:
      'Taken only when the document was opened with `isEvalSupported: true` and the feature test above passes. ' +
      "Gloss opens documents with `isEvalSupported: false`, and the worker runs under the extension's CSP, so pdf.js " +
      'interprets such functions instead.',
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    fingerprint: ['workerSrc', '_setupFakeWorkerGlobal', 'WorkerMessageHandler'],
    library: 'pdfjs-dist 5.6, src/display/api.js (`await import(this.workerSrc)`, the fallback when no worker can start)',
    why:
      'The address imported is `GlobalWorkerOptions.workerSrc`, which Gloss sets to the worker file bundled in the ' +
      'extension (extension/pdf/pdfjs.ts); it never comes from a document or a page.',
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    fingerprint: ['openjpeg_nowasm_fallback.js', 'wasmUrl'],
    library: 'pdfjs-dist 5.6, src/core/jpx.js (`import(`${wasmUrl}openjpeg_nowasm_fallback.js`)`), in the worker',
    why:
      "The JavaScript stand-in for the JPEG 2000 decoder, imported only when WebAssembly cannot run, from the `wasmUrl` option, which only the opener sets: Gloss sets it to the package's own pdfjs/wasm/ folder " +
      '(extension/pdf/pdfjs-assets.ts) and ships no such file there, so the import fails and only that picture stays blank; no address from a document is ever imported.',
  },
];
