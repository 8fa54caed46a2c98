/**
 * pdf.js's data files that Gloss ships, copied from pdfjs-dist into the package at build time
 * (`wxt.config.ts`), and the options that point pdf.js at them. Without them a PDF loses what it does not
 * carry itself: text in a CJK font it only names (no character maps: no text at all), the true shapes of
 * the 14 standard fonts, JPEG 2000 and JBIG2 pictures (WebAssembly decoders: blank), ICC colours. Every
 * address is inside the extension's own package; nothing is fetched from the web.
 */

/** The package's folder for them. */
export const PDFJS_ASSET_FOLDER = 'pdfjs';

/** pdfjs-dist's folders copied, each with its licence files. */
export const PDFJS_ASSET_KINDS = ['cmaps', 'standard_fonts', 'wasm', 'iccs'] as const;

/**
 * Left out: the JavaScript stand-in for the JPEG 2000 decoder, for browsers that refuse WebAssembly (450 KB
 * of compiled C). Chrome's and Firefox's extension pages run WebAssembly.
 */
export const PDFJS_ASSETS_LEFT_OUT: readonly string[] = ['openjpeg_nowasm_fallback.js'];

/** The options of `getDocument` that name the folders, given how the package's files are addressed. */
export function pdfjsAssetOptions(packageUrl: (path: string) => string) {
  const folder = (kind: (typeof PDFJS_ASSET_KINDS)[number]) => packageUrl(`/${PDFJS_ASSET_FOLDER}/${kind}/`);
  return {
    cMapUrl: folder('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: folder('standard_fonts'),
    wasmUrl: folder('wasm'),
    iccUrl: folder('iccs'),
  };
}
