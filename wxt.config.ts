import { readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig } from 'wxt';
import { compileEntityIndex } from './lib/entities/compiled/compile-entity-index';
import { ENTITY_INDEX_FILE } from './lib/entities/compiled/entity-index-file-name';
import { loadEntityData } from './lib/entities/shipped-data';
import { PDFJS_ASSET_FOLDER, PDFJS_ASSET_KINDS, PDFJS_ASSETS_LEFT_OUT } from './extension/pdf/pdfjs-assets';
import { bundledPackages, formatThirdPartyNotices, THIRD_PARTY_NOTICES_FILE } from './scripts/third-party-notices';

const EXTENSION_PAGES_CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';";

/** pdf.js's character maps, standard fonts, decoders and colour profiles, from the installed pdfjs-dist. */
function pdfjsAssets(): { absoluteSrc: string; relativeDest: string }[] {
  const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return PDFJS_ASSET_KINDS.flatMap((kind) =>
    readdirSync(path.join(root, kind))
      .filter((file) => !PDFJS_ASSETS_LEFT_OUT.includes(file))
      .map((file) => ({ absoluteSrc: path.join(root, kind, file), relativeDest: `${PDFJS_ASSET_FOLDER}/${kind}/${file}` })),
  );
}

// See README "Permissions" for why each one is needed.
export default defineConfig({
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Gloss',
    description: 'Read closely: the article’s outline, its entities and your highlights, kept on your machine.',
    permissions: ['scripting', 'contextMenus', 'alarms'],
    host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: 'Gloss' },
    // The toolbar and note editor are drawn in this extension page, framed into web pages, so the page
    // can neither read nor script them. Chrome's dynamic address keeps pages from probing for Gloss.
    web_accessible_resources:
      manifestVersion === 2
        ? ['ui-frame.html']
        : [{ resources: ['ui-frame.html'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }],
    // The extension's pages run only the package's own scripts, never eval; WebAssembly is allowed for pdf.js's
    // picture decoders (JPEG 2000, JBIG2) and colour profiles, compiled from the package's own files
    // (extension/pdf/pdfjs-assets.ts).
    content_security_policy: manifestVersion === 2 ? EXTENSION_PAGES_CSP : { extension_pages: EXTENSION_PAGES_CSP },
    // The settings page: highlighting, paused sites, and what Gloss keeps (backup, erase).
    options_ui: { page: 'settings.html', open_in_tab: true },
    commands: {
      'highlight-selection': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Highlight the selected text (in the colour used last)',
      },
      'step-highlights': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Step through this page’s highlights (then N next, P previous)',
      },
    },
    // Firefox only: Chrome warns about keys it does not know.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'gloss@gloss-reader.org',
              // 140 (the ESR before 153) is the first Firefox that reads data_collection_permissions;
              // Firefox for Android reads it from 142.
              strict_min_version: '140.0',
              // Firefox requires it for new add-ons. Nothing is collected unless the person sets up sync, which
              // sends their pages and highlights (encrypted) to their own WebDAV server: Firefox counts that as
              // browsing activity and website content, asked for when sync is set up (extension/sync/send-consent.ts).
              data_collection_permissions: { required: ['none'], optional: ['browsingActivity', 'websiteContent'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  // AMO reviewers need what builds the extension, not the test pages or local output.
  // (WXT already leaves out dot-folders, node_modules, .output and *.test.ts.)
  zip: { excludeSources: ['tests/fixtures/**', 'demo-output/**', 'bench-output/**', 'scratch/**', '**/*.log'] },
  hooks: {
    // What the PDF viewer's pdf.js loads from the package (extension/pdf/pdfjs-assets.ts).
    'build:publicAssets': (_wxt, files) => {
      files.push(...pdfjsAssets());
    },
    // The entity scanner's dictionaries, automata and model weights, compiled from data/ for this build, so a
    // fresh background reads them in milliseconds instead of building them (lib/entities/compiled/).
    // Then the licences of the npm packages this build bundled (scripts/third-party-notices.ts).
    'build:done': (wxt, output) => {
      writeFileSync(path.join(wxt.config.outDir, ENTITY_INDEX_FILE), compileEntityIndex(loadEntityData()));
      const moduleIds = output.steps.flatMap((step) => step.chunks.flatMap((chunk) => (chunk.type === 'chunk' ? chunk.moduleIds : [])));
      writeFileSync(path.join(wxt.config.outDir, THIRD_PARTY_NOTICES_FILE), formatThirdPartyNotices(bundledPackages(moduleIds)));
    },
  },
  vite: ({ mode }) => ({
    // JSX's development form (each element carrying its file and line) only for `wxt` dev: WXT takes the
    // mode for NODE_ENV, so the bench and e2e builds were made with it too, larger and slower than what
    // ships, and the benchmarks compared them with production builds of earlier commits.
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact', jsxDev: mode === 'development' },
  }),
});
