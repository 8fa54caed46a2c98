import { defineConfig } from 'wxt';

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
    web_accessible_resources: manifestVersion === 2
      ? ['ui-frame.html']
      : [{ resources: ['ui-frame.html'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }],
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
    ...(browser === 'firefox' ? {
      browser_specific_settings: {
        gecko: {
          id: 'gloss@gloss-reader.org',
          // 140 (the ESR before 153) is the first Firefox that reads data_collection_permissions;
          // Firefox for Android reads it from 142.
          strict_min_version: '140.0',
          // Newer than WXT's manifest types (accepted here because the manifest is built by a function);
          // Firefox requires it for new add-ons.
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    } : {}),
  }),
  // AMO reviewers need what builds the extension, not the test pages or local output.
  // (WXT already leaves out dot-folders, node_modules, .output and *.test.ts.)
  zip: { excludeSources: ['tests/fixtures/**', 'demo-output/**', 'bench-output/**', 'scratch/**', '**/*.log'] },
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  }),
});
