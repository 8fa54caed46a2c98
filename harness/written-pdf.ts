/**
 * A PDF file written object by object, for the test PDFs no printer makes (encrypted, Japanese text in a
 * font the file does not carry, a JPEG 2000 picture): the objects are numbered from 1 in the order given,
 * followed by the cross-reference table and trailer that ISO 32000-1 §7.5 asks for.
 */

/** One object's body: text (written as Latin-1) and bytes, in order ("stream" data is bytes). */
export type PdfObject = readonly (string | Buffer)[];

/** The file, its catalog the first object; `trailer` adds entries to the trailer (`/Encrypt 6 0 R /ID […]`). */
export function writtenPdf(objects: readonly PdfObject[], trailer = ''): Buffer {
  const chunks: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = chunks[0].length;
  const offsets: number[] = [];
  objects.forEach((parts, index) => {
    offsets.push(length);
    const body = Buffer.concat([
      Buffer.from(`${index + 1} 0 obj\n`),
      ...parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : part)),
      Buffer.from('\nendobj\n'),
    ]);
    chunks.push(body);
    length += body.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n`,
    '0000000000 65535 f \n',
    ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`),
  ].join('');
  const end = `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${trailer ? ` ${trailer}` : ''} >>\nstartxref\n${length}\n%%EOF\n`;
  chunks.push(Buffer.from(xref + end, 'latin1'));
  return Buffer.concat(chunks);
}

/** A stream object's body: its dictionary entries (without `/Length`, which is counted here) and its data. */
export function pdfStream(entries: string, data: Buffer | string): PdfObject {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
  return [`<< ${entries}${entries ? ' ' : ''}/Length ${bytes.length} >>\nstream\n`, bytes, '\nendstream'];
}
