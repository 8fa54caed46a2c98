/** A file made by an export, as the popup and the library hand it to the browser. */
export interface FileToSave {
  fileName: string;
  mimeType: string;
  data: string | Uint8Array;
}

/**
 * Small files go out as data: addresses. A blob: address dies with the page that made it, and Firefox
 * closes the popup (and with it the page) while it asks where to save.
 */
const DATA_URL_LIMIT = 1_000_000;

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Starts a download of the file, as the browser's own downloads (no extra permission). */
export function saveFile(file: FileToSave, doc: Document = document): void {
  const link = doc.createElement('a');
  let revoke = (): void => undefined;
  // A string's length in UTF-16 units is at most its UTF-8 size, so a short one is checked by encoding.
  const bytes = typeof file.data !== 'string' ? file.data : file.data.length <= DATA_URL_LIMIT ? new TextEncoder().encode(file.data) : null;
  if (bytes && bytes.length <= DATA_URL_LIMIT) {
    link.href = `data:${file.mimeType};base64,${toBase64(bytes)}`;
  } else {
    // A Blob takes a large string as it is; encoding 100 MB by hand first only costs time.
    const url = URL.createObjectURL(new Blob([(bytes ?? file.data) as BlobPart], { type: file.mimeType }));
    link.href = url;
    revoke = () => URL.revokeObjectURL(url);
  }
  link.download = file.fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(revoke, 60_000);
}

/** Copies text to the clipboard; false when the browser refuses (no focus, no permission). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
