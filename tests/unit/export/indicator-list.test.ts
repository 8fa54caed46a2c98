import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findIndicatorValues as findIndicators, findIndicators as findPageIndicators } from '@/lib/entities/indicators';
import { shippedWarninglists } from '@/lib/entities/shipped-warninglists';
import type { IndicatorType } from '@/lib/entities/types';
import { repeatTo } from '../../support/hostile-text';
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

describe('indicatorRows in a list of indicators', () => {
  // Article text as Readability gives it: each list item on a line of its own, the heading after the
  // list with no full stop between them.
  const LIST = [
    'GoldLoader beacons to its C2 at update-check[.]net every hour.',
    '  SHA-256: 3b1e6c2a9f5d4e7b8c0a1d2f3e4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b',
    '  - Staging server | 203.0.113.45',
    '  • 198.51.100.23;',
    'What to do',
    'Block the domain and the addresses, and look for GoldLoader',
    '  update-check[.]net in mail gateways and proxy logs.',
  ].join('\n');
  const rows = indicatorRows(LIST, findIndicators(LIST), 'defanged');
  const contextOf = (value: string) => rows.find((r) => r.value === value)?.context;

  it('gives a value standing alone on its line, with a label or a bullet, that line as its context', () => {
    expect(contextOf('3b1e6c2a9f5d4e7b8c0a1d2f3e4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b')).toBe(
      'SHA-256: 3b1e6c2a9f5d4e7b8c0a1d2f3e4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b',
    );
    expect(contextOf('203[.]0[.]113[.]45')).toBe('- Staging server | 203[.]0[.]113[.]45');
    expect(contextOf('198[.]51[.]100[.]23')).toBe('• 198[.]51[.]100[.]23;');
  });

  it('keeps the sentence for a value in prose, also where the page source breaks the line before it', () => {
    expect(contextOf('update-check[.]net')).toBe('GoldLoader beacons to its C2 at update-check[.]net every hour.');
    const wrapped = 'Block the domain, and look for GoldLoader at\n  update-check[.]net.\nThen rest.';
    expect(indicatorRows(wrapped, findIndicators(wrapped), 'defanged')[0].context).toBe(
      'Block the domain, and look for GoldLoader at update-check[.]net.',
    );
  });

  it('reads a bounded stretch around each value, however long the text and its lines', () => {
    // 200,000 characters: thousands of addresses on one line, then thousands of lines of one address.
    for (const text of [repeatTo('seen at 203.0.113.45 and '), repeatTo('  - 203.0.113.45\n')]) {
      const found = findIndicators(text);
      const start = performance.now();
      const [row] = indicatorRows(text, found, 'refanged');
      expect(performance.now() - start).toBeLessThan(5_000);
      expect(row.mentions).toBeGreaterThan(5_000);
    }
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
    expect(parsed[0]).toEqual(['indicator', 'type', 'context', 'mentions', 'warninglist']);
    expect(parsed.slice(1)).toEqual(rows.map((r) => [r.value, expect.any(String), r.context, String(r.mentions), '']));
    expect(parsed[3][1]).toBe('SHA-256');
  });

  it('names the MISP warninglist a value is on: its own CSV column, beside the type in text', () => {
    const text = 'The payload was hosted on drive.google.com and on evil-site.net.';
    const found = findPageIndicators(text, shippedWarninglists());
    const rows = indicatorRows(text, found, 'refanged');
    expect(rows.map((r) => [r.value, r.warninglist])).toEqual([
      ['drive.google.com', 'popular site'],
      ['evil-site.net', ''],
    ]);
    expect(parseCsv(indicatorList(rows, 'csv')).map((r) => r[4])).toEqual(['warninglist', 'popular site', '']);
    expect(indicatorList(rows, 'text').split('\n')[0].split('\t')).toEqual([
      'drive.google.com',
      'Domain (popular site)',
      'The payload was hosted on drive.google.com and on evil-site.net.',
    ]);
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
