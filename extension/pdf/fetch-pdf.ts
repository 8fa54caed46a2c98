import { checkPdfSize, PdfProblem } from '@/lib/pdf/pdf-problems';
import { startsLikePdf, viewerProblem, viewerProblemFrom } from '@/lib/pdf-viewer/viewer-problems';
import { PdfOpenError } from '@/components/pdf/pdf-view';

export type DownloadProgress = (loaded: number, total: number | null) => void;

/**
 * Fetches the PDF at `url` from this extension page, as the reader's browser would (their cookies go
 * along, so a document behind their login opens too). Nothing goes anywhere else. Refuses files over
 * the size limit before reading them, and anything that is not a PDF.
 */
export async function fetchPdf(url: string, onProgress: DownloadProgress): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'include' });
  } catch (error) {
    throw new PdfOpenError(viewerProblem('unreachable'), error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw new PdfOpenError(viewerProblem('unreachable'), `HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length'));
  const total = Number.isFinite(declared) && declared > 0 ? declared : null;
  if (total !== null) {
    try {
      checkPdfSize(total);
    } catch (error) {
      void response.body?.cancel();
      throw asOpenError(error);
    }
  }
  const bytes = await readBody(response, total, onProgress);
  if (!startsLikePdf(bytes)) throw new PdfOpenError(viewerProblem('not-pdf'), response.headers.get('content-type') ?? undefined);
  return bytes;
}

async function readBody(response: Response, total: number | null, onProgress: DownloadProgress): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.byteLength;
    try {
      checkPdfSize(loaded);
    } catch (error) {
      void reader.cancel();
      throw asOpenError(error);
    }
    chunks.push(value);
    onProgress(loaded, total);
  }
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** Reads a file the reader chose or dropped, with the same checks. */
export async function readPdfFile(file: File): Promise<Uint8Array> {
  try {
    checkPdfSize(file.size);
  } catch (error) {
    throw asOpenError(error);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!startsLikePdf(bytes)) throw new PdfOpenError(viewerProblem('not-pdf'), file.type);
  return bytes;
}

function asOpenError(error: unknown): unknown {
  return error instanceof PdfProblem ? new PdfOpenError(viewerProblemFrom(error)) : error;
}
