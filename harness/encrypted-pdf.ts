/**
 * Writes a small password-protected PDF (the PDF standard security handler, revision 2: RC4 with a
 * 40-bit key, as in ISO 32000-1 §7.6.3), for the "encrypted PDF" tests. No tool on the test machines
 * writes one (Chromium's printer cannot), so it is built here from the specification's algorithms.
 * It opens with the user password, and only with it.
 */
import { createHash } from 'node:crypto';
import { pdfStream, writtenPdf } from './written-pdf';

/** The padding string of the standard security handler (§7.6.3.3, Algorithm 2 step a). */
const PADDING = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

function padded(password: string): Buffer {
  return Buffer.concat([Buffer.from(password, 'latin1'), PADDING]).subarray(0, 32);
}

function md5(...parts: Buffer[]): Buffer {
  const hash = createHash('md5');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

/** RC4, which Node's OpenSSL 3 no longer offers by default; short enough to write out. */
function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
    out[n] = data[n] ^ s[(s[i] + s[j]) & 255];
  }
  return out;
}

/** A one-page PDF saying `text`, readable only with `userPassword`. */
export function encryptedPdf(text: string, userPassword: string, ownerPassword = `${userPassword}-owner`): Buffer {
  const id = md5(Buffer.from(`gloss test ${text}`));
  const permissions = -4;
  const ownerKey = md5(padded(ownerPassword)).subarray(0, 5);
  const o = rc4(ownerKey, padded(userPassword));
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const fileKey = md5(padded(userPassword), o, p, id).subarray(0, 5);
  const u = rc4(fileKey, PADDING);
  const objectKey = (num: number) => {
    const suffix = Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0]);
    return md5(fileKey, suffix).subarray(0, 10);
  };
  const safe = text.replace(/[\\()]/g, '\\$&');
  const content = rc4(objectKey(4), Buffer.from(`BT /F1 24 Tf 72 720 Td (${safe}) Tj ET`, 'latin1'));
  const hex = (bytes: Buffer) => `<${bytes.toString('hex')}>`;
  return writtenPdf(
    [
      ['<< /Type /Catalog /Pages 2 0 R >>'],
      ['<< /Type /Pages /Kids [3 0 R] /Count 1 >>'],
      ['<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>'],
      pdfStream('', content),
      ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'],
      [`<< /Filter /Standard /V 1 /R 2 /O ${hex(o)} /U ${hex(u)} /P ${permissions} >>`],
    ],
    `/Encrypt 6 0 R /ID [${hex(id)} ${hex(id)}]`,
  );
}
