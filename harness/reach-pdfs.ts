/**
 * Test PDFs for what a PDF reader must bring along besides the document: pdf.js's character maps, for text in
 * a CJK font the file names but does not carry, and its JPEG 2000 decoder, for pictures stored that way.
 * Without them the Japanese line has no text at all and the picture is blank.
 */
import { pdfStream, writtenPdf, type PdfObject } from './written-pdf';

/** The Japanese line of `japanesePdf` ("APT28: the attack group's report"), its only mention of APT28. */
export const JAPANESE_LINE = 'APT28 攻撃グループの報告書';

const pageWith = (resources: string): PdfObject => [
  `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << ${resources} >> >>`,
];
const CATALOG_AND_PAGES: PdfObject[] = [['<< /Type /Catalog /Pages 2 0 R >>'], ['<< /Type /Pages /Kids [3 0 R] /Count 1 >>']];
const HELVETICA: PdfObject = ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];

/**
 * A line in Helvetica, then `JAPANESE_LINE` in Kozuka Mincho, which the file only names (no font file), its
 * text written as UCS-2 codes through Adobe's predefined CMap UniJIS-UCS2-H: the codes become characters only
 * with that CMap, which pdf.js loads from its `cMapUrl`.
 */
export function japanesePdf(): Buffer {
  const codes = Buffer.from(JAPANESE_LINE, 'utf16le').swap16().toString('hex');
  const content = `BT /F1 24 Tf 72 720 Td (Storm-1152 report, Japanese edition) Tj ET BT /F2 24 Tf 72 680 Td <${codes}> Tj ET`;
  const font = 'KozMinPr6N-Regular';
  return writtenPdf([
    ...CATALOG_AND_PAGES,
    pageWith('/Font << /F1 5 0 R /F2 6 0 R >>'),
    pdfStream('', content),
    HELVETICA,
    [`<< /Type /Font /Subtype /Type0 /BaseFont /${font} /Encoding /UniJIS-UCS2-H /DescendantFonts [7 0 R] >>`],
    [
      `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /${font} /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 6 >> /FontDescriptor 8 0 R >>`,
    ],
    [
      `<< /Type /FontDescriptor /FontName /${font} /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>`,
    ],
  ]);
}

/**
 * A 32 × 32 JPEG 2000 codestream, lossless: red (200, 30, 40) with a blue (20, 30, 200) stripe across rows 12
 * to 19. Made once with OpenJPEG 2.5.4 (the encoder of @cornerstonejs/codec-openjpeg 1.3.6, one wavelet
 * decomposition) and kept here: no tool on the test machines writes JPEG 2000.
 */
const RED_SQUARE_J2K = Buffer.from(
  '/0//UQAvAAAAAAAgAAAAIAAAAAAAAAAAAAAAIAAAACAAAAAAAAAAAAADBwEBBwEBBwEB/1IADAACAAEBAQQEAAH/XAAHQEBISFD/ZAAlAAFDcmVhdGVkIGJ5IE9wZW5KUEVHIHZlcnNpb24gMi41LjT/kAAKAAAAAAF4AAH/k8fUzBFQVK/fRYAx3nNu9alJznOdGhEVVVVVVVWRVSBMAYSEhscF4JiUnOc5znRoRFVVVVVVVkVUgTAGEhIpJRG8DNZmZdLSlJznOc5znOiYepUAGEhIRackYZKgAAABYARVVVVVVVZFV9+CAGYBYtS8dQhjgRAAIEAcHhG/JUzAKAAJJzbdL0uimAAEATFMWETdhTtRgjIwZsstxkmt2223TG/4cfAAAAMJCX/fhQwUAFyfZNYJqMWbTs9xwNkYeOg9a2CLf44GyMPxQoABWAPna4AwkJadbVnFrKbWmHB54AGEhIRackYZP3BAG3JJHVIJLbCAwkJDfSsYSfgVleLAjpnMzM2oHWWADCQj3zn3jUpOc5znOc5znOc5znOc5zomHn48BhISEFsXgmJSc5znOdExD6AdIGOLEbJ/QvEIo+0OAGLfD7KIFwWKQDCQl/9/o+0UAGOLEbKIFyBFQAABhHzFnIFdIEg//9k=',
  'base64',
);

/** Where `jpeg2000Pdf` draws its picture, in points from the page's top left (the page is 612 × 792). */
export const JPEG2000_PICTURE = { left: 72, top: 120, size: 200 } as const;

/** A caption line, then the picture, stored as JPEG 2000 (`/JPXDecode`), drawn 200 points square. */
export function jpeg2000Pdf(): Buffer {
  const { left, top, size } = JPEG2000_PICTURE;
  const content = `BT /F1 18 Tf 72 740 Td (Figure 1: the dropper's icon, stored as JPEG 2000) Tj ET q ${size} 0 0 ${size} ${left} ${792 - top - size} cm /Im1 Do Q`;
  return writtenPdf([
    ...CATALOG_AND_PAGES,
    pageWith('/Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >>'),
    pdfStream('', content),
    HELVETICA,
    pdfStream('/Type /XObject /Subtype /Image /Width 32 /Height 32 /Filter /JPXDecode', RED_SQUARE_J2K),
  ]);
}

/** The links of `linksPdf`, by the words they sit on. */
export const PDF_LINKS = {
  web: { words: 'Read the advisory', url: 'https://advisories.example/storm-1152' },
  mail: { words: 'Write to the SOC', url: 'mailto:soc@example.com' },
  page: { words: 'See the appendix on page 2', pageNumber: 2 },
  /** Neither may become a link: a script action, and a javascript: address. */
  script: { words: 'Run the script' },
  javascript: { words: 'Open the javascript: address' },
} as const;

/**
 * Two pages; the first has a line for each of `PDF_LINKS`, each under a link annotation: a web address, a
 * mail address, a destination on page 2, a JavaScript action and a URI action to a javascript: address.
 */
export function linksPdf(): Buffer {
  const lines = [PDF_LINKS.web, PDF_LINKS.mail, PDF_LINKS.page, PDF_LINKS.script, PDF_LINKS.javascript];
  const baseline = (line: number) => 700 - line * 40;
  const content = lines.map(({ words }, line) => `BT /F1 18 Tf 72 ${baseline(line)} Td (${words}) Tj ET`).join(' ');
  const annotation = (line: number, action: string) =>
    [
      `<< /Type /Annot /Subtype /Link /Rect [70 ${baseline(line) - 6} 420 ${baseline(line) + 18}] /Border [0 0 0] ${action} >>`,
    ] as PdfObject;
  return writtenPdf([
    ['<< /Type /Catalog /Pages 2 0 R >>'],
    ['<< /Type /Pages /Kids [3 0 R 9 0 R] /Count 2 >>'],
    [
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> /Annots [6 0 R 7 0 R 8 0 R 10 0 R 11 0 R] >>',
    ],
    pdfStream('', content),
    HELVETICA,
    annotation(0, `/A << /S /URI /URI (${PDF_LINKS.web.url}) >>`),
    annotation(1, `/A << /S /URI /URI (${PDF_LINKS.mail.url}) >>`),
    annotation(2, '/Dest [9 0 R /XYZ 0 792 0]'),
    ['<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 12 0 R /Resources << /Font << /F1 5 0 R >> >> >>'],
    annotation(3, '/A << /S /JavaScript /JS (app.alert\\(1\\)) >>'),
    annotation(4, '/A << /S /URI /URI (javascript:alert\\(1\\)) >>'),
    pdfStream('', 'BT /F1 18 Tf 72 700 Td (Page two: the appendix) Tj ET'),
  ]);
}
