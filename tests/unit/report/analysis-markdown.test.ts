import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import type { ArticleExtraction } from '../../../lib/article/extract-article';
import { escapeMarkdown, renderAnalysisMarkdown } from '../../../lib/report/analysis-markdown';
import { buildAnalysisReport, type AnalysisReport } from '../../../lib/report/analysis-report';

function extraction(overrides: Partial<ArticleExtraction> = {}): ArticleExtraction {
  return {
    kind: 'article',
    metadata: {
      title: 'Storm-1152 taken down',
      byline: 'Newsroom Staff',
      siteName: 'Security Newsroom',
      publishedTime: '2023-12-14',
      excerpt: 'Microsoft acted.',
      lang: 'en',
      dir: null,
    },
    readingTime: { words: 1200, minutes: 5 },
    outline: [
      { level: 2, text: 'Overview', liveIndex: 1 },
      { level: 3, text: 'Accounts', liveIndex: 2 },
      { level: 4, text: 'Numbers', liveIndex: 3 },
      { level: 2, text: 'Partners', liveIndex: 4 },
    ],
    textContent: 'Storm-1152 …',
    ...overrides,
  };
}

const report = (overrides: Partial<ArticleExtraction> = {}, url: string | null = 'https://news.example/storm') =>
  buildAnalysisReport(extraction(overrides), url);

/** The HTML a CommonMark/GFM renderer makes of the Markdown. */
const html = (markdown: string) => marked.parse(markdown, { async: false });

describe('buildAnalysisReport', () => {
  it('keeps the metadata and only level and text of each outline item', () => {
    const built = report();
    expect(built).toMatchObject({ title: 'Storm-1152 taken down', byline: 'Newsroom Staff', kind: 'article' });
    expect(built.url).toBe('https://news.example/storm');
    expect(built.readingTime).toEqual({ words: 1200, minutes: 5 });
    expect(built.outline[0]).toEqual({ level: 2, text: 'Overview' });
    expect(built.entities).toEqual([]);
  });
});

describe('renderAnalysisMarkdown', () => {
  it('renders the title, the metadata list, a nested outline and an empty entities section', () => {
    expect(renderAnalysisMarkdown(report())).toBe(
      [
        '# Storm-1152 taken down',
        '',
        '- **By:** Newsroom Staff',
        '- **Site:** Security Newsroom',
        '- **Published:** 2023-12-14',
        '- **Reading time:** 5 min read',
        '- **Source:** <https://news.example/storm>',
        '',
        '## Outline',
        '',
        '- Overview',
        '  - Accounts',
        '    - Numbers',
        '- Partners',
        '',
        '## Entities',
        '',
        'No entities found.',
        '',
      ].join('\n'),
    );
  });

  it('leaves out missing metadata and a file:// source', () => {
    const metadata = { ...extraction().metadata, byline: null, siteName: null, publishedTime: null };
    const markdown = renderAnalysisMarkdown(report({ metadata }, 'file:///home/me/page.html'));
    expect(markdown).not.toMatch(/\*\*(By|Site|Published|Source):/);
    expect(markdown).not.toContain('file://');
  });

  it('says so when a page has no headings, and when it is not an article', () => {
    const markdown = renderAnalysisMarkdown(report({ kind: 'not-article', outline: [] }));
    expect(markdown).toContain('does not look like an article');
    expect(markdown).toContain('## Outline\n\nNo headings found.\n');
  });

  it('lists entities with their mention counts when there are some', () => {
    const withEntities: AnalysisReport = {
      ...report(),
      entities: [
        {
          kind: 'threat-actor',
          name: 'Octo Tempest',
          canonical: 'Scattered Spider',
          aliases: ['UNC3944'],
          mentions: [{ start: 0, end: 12, text: 'Octo Tempest' }],
        },
        {
          kind: 'technique',
          name: 'phishing',
          canonical: 'Phishing',
          aliases: [],
          mentions: [
            { start: 20, end: 28, text: 'phishing' },
            { start: 40, end: 48, text: 'phishing' },
          ],
        },
        {
          kind: 'indicator',
          name: 'github.com',
          canonical: 'github.com',
          aliases: [],
          indicatorType: 'domain',
          warning: { list: 'tranco10k', short: 'popular site', label: 'a popular site (Tranco’s top 10,000)' },
          mentions: [{ start: 60, end: 70, text: 'github.com' }],
        },
      ],
    };
    const markdown = renderAnalysisMarkdown(withEntities);
    expect(markdown).toContain('- **Octo Tempest** (threat-actor, also known as Scattered Spider): 1 mention\n');
    // A canonical name that differs only in case says nothing new.
    expect(markdown).toContain('- **phishing** (technique): 2 mentions\n');
    // An indicator on a MISP warninglist says which.
    expect(markdown).toContain('- **github.com** (indicator, on a MISP warninglist: popular site): 1 mention\n');
  });

  it('makes a hostile title inert', () => {
    const metadata = { ...extraction().metadata, title: '*[x](javascript:alert(1))*' };
    const markdown = renderAnalysisMarkdown(report({ metadata }));
    expect(markdown.split('\n')[0]).toBe('# \\*\\[x\\]\\(javascript:alert\\(1\\)\\)\\*');
    expect(html(markdown)).toContain('<h1>*[x](javascript:alert(1))*</h1>');
  });

  it('makes hostile metadata and headings inert when rendered', () => {
    const metadata = {
      ...extraction().metadata,
      byline: '<img src=x onerror=alert(1)>',
      siteName: '![p](https://tracker.example/p.png)',
      publishedTime: '`code` ~~gone~~ __bold__',
    };
    const outline = [
      { level: 2, text: '[[Secret note]] #tag $x$ %%hidden%% ==mark==', liveIndex: 0 },
      { level: 2, text: '1. Not a list', liveIndex: 1 },
      { level: 2, text: '- not nested\n\n# Not a heading', liveIndex: 2 },
      { level: 2, text: '| a | b |', liveIndex: 3 },
      { level: 2, text: 'See https://evil.example/x and www.evil.example', liveIndex: 4 },
    ];
    const rendered = html(renderAnalysisMarkdown(report({ metadata, outline }, null)));
    expect(rendered).not.toMatch(/<(img|a|code|del|em|h2 |ol|table)\b/);
    expect(rendered.match(/<h1>/g)).toHaveLength(1);
    expect(rendered).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(rendered).toContain('<li>1. Not a list</li>');
    expect(rendered).toContain('<li>- not nested # Not a heading</li>');
    expect(rendered).toContain('<li>See https://evil.example/x and www.evil.example</li>');
    expect(rendered).toContain('<li><strong>Site:</strong> ![p](https://tracker.example/p.png)</li>');
  });
});

describe('escapeMarkdown', () => {
  it('keeps ordinary text readable', () => {
    expect(escapeMarkdown('Storm-1152’s fraudulent activities: 750 million accounts.')).toBe(
      'Storm-1152’s fraudulent activities: 750 million accounts.',
    );
  });

  it('puts the text on one line and drops control characters', () => {
    expect(escapeMarkdown('  Two\nlines\u0007 here\t ')).toBe('Two lines here');
  });

  it('escapes list markers only at the start', () => {
    expect(escapeMarkdown('- a - b')).toBe('\\- a - b');
    expect(escapeMarkdown('+1')).toBe('\\+1');
    expect(escapeMarkdown('2023. A year')).toBe('2023\\. A year');
  });
});
