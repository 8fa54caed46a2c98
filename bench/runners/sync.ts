/**
 * The sync benchmark (`npm run bench -- --suite sync`): the sync engine (lib/sync) and the extension's
 * WebDAV client, in Node, against a real Apache httpd with mod_dav on 127.0.0.1 (harness/webdav-server.ts).
 * Devices are in-memory replicas (lib/sync/memory-replica.ts) tracking their changes as the extension's
 * Dexie replica does, so the times are the sync's own (listing, encryption, compression, HTTP, merging)
 * without IndexedDB; the browser adds its database reads and writes on top.
 *
 * Measured: the first sync of a generated library (upload from one device; download to a fresh one), one
 * changed note sent from one device and received on the other (median of rounds), folding everything into
 * a snapshot, and the bytes on the server per highlight before and after.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { median } from '../../harness/stats';
import { startWebdavServer } from '../../harness/webdav-server';
import { WebdavFolder } from '../../extension/sync/webdav-folder';
import { MemoryReplica } from '../../lib/sync/memory-replica';
import { KDF_ITERATIONS, KEY_FILE, makeKeyFile, unlockKeyFile } from '../../lib/sync/sync-crypto';
import { syncOnce } from '../../lib/sync/sync-engine';
import { generateLibrary } from './library-data';

export interface SyncBenchResult {
  pages: number;
  highlights: number;
  kdfMs: number;
  upload: { ms: number; files: number; bytes: number };
  download: { ms: number; written: number };
  oneChange: { sendMs: number; receiveMs: number; rounds: number };
  compaction: { ms: number; bytes: number };
}

const KEYS = { pages: (r: Record<string, unknown>) => String(r.url), annotations: (r: Record<string, unknown>) => String(r.id) };

function folderBytes(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const full = path.join(at, name);
      const stats = statSync(full);
      if (stats.isDirectory()) walk(full);
      else {
        files += 1;
        bytes += stats.size;
      }
    }
  };
  walk(dir);
  return { files, bytes };
}

const time = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
};

export async function benchSync(options: { pages: number; highlights: number; rounds: number }): Promise<SyncBenchResult> {
  const server = await startWebdavServer();
  try {
    const account = { serverUrl: server.url, user: server.user, password: server.password };
    const folderA = new WebdavFolder(account);
    const folderB = new WebdavFolder(account);
    await folderA.ensure();
    const made = await makeKeyFile('a passphrase for the benchmark');
    await folderA.put(KEY_FILE, new TextEncoder().encode(made.text), { ifNoneMatch: '*' });
    const [, kdfMs] = await time(() => unlockKeyFile(new TextEncoder().encode(made.text), 'a passphrase for the benchmark'));
    const options_ = { key: made.key, syncId: made.syncId };

    const data = generateLibrary({ pages: options.pages, annotations: options.highlights, seed: 7 });
    const a = new MemoryReplica(KEYS, undefined, true);
    for (const page of data.pages) a.put('pages', page as unknown as Record<string, unknown>);
    for (const annotation of data.annotations) a.put('annotations', annotation as unknown as Record<string, unknown>);

    const [, uploadMs] = await time(() => syncOnce(folderA, a, options_));
    const uploaded = folderBytes(server.dataDir);

    const b = new MemoryReplica(KEYS, undefined, true);
    const [received, downloadMs] = await time(() => syncOnce(folderB, b, options_));

    const send: number[] = [];
    const receive: number[] = [];
    const target = data.annotations[0];
    for (let round = 0; round < options.rounds; round++) {
      const current = a.tables.get('annotations')!.get(target.id)!;
      a.put('annotations', { ...current, note: `Edited in round ${round}.`, updatedAt: Date.now() });
      const [sent, sendMs] = await time(() => syncOnce(folderA, a, options_));
      const [got, receiveMs] = await time(() => syncOnce(folderB, b, options_));
      if (sent.sent !== 1 || got.written.length !== 1) throw new Error(`round ${round}: sent ${sent.sent}, received ${got.written.length}`);
      send.push(sendMs);
      receive.push(receiveMs);
    }
    if (b.tables.get('annotations')!.get(target.id)!.note !== `Edited in round ${options.rounds - 1}.`)
      throw new Error('the last edit did not arrive');

    const [, compactMs] = await time(() => syncOnce(folderA, a, { ...options_, compactNow: true }));
    const compacted = folderBytes(server.dataDir);
    return {
      pages: data.pages.length,
      highlights: data.annotations.length,
      kdfMs,
      upload: { ms: uploadMs, files: uploaded.files, bytes: uploaded.bytes },
      download: { ms: downloadMs, written: received.written.length },
      oneChange: { sendMs: median(send), receiveMs: median(receive), rounds: options.rounds },
      compaction: { ms: compactMs, bytes: compacted.bytes },
    };
  } finally {
    await server.stop();
  }
}

const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

export function formatSync(result: SyncBenchResult): string {
  const perHighlight = (bytes: number) => (bytes / result.highlights).toFixed(0);
  return [
    `${result.highlights.toLocaleString('en-US')} highlights on ${result.pages.toLocaleString('en-US')} pages, synced between two devices through Apache httpd`,
    'with mod_dav on 127.0.0.1. Measured in Node at the level of the sync engine and the WebDAV client (in-memory devices, no IndexedDB).',
    '',
    '| step | time | notes |',
    '| --- | ---: | --- |',
    `| key from passphrase (PBKDF2-SHA-256, ${KDF_ITERATIONS.toLocaleString('en-US')} iterations) | ${ms(result.kdfMs)} | once per passphrase and background start |`,
    `| first sync, upload | ${ms(result.upload.ms)} | ${result.upload.files} files, ${kb(result.upload.bytes)} |`,
    `| first sync, download to a fresh device | ${ms(result.download.ms)} | ${result.download.written.toLocaleString('en-US')} records written |`,
    `| one changed note, sent (median of ${result.oneChange.rounds}) | ${ms(result.oneChange.sendMs)} | |`,
    `| one changed note, received (median of ${result.oneChange.rounds}) | ${ms(result.oneChange.receiveMs)} | |`,
    `| fold everything into a snapshot | ${ms(result.compaction.ms)} | change files deleted after |`,
    '',
    `Bytes on the server per highlight: ${perHighlight(result.upload.bytes)} after the first upload (change files), ` +
      `${perHighlight(result.compaction.bytes)} after folding into the snapshot (${kb(result.compaction.bytes)} in all; pages included).`,
  ].join('\n');
}
