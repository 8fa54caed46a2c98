/**
 * The packages `npm run zip` makes, checked on the real builds that `npm test` makes first
 * (.output/chrome-mv3 and .output/firefox-mv2, `npm run build`): the version, what the Chrome Web Store
 * checks in a manifest, and Mozilla's linter (web-ext lint) on the Firefox package.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pdfjsAssetOptions } from '../../extension/pdf/pdfjs-assets';
import { CHROME_BUILD, FIREFOX_BUILD, PROJECT_ROOT } from '../../harness/paths';
import { describeLintMessage, lintFirefoxPackage } from '../../scripts/store/firefox-lint';
import { THIRD_PARTY_NOTICES_FILE } from '../../scripts/third-party-notices';

// Generous: the linter takes about 5 s alone, but the machine may be busy with the rest of npm test.
const LINT_TIMEOUT = 180_000;
const packageJson = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };

/** The manifest keys these tests read; the rest is there but not typed. */
interface BuiltManifest {
  name: string;
  description: string;
  version: string;
  icons: Record<string, string>;
  browser_specific_settings?: { gecko: { id: string } };
  content_security_policy?: string | { extension_pages: string };
}

function builtManifest(dir: string): BuiltManifest {
  const file = path.join(dir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`no build at ${path.relative(PROJECT_ROOT, dir)}: run \`npm run build\` (npm test does)`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe.each([
  ['Chrome', CHROME_BUILD],
  ['Firefox', FIREFOX_BUILD],
])('the %s package', (_browser, dir) => {
  it("carries package.json's version", () => {
    expect(builtManifest(dir).version).toBe(packageJson.version);
  });

  it('has every icon it names, at the size it names, up to 128 px', () => {
    const icons = builtManifest(dir).icons;
    expect(Object.keys(icons)).toContain('128');
    for (const [size, file] of Object.entries(icons)) {
      expect(pngSize(path.join(dir, file)), file).toEqual({ width: Number(size), height: Number(size) });
    }
  });

  it("carries pdf.js's character maps, standard fonts and decoders with their licences, and lets its pages run only its own code", () => {
    const folder = (kind: string) => readdirSync(path.join(dir, 'pdfjs', kind));
    expect(folder('cmaps')).toContain('UniJIS-UCS2-H.bcmap');
    expect(folder('cmaps')).toContain('LICENSE');
    expect(folder('standard_fonts')).toEqual(expect.arrayContaining(['LICENSE_FOXIT', 'LICENSE_LIBERATION', 'FoxitSerif.pfb']));
    expect(folder('wasm')).toEqual(
      expect.arrayContaining(['openjpeg.wasm', 'jbig2.wasm', 'qcms_bg.wasm', 'LICENSE_OPENJPEG', 'LICENSE_JBIG2', 'LICENSE_QCMS']),
    );
    expect(folder('wasm')).not.toContain('openjpeg_nowasm_fallback.js');
    expect(folder('iccs')).toContain('LICENSE');
    const csp = builtManifest(dir).content_security_policy;
    // Scripts from the package only, no eval; WebAssembly for the decoders above.
    expect(typeof csp === 'string' ? csp : csp?.extension_pages).toBe("script-src 'self' 'wasm-unsafe-eval'; object-src 'self';");
  });
});

describe.each([
  ['Chrome', CHROME_BUILD],
  ['Firefox', FIREFOX_BUILD],
])('the %s package’s third-party notices', (_browser, dir) => {
  const notices = () => readFileSync(path.join(dir, THIRD_PARTY_NOTICES_FILE), 'utf8');
  const listed = () => [...notices().matchAll(/^- (\S+) /gm)].map((match) => match[1]);

  it('list the libraries the package bundles, each with the licence text it ships', () => {
    expect(listed()).toEqual(expect.arrayContaining(['preact', 'dexie', '@mozilla/readability', 'markdown-it', 'pdfjs-dist', 'valibot']));
    expect(notices()).toContain('preact 10.');
    expect(notices()).toMatch(/Copyright \(c\) 2015-present Jason Miller/);
  });

  it('leave out what the extension does not bundle: the command line’s and the tests’ packages', () => {
    for (const name of ['jsdom', 'tsx', 'vitest', 'playwright-core', 'puppeteer-core', 'fake-indexeddb', 'parse5'])
      expect(listed()).not.toContain(name);
  });

  it('are named in NOTICE.txt', () => {
    expect(readFileSync(path.join(dir, 'NOTICE.txt'), 'utf8')).toContain(THIRD_PARTY_NOTICES_FILE);
  });
});

describe('the Chrome package, as the Chrome Web Store checks it', () => {
  it('has a name of at most 75 and a description of at most 132 characters', () => {
    const manifest = builtManifest(CHROME_BUILD);
    expect(manifest.name.length).toBeGreaterThan(0);
    expect(manifest.name.length).toBeLessThanOrEqual(75);
    expect(manifest.description.length).toBeGreaterThan(0);
    expect(manifest.description.length).toBeLessThanOrEqual(132);
  });

  it("holds only keys Chrome knows (Firefox's settings stay in the Firefox manifest)", () => {
    expect(builtManifest(CHROME_BUILD)).not.toHaveProperty('browser_specific_settings');
    expect(builtManifest(FIREFOX_BUILD).browser_specific_settings?.gecko.id).toBe('gloss@gloss-reader.org');
  });
});

describe('web-ext lint', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'gloss-lint-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it(
    "finds no error, notice or warning in the Firefox package but the bundled libraries' listed ones",
    async () => {
      const report = await lintFirefoxPackage(FIREFOX_BUILD);
      expect(report.errors.map(describeLintMessage)).toEqual([]);
      expect(report.notices.map(describeLintMessage)).toEqual([]);
      expect(report.unexplained.map(describeLintMessage)).toEqual([]);
      // The list in scripts/store/known-lint-warnings.ts is current: each entry is still reported.
      expect(report.unseen.map((entry) => entry.library)).toEqual([]);
    },
    LINT_TIMEOUT,
  );

  it(
    "reports an innerHTML of the extension's own as a warning to fix",
    async () => {
      writeFileSync(
        path.join(scratch, 'manifest.json'),
        JSON.stringify({
          manifest_version: 2,
          name: 'Lint check',
          version: '1.0',
          browser_specific_settings: { gecko: { id: 'lint-check@gloss-reader.org', data_collection_permissions: { required: ['none'] } } },
          background: { scripts: ['background.js'] },
        }),
      );
      writeFileSync(path.join(scratch, 'background.js'), 'document.body.innerHTML = location.hash;\n');
      const report = await lintFirefoxPackage(scratch);
      expect(report.unexplained.map((warning) => warning.code)).toEqual(['UNSAFE_VAR_ASSIGNMENT']);
      expect(report.known).toEqual([]);
    },
    LINT_TIMEOUT,
  );
});

/** Every file under `dir` whose name matches `pattern`. */
function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

const OWN_CODE = ['components', 'entrypoints', 'extension', 'lib'].flatMap((dir) => filesUnder(path.join(PROJECT_ROOT, dir), /\.tsx?$/));
/** The ways a script can reach a server on its own (links a person clicks aside). */
const NETWORK_APIS = ['XMLHttpRequest', 'WebSocket', 'EventSource', 'sendBeacon', 'fetch('];

describe("Gloss's own code", () => {
  // Preact's innerHTML (a known lint warning) runs only for this prop, so no component may give it.
  it('never gives a Preact element dangerouslySetInnerHTML', () => {
    const offenders = OWN_CODE.filter((file) => readFileSync(file, 'utf8').includes('dangerouslySetInnerHTML'));
    expect(offenders.map((file) => path.relative(PROJECT_ROOT, file))).toEqual([]);
  });

  // PRIVACY.md says the extension makes no network request but sync's, to the server the person enters, and
  // the PDF viewer's, for the document the person opens in it.
  it("makes no network request but the sync's, from its WebDAV client, and the PDF viewer's, for the document", () => {
    const hits = OWN_CODE.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return NETWORK_APIS.filter((api) => text.includes(api)).map((api) => `${path.relative(PROJECT_ROOT, file)}: ${api}`);
    });
    expect(hits.sort()).toEqual([
      `${path.join('extension', 'background', 'entity-scanner.ts')}: fetch(`,
      `${path.join('extension', 'pdf', 'fetch-pdf.ts')}: fetch(`,
      `${path.join('extension', 'sync', 'webdav-folder.ts')}: fetch(`,
    ]);
    expect(readFileSync(path.join(PROJECT_ROOT, 'extension', 'sync', 'webdav-folder.ts'), 'utf8').split('fetch(').length).toBe(2);
    // The background reads the compiled entity index from its own package, and nothing else.
    const scanner = readFileSync(path.join(PROJECT_ROOT, 'extension', 'background', 'entity-scanner.ts'), 'utf8');
    expect(scanner.split('fetch(').length).toBe(2);
    expect(scanner).toContain('fetch(browser.runtime.getURL(`/${ENTITY_INDEX_FILE}`');
    expect(readFileSync(path.join(PROJECT_ROOT, 'extension', 'pdf', 'fetch-pdf.ts'), 'utf8').split('fetch(').length).toBe(2);
  });

  // pdf.js can fetch a document, fonts, character maps and decoders by itself, each only for an address
  // given to it; Gloss gives it the document's bytes, and for what a document does not carry, only folders
  // of its own package (extension/pdf/pdfjs-assets.ts).
  it("gives pdf.js the document's bytes, and no address but its own package's", () => {
    const opener = readFileSync(path.join(PROJECT_ROOT, 'extension', 'pdf', 'open-pdf.ts'), 'utf8');
    expect(opener).toMatch(/getDocument\(\{ data, /);
    expect(opener).toContain('...pdfjsAssetOptions(packageUrl)');
    expect(opener).toContain('browser.runtime.getURL(path');
    for (const option of ['url:', 'docBaseUrl']) {
      expect(
        OWN_CODE.filter((file) => readFileSync(file, 'utf8').includes(option) && readFileSync(file, 'utf8').includes('pdfjs')),
      ).toEqual([]);
    }
    const assetOptions = pdfjsAssetOptions((address) => `package:${address}`);
    expect(Object.values(assetOptions).filter((value) => typeof value === 'string')).toEqual(
      ['cmaps', 'standard_fonts', 'wasm', 'iccs'].map((kind) => `package:/pdfjs/${kind}/`),
    );
    for (const option of ['cMapUrl', 'standardFontDataUrl', 'wasmUrl', 'iccUrl']) {
      const setters = OWN_CODE.filter(
        (file) => readFileSync(file, 'utf8').includes(option) && readFileSync(file, 'utf8').includes('pdfjs'),
      );
      expect(setters.map((file) => path.relative(PROJECT_ROOT, file))).toEqual([path.join('extension', 'pdf', 'pdfjs-assets.ts')]);
    }
  });
});

describe.each([
  ['Chrome', CHROME_BUILD],
  ['Firefox', FIREFOX_BUILD],
])('the %s package, libraries included', (_browser, dir) => {
  it("makes no network request but Vite's preloading of the extension's own scripts, the sync's WebDAV client and the PDF viewer's", () => {
    const found = filesUnder(dir, /\.m?js$/).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return NETWORK_APIS.filter((api) => text.includes(api)).map((api) => ({ file: path.relative(dir, file), api, text }));
    });
    // Names are matched as `[\w$]+`: the minifier's names may hold a `$` ("$0"), and which ones do moves
    // with any change to the code around them.
    // Vite's module-preload polyfill fetches the <link rel="modulepreload"> addresses of the extension's
    // own pages (chunks/*.js in the package), once, and nothing else.
    const preload = found.filter(
      ({ api, text }) =>
        api === 'fetch(' &&
        text.includes('link[rel="modulepreload"]') &&
        text.split('fetch(').length === 2 &&
        /fetch\([\w$]+\.href,[\w$]+\)/.test(text),
    );
    expect(preload).toHaveLength(1);
    // The sync's one fetch, in the background, next to the name of the folder it syncs with.
    // The sync's one fetch, in the background, next to the name of the folder it syncs with; and the
    // background's read of the compiled entity index from its own package (runtime.getURL).
    const sync = found.filter(
      ({ file, api, text }) =>
        file === 'background.js' &&
        api === 'fetch(' &&
        text.includes('gloss-sync/') &&
        text.split('fetch(').length === 3 &&
        /fetch\([\w$]+\.runtime\.getURL\(`\/\$\{[\w$]+\}`\)\)/.test(text),
    );
    expect(sync).toHaveLength(1);
    // pdf.js, in the viewer's chunk (with the viewer's own fetch of the document, credentials included, as
    // the reader's browser would) and in its worker: its loaders for addresses Gloss never gives it (above).
    const pdfjs = found.filter(
      ({ file, text }) =>
        text.includes('WorkerMessageHandler') &&
        ((/^chunks\/pdf-[\w-]+\.js$/.test(file) && text.includes('GlobalWorkerOptions') && text.includes('credentials:"include"')) ||
          (/^assets\/pdf\.worker\.min-[\w-]+\.mjs$/.test(file) && text.includes('pdfjsVersion'))),
    );
    expect(new Set(pdfjs.map(({ file }) => file)).size).toBe(2);
    expect(
      found
        .filter((hit) => !preload.includes(hit) && !sync.includes(hit) && !pdfjs.includes(hit))
        .map(({ file, api }) => `${file}: ${api}`),
    ).toEqual([]);
  });
});
