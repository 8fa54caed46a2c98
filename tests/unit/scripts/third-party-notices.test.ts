import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledPackages, formatThirdPartyNotices, packageRootOf } from '../../../scripts/third-party-notices';

describe('packageRootOf', () => {
  it('finds the package a bundled module belongs to, scoped or not, nested or not', () => {
    expect(packageRootOf('/p/node_modules/preact/dist/preact.module.js')).toBe('/p/node_modules/preact');
    expect(packageRootOf('/p/node_modules/@mozilla/readability/Readability.js')).toBe('/p/node_modules/@mozilla/readability');
    expect(packageRootOf('/p/node_modules/markdown-it/node_modules/entities/lib/decode.js')).toBe(
      '/p/node_modules/markdown-it/node_modules/entities',
    );
    expect(packageRootOf('/p/node_modules/pdfjs-dist/build/pdf.worker.min.mjs?url')).toBe('/p/node_modules/pdfjs-dist');
    expect(packageRootOf('C:\\p\\node_modules\\dexie\\dist\\dexie.mjs')).toBe('C:/p/node_modules/dexie');
  });

  it('gives nothing for the project’s own code and the bundler’s virtual modules', () => {
    expect(packageRootOf('/p/lib/notes/note-tree.ts')).toBeNull();
    expect(packageRootOf('\0vite/preload-helper.js')).toBeNull();
    expect(packageRootOf('/p/node_modules/.vite/deps')).toBeNull();
  });
});

describe('bundledPackages and the notices file', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'gloss-notices-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const addPackage = (name: string, manifest: object, files: Record<string, string> = {}) => {
    const dir = path.join(root, 'node_modules', name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, ...manifest }));
    for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
    return dir;
  };
  const tiny = addPackage('tiny', { version: '1.0.0', license: 'MIT' }, { LICENSE: 'MIT License\nCopyright (c) Tiny\n', 'index.js': '' });
  const scoped = addPackage(
    '@scope/old',
    { version: '2.1.0', license: { type: 'BSD-3-Clause' } },
    { 'LICENSE.md': 'BSD text', NOTICE: 'Notice text' },
  );
  const bare = addPackage('bare', { version: '0.1.0', license: 'ISC' });

  it('lists each package once, by name, with every licence file it ships', () => {
    const found = bundledPackages([
      `${tiny}/index.js`,
      `${tiny}/other.js`,
      `${scoped}/lib/a.js`,
      `${bare}/index.js`,
      path.join(root, 'src', 'own.ts'),
    ]);
    expect(found).toEqual([
      {
        name: '@scope/old',
        version: '2.1.0',
        license: 'BSD-3-Clause',
        licenseTexts: [
          { file: 'LICENSE.md', text: 'BSD text' },
          { file: 'NOTICE', text: 'Notice text' },
        ],
      },
      { name: 'bare', version: '0.1.0', license: 'ISC', licenseTexts: [] },
      { name: 'tiny', version: '1.0.0', license: 'MIT', licenseTexts: [{ file: 'LICENSE', text: 'MIT License\nCopyright (c) Tiny' }] },
    ]);
  });

  it('writes the list, then each licence text, and says where a package ships none', () => {
    const text = formatThirdPartyNotices(bundledPackages([`${tiny}/index.js`, `${bare}/index.js`]));
    expect(text).toContain('- bare 0.1.0 (ISC)\n- tiny 1.0.0 (MIT)\n');
    expect(text).toContain('tiny 1.0.0: MIT');
    expect(text).toContain('LICENSE:\n\nMIT License\nCopyright (c) Tiny');
    expect(text).toContain('The package ships no licence file; its package.json names ISC.');
  });
});
