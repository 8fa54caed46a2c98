/**
 * The README's first command's demo, `npm start -- --headless`, step by step after its build (which
 * `npm test` has just made): the sample article served on 127.0.0.1 and opened in headless Chromium with
 * Gloss, the outline and entities printed, demo-output's files written, then three highlights, the popup
 * and the library for the four store screenshots. The demo broke once after a UI change and nothing in
 * `npm test` noticed; this runs the same functions scripts/start.ts runs, into a folder of its own.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startFixtureServer } from '../../harness/fixture-server';
import { FIXTURES_DIR } from '../../harness/paths';
import { runChromiumDemo } from '../../scripts/start/chromium-demo';

/** A PNG's size from its IHDR chunk (bytes 16–23), or null when the file is no PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

let outputDir = '';
afterAll(async () => {
  if (outputDir) await rm(outputDir, { recursive: true, force: true });
});

describe('npm start -- --headless', () => {
  it('prints the sample’s outline and entities, and writes demo-output and the four 1280×800 store screenshots', async () => {
    outputDir = await mkdtemp(path.join(tmpdir(), 'gloss-demo-'));
    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void printed.push(parts.join(' ')));
    const server = await startFixtureServer(FIXTURES_DIR);
    try {
      await runChromiumDemo(server.url('storm-1152.html'), false, outputDir);
    } finally {
      log.mockRestore();
      await server.close();
    }
    const text = printed.join('\n');

    expect(text).toContain('Microsoft Takes Down Cybercrime Group Storm-1152');
    expect(text).toMatch(/Newsroom Staff · Security Newsroom · 14 December 2023 · \d+ min read/);
    // The eight h2 sections, printed as a list under "Outline".
    const outline = text.split('\n').filter((line) => /^ {2}- /.test(line));
    expect(outline).toHaveLength(8);
    expect(outline[0].trim()).toBe('- Overview of Storm-1152’s fraudulent activities');
    expect(outline.at(-1)?.trim()).toBe('- Microsoft’s broader strategy and partnerships');
    expect(text).toMatch(/Threat actors: .*Storm-1152 ×17/);
    expect(text).toMatch(/Octo Tempest \(Scattered Spider\) ×\d+/);
    const organizations = text.split('\n').find((line) => line.trim().startsWith('Organizations:')) ?? '';
    expect(organizations).toMatch(/\bMicrosoft ×\d+/);
    expect(organizations).toMatch(/\bArkose Labs ×\d+/);

    const popupData = JSON.parse(await readFile(path.join(outputDir, 'popup.json'), 'utf8'));
    expect(popupData.ok).toBe(true);
    for (const file of ['page.png', 'popup.png']) expect(pngSize(await readFile(path.join(outputDir, file)))).not.toBeNull();
    const shots = ['1-highlights.png', '2-popup-highlights.png', '3-entities-dark.png', '4-library.png'];
    expect(text).toContain(`: ${shots.join(', ')}.`);
    for (const shot of shots) {
      const bytes = await readFile(path.join(outputDir, 'store', shot));
      expect({ shot, size: pngSize(bytes) }).toEqual({ shot, size: { width: 1280, height: 800 } });
      expect(bytes.length).toBeGreaterThan(10_000);
    }
  });
});
