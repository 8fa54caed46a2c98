/**
 * The test PDFs are made when first asked for, once, however many test files ask at the same time: a
 * caller that finds another making a file waits for it, and a lock left by a run that ended is taken
 * over. These use the encrypted PDF, made without a browser, in a folder of their own, so they never
 * touch the shared cache.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testPdfs } from '../../../harness/test-pdfs';

const dirs: string[] = [];
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gloss-test-pdfs-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('test PDFs made on first use', () => {
  it('are made once when several callers ask at the same time, and then only looked up', async () => {
    const dir = await freshDir();
    const answers = await Promise.all([testPdfs(['encrypted'], dir), testPdfs(['encrypted'], dir), testPdfs(['encrypted'], dir)]);
    const file = answers[0].encrypted;
    expect(answers.map((paths) => paths.encrypted)).toEqual([file, file, file]);
    expect((await readFile(file)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // No lock or half-written file is left behind.
    expect(await readdir(dir)).toEqual([path.basename(file)]);
    expect((await testPdfs(['encrypted'], dir)).encrypted).toBe(file);
  });

  it('take over a lock whose owner has ended, and wait for one whose owner is still at work', async () => {
    const dir = await freshDir();
    const file = (await testPdfs(['encrypted'], dir)).encrypted;
    await rm(file);
    // A run that was stopped while making the file: its process is gone.
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    await mkdir(`${file}.lock`);
    await writeFile(path.join(`${file}.lock`, 'owner'), ended.stdout);
    expect((await testPdfs(['encrypted'], dir)).encrypted).toBe(file);
    expect(existsSync(file)).toBe(true);
    expect(existsSync(`${file}.lock`)).toBe(false);

    // A live owner (this process) making it: the caller waits until the file is there.
    await rm(file);
    const bytes = await (async () => {
      const other = await freshDir();
      return readFile((await testPdfs(['encrypted'], other)).encrypted);
    })();
    await mkdir(`${file}.lock`);
    await writeFile(path.join(`${file}.lock`, 'owner'), String(process.pid));
    let answered = false;
    const waiting = testPdfs(['encrypted'], dir).then((paths) => {
      answered = true;
      return paths;
    });
    // Not a timed assertion: while the lock stands and the file is missing, nothing can answer the caller.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(answered).toBe(false);
    await writeFile(file, bytes);
    await rm(`${file}.lock`, { recursive: true });
    expect((await waiting).encrypted).toBe(file);
  });
});
