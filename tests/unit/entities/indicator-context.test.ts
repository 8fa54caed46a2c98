import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findIndicators, findIndicatorValues } from '@/lib/entities/indicators';
import { shippedWarninglists } from '@/lib/entities/shipped-warninglists';
import { FIXTURES_DIR } from '../../../harness/paths';

const shown = (text: string) => findIndicators(text).map((e) => `${e.indicatorType}:${e.canonical}`);

describe('domains, URLs and e-mail addresses the text does not present as indicators', () => {
  it('leaves out an encyclopedia’s citation domains and a news story’s outbound links', () => {
    const citations = [
      'Wellington has a temperate maritime climate.',
      '^ "Mean Daily Temperature". stuff.co.nz. Retrieved 4 March 2015.',
      '^ "The World Factbook". cia.gov. Archived from the original on 1 May 2016.',
    ].join('\n');
    expect(findIndicatorValues(citations)).toHaveLength(2);
    expect(shown(citations)).toEqual([]);
    expect(
      shown('As wired.com reported last year, the company raised prices; see https://www.nytimes.com/2024/01/01/tech.html for more.'),
    ).toEqual([]);
    expect(shown('Write to the editor at letters@news-site.com with corrections.')).toEqual([]);
  });

  it('keeps IP addresses and hashes whatever the text around them', () => {
    expect(shown('The office moved to 198.51.100.23 last week.')).toEqual(['ipv4:198.51.100.23']);
  });
});

describe('domains, URLs and e-mail addresses the text presents as indicators', () => {
  it('keeps a defanged value, and then the page’s other values too (it reads as a report with indicators)', () => {
    expect(shown('The site evil-site[.]com went up in May; news-site.com covered it.')).toEqual([
      'domain:evil-site.com',
      'domain:news-site.com',
    ]);
  });

  it('keeps a value next to a word of the trade in its sentence, across the page source’s line breaks, not in the next sentence', () => {
    expect(shown('Emotet then beacons to its C2 server at\n      cdn-sync.org over HTTPS.')).toEqual(['domain:cdn-sync.org']);
    expect(shown('It dropped malware. Years later news-site.com wrote about it.')).toEqual([]);
    expect(shown('The implant beaconed to update-check.net every hour.')).toEqual(['domain:update-check.net']);
    expect(shown('Its C2 server, cdn-sync.org, answered over HTTPS.')).toEqual(['domain:cdn-sync.org']);
    expect(shown('The payload was hosted at http://files.example-cdn.com/a.bin')).toEqual(['url:http://files.example-cdn.com/a.bin']);
    expect(shown('Phishing mails came from billing@invoice-desk.com.')).toEqual(['email:billing@invoice-desk.com']);
    expect(shown('The group dropped its malware.\nRead more at blog.vendor.com about the year.')).toEqual([]);
  });

  it('does not count a trade word inside the value itself', () => {
    expect(shown('See https://news-site.com/malware-payload-c2 for the story.')).toEqual([]);
  });

  it('keeps values listed one per line, with bullets or a type label, as in an IOC list or table', () => {
    const list = ['Network activity', '- Domain: alpha-one.com', '- Domain: beta-two.net', '* http://gamma-three.org/x', ''].join('\n');
    expect(shown(list)).toEqual(['domain:alpha-one.com', 'domain:beta-two.net', 'url:http://gamma-three.org/x']);
    // One value alone on a line, with no other listed near it, is a link line, not a list.
    expect(shown('Further reading\nbritannica.com\nThe city grew in the 1900s and is now the capital of the region.')).toEqual([]);
  });

  it('keeps a value given on its own, as a tagged or pasted value is', () => {
    expect(shown('evil-site.com')).toEqual(['domain:evil-site.com']);
    expect(shown('  https://news-site.com/a \n')).toEqual(['url:https://news-site.com/a']);
  });

  it('keeps every value of a page that names its indicators of compromise or lists a hash', () => {
    expect(shown('Indicators of compromise are listed below. The kit used pretty-site.com.')).toEqual(['domain:pretty-site.com']);
    expect(shown('Sample d41d8cd98f00b204e9800998ecf8427f came from pretty-site.com.')).toEqual([
      'md5:d41d8cd98f00b204e9800998ecf8427f',
      'domain:pretty-site.com',
    ]);
  });
});

describe('values on a MISP warninglist', () => {
  /** What the scanner shows: each value with the short word of its list, if any. */
  const warned = (text: string) =>
    findIndicators(text, shippedWarninglists()).map((e) => `${e.indicatorType}:${e.canonical}${e.warning ? ` (${e.warning.short})` : ''}`);

  it('drops one the text does not present as an indicator right there, even on a threat report', () => {
    expect(warned('Your router answers at 192.168.1.1 once it has restarted.')).toEqual([]);
    expect(warned('Indicators of compromise are listed below. Updates were fetched from github.com as usual.')).toEqual([]);
    // The empty file's hash, named in prose, is no finding either.
    expect(warned('Every empty file has the SHA-256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855.')).toEqual([]);
  });

  it('keeps one the text presents as an indicator, with the list that calls it benign or special', () => {
    expect(warned('The attacker then moved laterally to 192.168.1.10 over SMB.')).toEqual(['ipv4:192.168.1.10 (private address)']);
    expect(warned('The second stage was hosted on drive.google.com.')).toEqual(['domain:drive.google.com (popular site)']);
    expect(warned('C2: evil[.]example[.]com')).toEqual(['domain:evil.example.com (example domain)']);
    expect(warned('- 203.0.113.5\n- 45.77.12.9\n')).toEqual(['ipv4:203.0.113.5 (documentation address)', 'ipv4:45.77.12.9']);
  });

  it('keeps every other value as before, with no warning', () => {
    expect(warned('Indicators of compromise are listed below. The kit used pretty-site.com.')).toEqual(['domain:pretty-site.com']);
    expect(warned('Samples beaconed to 45.77.12.9.')).toEqual(['ipv4:45.77.12.9']);
  });

  it('reads a trade word as a whole word: "redirect_uri" in a spec’s example is no cue', () => {
    expect(shown('GET /authorize?redirect_uri=https%3A%2F%2Fapp.example-site.org%2F&scope=read')).toEqual([]);
    expect(shown('The dropper redirects victims to pretty-site.com.')).toEqual(['domain:pretty-site.com']);
  });
});

describe('ordinary pages of the fixtures', () => {
  /**
   * The whole page's text, navigation and references included (more than the article the popup scans),
   * read cheaply: jsdom and Readability take half a minute on wikipedia-2 on a loaded machine. Block
   * ends become line breaks, as in textContent of pretty-printed HTML; other tags vanish.
   */
  function pageText(name: string): string {
    const html = readFileSync(path.join(FIXTURES_DIR, 'real-pages', `${name}.html`), 'utf8');
    return html
      .replace(/<(script|style|noscript)\b[^>]*>[^]*?<\/\1\s*>/gi, ' ')
      .replace(/<\/?(?:p|div|li|ul|ol|tr|td|th|h[1-6]|br|section|article|table|blockquote)\b[^>]*>/gi, '\n')
      .replace(/<[^>]*>/g, '')
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'");
  }
  const shownIn = (name: string) => findIndicators(pageText(name)).map((e) => `${e.indicatorType}:${e.canonical}`);

  it('finds no indicator in the Wikipedia article, references included (it listed 6 citation domains in the article alone)', () => {
    expect(findIndicatorValues(pageText('wikipedia-2')).length).toBeGreaterThan(6);
    expect(shownIn('wikipedia-2')).toEqual([]);
  });

  it('finds none among the news pages’ outbound links', () => {
    for (const page of ['cnn', 'quanta-1', 'medium-1', 'guardian-1', 'nytimes-1', 'bbc-1']) expect(shownIn(page), page).toEqual([]);
  });
});
