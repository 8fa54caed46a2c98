import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, PROJECT_ROOT } from '../harness/paths';

// Renders assets/icon.svg to the PNG sizes WXT picks up from public/icon/. Run after editing the SVG.
const SIZES = [16, 32, 48, 96, 128];
const svg = await readFile(path.join(PROJECT_ROOT, 'assets', 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
for (const size of SIZES) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`,
  );
  await page.screenshot({ path: path.join(PROJECT_ROOT, 'public', 'icon', `${size}.png`), omitBackground: true });
  await page.close();
}
await browser.close();
console.log(`Wrote public/icon/{${SIZES.join(',')}}.png`);
