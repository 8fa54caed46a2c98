import { describe, expect, it } from 'vitest';
import { deriveKey, FILE_FORMAT, KDF_ITERATIONS, makeKeyFile, open, seal, unlockKeyFile } from '@/lib/sync/sync-crypto';
import { changeFileName, packChanges, packSnapshot, unpackChanges, unpackSnapshot } from '@/lib/sync/sync-files';
import { SyncProblem } from '@/lib/sync/sync-problem';

const bytes = (text: string) => new TextEncoder().encode(text);
const problemOf = async (work: Promise<unknown>): Promise<SyncProblem> => {
  try {
    await work;
  } catch (error) {
    if (error instanceof SyncProblem) return error;
    throw error;
  }
  throw new Error('expected a SyncProblem');
};

describe('sync encryption', () => {
  it('derives the key with PBKDF2-SHA-256 at 600,000 iterations, and a wrong passphrase is said, not guessed at', async () => {
    expect(KDF_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const made = await makeKeyFile('the right passphrase');
    const file = JSON.parse(made.text);
    expect(file).toMatchObject({ gloss: 'sync-key', format: FILE_FORMAT, kdf: { name: 'PBKDF2-SHA-256', iterations: KDF_ITERATIONS } });
    expect(made.text).not.toContain('the right passphrase');
    const unlocked = await unlockKeyFile(bytes(made.text), 'the right passphrase');
    expect(unlocked.syncId).toBe(made.syncId);
    const sealed = await seal(made.key, 'x', bytes('hello'));
    expect(new TextDecoder().decode(await open(unlocked.key, 'x', sealed))).toBe('hello');
    const wrong = await problemOf(unlockKeyFile(bytes(made.text), 'a wrong passphrase'));
    expect(wrong.code).toBe('wrong-passphrase');
    expect(wrong.message).toMatch(/passphrase is not the one/);
  });

  it('refuses key files from a newer Gloss, damaged ones and web pages, each in plain words', async () => {
    const made = await makeKeyFile('p', 100_000);
    const newer = JSON.stringify({ ...JSON.parse(made.text), format: FILE_FORMAT + 1 });
    expect((await problemOf(unlockKeyFile(bytes(newer), 'p'))).code).toBe('newer-format');
    expect((await problemOf(unlockKeyFile(bytes(made.text.slice(0, 40)), 'p'))).code).toBe('damaged');
    expect((await problemOf(unlockKeyFile(bytes('<!DOCTYPE html><title>Login</title>'), 'p'))).code).toBe('not-webdav');
    expect((await problemOf(unlockKeyFile(bytes('{"gloss":"sync-key"}'), 'p'))).code).toBe('damaged');
  });

  it('binds each file to its name, and tells truncated, garbage, HTML and newer files apart', async () => {
    // Fixed bytes, not random ones: one random file in 256 starts with "<" and reads, rightly, as a web page.
    const GARBAGE = Uint8Array.from({ length: 300 }, (_, i) => (i * 97 + 13) % 256);
    const key = await deriveKey('p', new Uint8Array(16), 100_000);
    const batch = {
      kind: 'changes' as const,
      device: '00000000000000aa',
      seq: 1,
      changes: [{ table: 'annotations', key: 'h1', stamp: '00000000001.00000.00000000000000aa', set: { note: 'secret note' } }],
    };
    const file = await packChanges(key, batch);
    expect(Buffer.from(file).toString('latin1')).not.toContain('secret note');
    expect(await unpackChanges(key, changeFileName(batch.device, 1), file)).toEqual(batch);
    // Renamed on the server: refused.
    expect((await problemOf(unpackChanges(key, changeFileName(batch.device, 2), file))).code).toBe('damaged');
    expect((await problemOf(unpackChanges(key, changeFileName(batch.device, 1), file.slice(0, file.length - 5)))).code).toBe('damaged');
    expect((await problemOf(unpackChanges(key, changeFileName(batch.device, 1), file.slice(0, 10)))).message).toMatch(/cut short/);
    expect((await problemOf(unpackChanges(key, changeFileName(batch.device, 1), GARBAGE))).message).toMatch(/not a Gloss file/);
    expect((await problemOf(unpackChanges(key, changeFileName(batch.device, 1), bytes('<html><body>Sign in</body></html>')))).code).toBe(
      'not-webdav',
    );
    const newer = file.slice();
    newer[4] = FILE_FORMAT + 1;
    expect((await problemOf(unpackChanges(key, changeFileName(batch.device, 1), newer))).message).toMatch(/newer version of Gloss/);
    const flipped = file.slice();
    flipped[40] ^= 1;
    expect((await problemOf(unpackChanges(key, changeFileName(batch.device, 1), flipped))).code).toBe('damaged');
  });

  it('round-trips a snapshot, absent fields included', async () => {
    const key = await deriveKey('p', new Uint8Array(16), 100_000);
    const snapshot = {
      kind: 'snapshot' as const,
      covers: { '00000000000000aa': 3 },
      records: [
        {
          table: 'pages',
          key: 'https://a.example/',
          fields: {
            title: { value: 'A', stamp: '00000000001.00000.00000000000000aa' },
            byline: { absent: true as const, stamp: '00000000001.00000.00000000000000aa' },
          },
        },
      ],
    };
    expect(await unpackSnapshot(key, await packSnapshot(key, snapshot))).toEqual(snapshot);
  });
});
