import { describe, expect, it } from 'vitest';
import { parsePdfDate, pdfMetadata } from '@/lib/pdf/pdf-metadata';
import { readTestPdf } from '../../support/real-pdfs';
import { useTestPdfs } from '../../support/use-test-pdfs';

useTestPdfs(['sample']);

describe('PDF date strings', () => {
  it.each([
    ["D:20240115093000+01'00'", '2024-01-15T08:30:00.000Z'],
    ["D:20240115093000-05'30", '2024-01-15T15:00:00.000Z'],
    ['D:20240115093000Z', '2024-01-15T09:30:00.000Z'],
    ["D:20240115093000Z00'00'", '2024-01-15T09:30:00.000Z'],
    ['D:202401150930', '2024-01-15T09:30:00.000Z'],
    ['D:20240115', '2024-01-15'],
    ['D:202401', '2024-01-01'],
    ['D:2024', '2024-01-01'],
    ['20240115093000', '2024-01-15T09:30:00.000Z'],
    ["  D:20231214120000+00'00'  ", '2023-12-14T12:00:00.000Z'],
  ])('reads %s as %s', (value, expected) => {
    expect(parsePdfDate(value)).toBe(expected);
  });

  it.each([['D:20240231'], ['D:20241301'], ['D:20240115250000'], ['January 2024'], ['D:'], [''], ['D:2024011509300099999999999999']])(
    'refuses %s, which is no date',
    (value) => {
      expect(parsePdfDate(value)).toBeNull();
    },
  );

  it('refuses what is not text', () => {
    expect(parsePdfDate(undefined)).toBeNull();
    expect(parsePdfDate(20240115)).toBeNull();
  });
});

const xmp = (values: Record<string, unknown>) => ({ get: (name: string) => values[name] });

describe('what Gloss shows about a PDF', () => {
  it('takes the title, author, date, subject and language from the metadata, XMP first', () => {
    const metadata = pdfMetadata({
      source: {
        info: { Title: 'Info title', Author: 'Info Author', CreationDate: 'D:20231214120000Z', Subject: 'About', Language: 'en-GB' },
        metadata: xmp({ 'dc:title': 'XMP title', 'dc:creator': ['Ann Analyst', 'Bo Researcher'] }),
      },
      url: 'https://www.vendor.example/reports/storm.pdf',
      firstHeading: 'A heading',
    });
    expect(metadata).toEqual({
      title: 'XMP title',
      byline: 'Ann Analyst, Bo Researcher',
      siteName: 'vendor.example',
      publishedTime: '2023-12-14T12:00:00.000Z',
      excerpt: 'About',
      lang: 'en-GB',
      dir: null,
    });
  });

  it("takes the first heading when the title is missing or a tool's placeholder, else the file name", () => {
    const base = { url: 'https://vendor.example/files/Storm%201152%20report.pdf', firstHeading: 'Storm-1152 takedown' };
    for (const Title of [undefined, '', '   ', 'untitled', 'Microsoft Word - draft7.docx', 'report.pdf']) {
      expect(pdfMetadata({ ...base, source: { info: { Title }, metadata: null } }).title).toBe('Storm-1152 takedown');
    }
    expect(pdfMetadata({ ...base, firstHeading: null, source: null }).title).toBe('Storm 1152 report.pdf');
    expect(pdfMetadata({ url: null, firstHeading: null, source: null }).title).toBe('Untitled PDF');
  });

  it('has no site for a local file and ignores values that are not text', () => {
    const metadata = pdfMetadata({
      source: { info: { Title: 42, Author: ['x'], CreationDate: 'yesterday' }, metadata: null },
      url: 'file:///home/me/report.pdf',
      firstHeading: 'Heading',
    });
    expect(metadata).toMatchObject({ title: 'Heading', byline: null, siteName: null, publishedTime: null });
  });

  it('caps a hostile title at 500 characters', () => {
    const metadata = pdfMetadata({ source: { info: { Title: 'A'.repeat(100_000) }, metadata: null }, url: null, firstHeading: null });
    expect(metadata.title.length).toBe(500);
  });

  it("of the printed sample: its title and Chromium's creation date", async () => {
    const { metadata } = await readTestPdf('sample');
    expect(metadata.title).toBe('Microsoft Takes Down Cybercrime Group Storm-1152 and Disrupts Illicit Activities - Security Newsroom');
    expect(metadata.publishedTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/);
    expect(metadata.siteName).toBe('reports.example');
    expect(metadata.lang).toBe('en-US');
  });
});
