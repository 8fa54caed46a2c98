import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findIndicatorValues as findIndicators } from '@/lib/entities/indicators';
import type { IndicatorType } from '@/lib/entities/types';
import { csvCell, defangIndicator, indicatorFileName, indicatorList, indicatorRows } from '@/lib/export/indicator-list';

const TEXT = [
  'Overview of the campaign.',
  'The loader fetched hxxp://cdn.evil-site[.]net/a.bin and beaconed to 203.0.113[.]7 every hour. Later it stopped.',
  'Its SHA-256 is E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855!',
  'Mail came from ops@evil-site.net; see also evil-site.net.',
].join('\n');
const FOUND = findIndicators(TEXT);

/** Splits CSV the way RFC 4180 reads it (quoted cells, doubled quotes, CRLF rows). */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && csv[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('indicatorRows', () => {
  it('lists each indicator once, in order, refanged, with its type and the sentence around its first mention', () => {
    const rows = indicatorRows(TEXT, FOUND, 'refanged');
    expect(rows.map((r) => [r.value, r.type, r.mentions])).toEqual([
      ['http://cdn.evil-site.net/a.bin', 'url', 1],
      ['203.0.113.7', 'ipv4', 1],
      ['e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'sha256', 1],
      ['ops@evil-site.net', 'email', 1],
      ['evil-site.net', 'domain', 1],
    ]);
    expect(rows[0].context).toBe('The loader fetched http://cdn.evil-site.net/a.bin and beaconed to 203.0.113.7 every hour.');
    expect(rows[2].context).toBe('Its SHA-256 is e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855!');
    expect(rows[4].context).toBe('Mail came from ops@evil-site.net; see also evil-site.net.');
  });

  it('defangs the values and the indicators in their sentences alike', () => {
    const rows = indicatorRows(TEXT, FOUND, 'defanged');
    expect(rows.map((r) => r.value)).toEqual([
      'hxxp://cdn[.]evil-site[.]net/a.bin',
      '203[.]0[.]113[.]7',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'ops[@]evil-site[.]net',
      'evil-site[.]net',
    ]);
    expect(rows[1].context).toBe('The loader fetched hxxp://cdn[.]evil-site[.]net/a.bin and beaconed to 203[.]0[.]113[.]7 every hour.');
  });

  it('cuts a sentence without an end at a bounded reach, and leaves other kinds out', () => {
    const long = `${'word '.repeat(200)}evil-site.net ${'more '.repeat(200)}`;
    const [row] = indicatorRows(
      long,
      [...findIndicators(long), { kind: 'malware', name: 'X', canonical: 'X', aliases: [], mentions: [] }],
      'refanged',
    );
    expect(row.context.startsWith('…')).toBe(true);
    expect(row.context.endsWith('…')).toBe(true);
    expect(row.context.length).toBeLessThan(500);
    expect(row.context).toContain('evil-site.net');
  });
});

describe('defangIndicator', () => {
  const samples: [string, IndicatorType, string][] = [
    ['203.0.113.7', 'ipv4', '203[.]0[.]113[.]7'],
    ['2001:db8::1', 'ipv6', '2001[:]db8[:][:]1'],
    ['evil-site.net.com', 'domain', 'evil-site[.]net[.]com'],
    ['https://user@evil-site.net.com:8443/p.a.t.h?q=a.b', 'url', 'hxxps://user@evil-site[.]net[.]com:8443/p.a.t.h?q=a.b'],
    ['ftp://files.example.org/x', 'url', 'fxp://files[.]example[.]org/x'],
    ['a.b@mail.example.ru', 'email', 'a.b[@]mail[.]example[.]ru'],
    ['44d88612fea8a8f36de82e1278abb02f', 'md5', '44d88612fea8a8f36de82e1278abb02f'],
  ];
  it.each(samples)('%s (%s) → %s, which Gloss reads back as the same indicator', (value, type, defanged) => {
    expect(defangIndicator(value, type)).toBe(defanged);
    if (type !== 'ipv6') expect(findIndicators(defanged).map((e) => [e.indicatorType, e.canonical])).toEqual([[type, value]]);
  });
});

describe('indicatorList', () => {
  it('writes CSV with a header, every cell quoted and CRLF rows, that reads back cell for cell', () => {
    const rows = indicatorRows(TEXT, FOUND, 'defanged');
    const csv = indicatorList(rows, 'csv');
    expect(csv.endsWith('\r\n')).toBe(true);
    const parsed = parseCsv(csv);
    expect(parsed[0]).toEqual(['indicator', 'type', 'context', 'mentions']);
    expect(parsed.slice(1)).toEqual(rows.map((r) => [r.value, expect.any(String), r.context, String(r.mentions)]));
    expect(parsed[3][1]).toBe('SHA-256');
  });

  it('guards cells that a spreadsheet would run as a formula, and quotes quotes', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}HYPERLINK("x")`)).toBe(`"'${start}HYPERLINK(""x"")"`);
    expect(csvCell('plain, "quoted"\nline')).toBe('"plain, ""quoted""\nline"');
    const text = '=cmd|"/c calc"!A1 was seen at evil-site.net, said the note.';
    const csv = indicatorList(indicatorRows(text, findIndicators(text), 'refanged'), 'csv');
    expect(parseCsv(csv)[1][2]).toBe('\'=cmd|"/c calc"!A1 was seen at evil-site.net, said the note.');
  });

  it('every cell of any row reads back as written, apart from the guard', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 5 }), (cells) => {
        const csv = cells.map(([a, b]) => `${csvCell(a)},${csvCell(b)}`).join('\r\n') + (cells.length ? '\r\n' : '');
        const unguard = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
        expect(parseCsv(csv)).toEqual(cells.map(([a, b]) => [unguard(a), unguard(b)]));
      }),
    );
  });

  it('writes text as value, type and context per line, split by tabs', () => {
    const rows = indicatorRows(TEXT, FOUND, 'refanged');
    const lines = indicatorList(rows, 'text').trimEnd().split('\n');
    expect(lines.map((line) => line.split('\t'))).toEqual(rows.map((r) => [r.value, expect.any(String), r.context]));
    expect(lines[1].split('\t')[1]).toBe('IPv4 address');
    expect(indicatorList([], 'text')).toBe('');
  });

  it('names the file after the page, as other exports are named', () => {
    expect(indicatorFileName({ title: 'Storm/1152: report', url: 'https://news.example/a' }, 'csv')).toBe(
      'Storm-1152 - report.indicators.csv',
    );
    expect(indicatorFileName({ title: '', url: 'https://news.example/a' }, 'text')).toBe('news.example.indicators.txt');
  });
});
