/**
 * Encryption on the device, with WebCrypto only (in every browser Gloss runs in, and in Node):
 * - the key is derived from the passphrase with PBKDF2-SHA-256 at 600,000 iterations (OWASP's figure for
 *   PBKDF2-SHA-256) and a random 16-byte salt kept in the sync folder's key file;
 * - every file is AES-256-GCM with a fresh random 12-byte nonce; the file's header and its name are the
 *   additional authenticated data, so the server can neither alter a file nor swap two files' names;
 * - the key file holds a known text sealed with the key: a wrong passphrase fails to open it, and is
 *   said, before anything is read or written.
 *
 * File layout: "GLSY", one format byte, the nonce, the ciphertext (with GCM's 16-byte tag).
 */
import { SyncProblem } from './sync-problem';

export const FILE_FORMAT = 1;
export const KDF_ITERATIONS = 600_000;
const MAGIC = [0x47, 0x4c, 0x53, 0x59]; // "GLSY"
const HEADER = MAGIC.length + 1;
const NONCE = 12;
const TAG = 16;
const CHECK_TEXT = 'Gloss sync key check';

const encoder = new TextEncoder();

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

export async function deriveKey(passphrase: string, salt: Uint8Array, iterations = KDF_ITERATIONS): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

function additionalData(header: Uint8Array, name: string): Uint8Array {
  const nameBytes = encoder.encode(name);
  const data = new Uint8Array(header.length + nameBytes.length);
  data.set(header);
  data.set(nameBytes, header.length);
  return data;
}

/** `plain` encrypted for the file `name`. */
export async function seal(key: CryptoKey, name: string, plain: Uint8Array): Promise<Uint8Array> {
  const header = Uint8Array.of(...MAGIC, FILE_FORMAT);
  const nonce = crypto.getRandomValues(new Uint8Array(NONCE));
  const cipher = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv: nonce, additionalData: additionalData(header, name) as BufferSource },
      key,
      plain as BufferSource,
    ),
  );
  const file = new Uint8Array(HEADER + NONCE + cipher.length);
  file.set(header);
  file.set(nonce, HEADER);
  file.set(cipher, HEADER + NONCE);
  return file;
}

/** Why bytes that should be a Gloss file are not one, before any decryption. */
function unreadable(bytes: Uint8Array, name: string): SyncProblem | null {
  const start = new TextDecoder().decode(bytes.subarray(0, 200)).trimStart().toLowerCase();
  if (start.startsWith('<!doctype') || start.startsWith('<html') || start.startsWith('<')) {
    return new SyncProblem(
      'not-webdav',
      `The server sent a web page instead of the sync file "${name}": check the server address (it should be a WebDAV folder).`,
    );
  }
  if (bytes.length < HEADER || MAGIC.some((byte, i) => bytes[i] !== byte)) {
    return new SyncProblem(
      'damaged',
      `The sync file "${name}" on the server is not a Gloss file (it may be damaged). Nothing was changed here.`,
    );
  }
  if (bytes[MAGIC.length] > FILE_FORMAT) {
    return new SyncProblem(
      'newer-format',
      `The sync file "${name}" was written by a newer version of Gloss. Update Gloss on this device to sync; nothing was changed here.`,
    );
  }
  if (bytes.length < HEADER + NONCE + TAG) {
    return new SyncProblem('damaged', `The sync file "${name}" on the server is cut short. Nothing was changed here.`);
  }
  return null;
}

/** The plain bytes of a file sealed for `name`, or a SyncProblem saying why it cannot be read. */
export async function open(key: CryptoKey, name: string, bytes: Uint8Array): Promise<Uint8Array> {
  const problem = unreadable(bytes, name);
  if (problem) throw problem;
  const header = bytes.subarray(0, HEADER);
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt(
        {
          name: 'AES-GCM',
          iv: bytes.subarray(HEADER, HEADER + NONCE) as BufferSource,
          additionalData: additionalData(header, name) as BufferSource,
        },
        key,
        bytes.subarray(HEADER + NONCE) as BufferSource,
      ),
    );
  } catch {
    throw new SyncProblem(
      'damaged',
      `The sync file "${name}" on the server is damaged or was changed by someone else. Nothing was changed here.`,
    );
  }
}

export const KEY_FILE = 'gloss-key';

/** The sync folder's key file: how to derive the key (not secret), an id for this sync folder, and the check. */
export interface KeyFile {
  gloss: 'sync-key';
  format: number;
  kdf: { name: 'PBKDF2-SHA-256'; iterations: number; salt: string };
  syncId: string;
  check: string;
}

/** A new key file for `passphrase` (a fresh salt and sync id), with its key. */
export async function makeKeyFile(
  passphrase: string,
  iterations = KDF_ITERATIONS,
): Promise<{ text: string; key: CryptoKey; syncId: string }> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const syncId = [...crypto.getRandomValues(new Uint8Array(8))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const key = await deriveKey(passphrase, salt, iterations);
  const check = await seal(key, `${KEY_FILE}:${syncId}`, encoder.encode(CHECK_TEXT));
  const file: KeyFile = {
    gloss: 'sync-key',
    format: FILE_FORMAT,
    kdf: { name: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt) },
    syncId,
    check: toBase64(check),
  };
  return { text: JSON.stringify(file), key, syncId };
}

/** Reads a key file: its sync id and the key `passphrase` gives, or a SyncProblem (wrong passphrase, newer Gloss, not a key file). */
export async function unlockKeyFile(bytes: Uint8Array, passphrase: string): Promise<{ key: CryptoKey; syncId: string }> {
  const text = new TextDecoder().decode(bytes);
  let file: Partial<KeyFile>;
  try {
    file = JSON.parse(text) as Partial<KeyFile>;
  } catch {
    const html = text.trimStart().startsWith('<');
    throw html
      ? new SyncProblem(
          'not-webdav',
          'The server sent a web page instead of the sync key file: check the server address (it should be a WebDAV folder).',
        )
      : new SyncProblem(
          'damaged',
          'The sync key file on the server is damaged. Nothing was changed here; "Start over from this device" writes a new one.',
        );
  }
  if (file?.gloss !== 'sync-key') {
    throw new SyncProblem('damaged', 'The sync key file on the server is not a Gloss file. Nothing was changed here.');
  }
  if (typeof file.format !== 'number') {
    throw new SyncProblem('damaged', 'The sync key file on the server is damaged. Nothing was changed here.');
  }
  if (file.format > FILE_FORMAT) {
    throw new SyncProblem(
      'newer-format',
      'This sync folder was set up by a newer version of Gloss. Update Gloss on this device to sync; nothing was changed here.',
    );
  }
  const { kdf, syncId, check } = file;
  if (
    kdf?.name !== 'PBKDF2-SHA-256' ||
    !Number.isInteger(kdf.iterations) ||
    kdf.iterations < 100_000 ||
    kdf.iterations > 100_000_000 ||
    typeof kdf.salt !== 'string' ||
    typeof syncId !== 'string' ||
    !/^[0-9a-f]{16}$/.test(syncId) ||
    typeof check !== 'string'
  ) {
    throw new SyncProblem('damaged', 'The sync key file on the server is damaged. Nothing was changed here.');
  }
  let salt: Uint8Array;
  let sealed: Uint8Array;
  try {
    salt = fromBase64(kdf.salt);
    sealed = fromBase64(check);
  } catch {
    throw new SyncProblem('damaged', 'The sync key file on the server is damaged. Nothing was changed here.');
  }
  const key = await deriveKey(passphrase, salt, kdf.iterations);
  try {
    const plain = await open(key, `${KEY_FILE}:${syncId}`, sealed);
    if (new TextDecoder().decode(plain) !== CHECK_TEXT) throw new Error('check text differs');
  } catch (error) {
    if (error instanceof SyncProblem && error.code === 'newer-format') throw error;
    throw new SyncProblem(
      'wrong-passphrase',
      'The passphrase is not the one this sync folder was set up with. Nothing was sent or changed.',
    );
  }
  return { key, syncId };
}
