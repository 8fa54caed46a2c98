import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { describeOffsets } from '@/lib/anchoring/describe-range';
import { TextIndex } from '@/lib/anchoring/text-index';
import type { ActorProfile, PageExport } from '@/lib/export/page-export';
import { markdownLinkDestination } from '@/lib/export/markdown/escape';
import { NO_HIGHLIGHTS, inDocumentOrder, markdownFileName, pageMarkdown } from '@/lib/export/markdown/page-markdown';
import { textFragmentUrl } from '@/lib/export/markdown/text-fragment';
import { COLOR_LABELS, type AnnotationRecord, type EntityTagRecord, type PageRecord } from '@/lib/storage/records';

const FIXTURES = `${__dirname}/../../../fixtures`;
const EXPORTED_AT = new Date('2024-01-15T10:30:00Z');

/**
 * A strict reader for the front matter Gloss writes: every line is `key: "…"`, or `key:` followed by
 * `  - "…"` items, and each quoted value is read with JSON.parse (Gloss only uses escapes YAML and JSON
 * share). Anything else fails the test.
 */
function readFrontMatter(markdown: string): Record<string, string | string[]> {
  const block = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  if (!block) throw new Error('no front matter block');
  const result: Record<string, string | string[]> = {};
  let list: string[] | null = null;
  for (const line of block[1].split('\n')) {
    const scalar = /^([a-z]+): ("(?:[^"\\]|\\.)*")$/.exec(line);
    const listKey = /^([a-z]+):$/.exec(line);
    const item = /^ {2}- ("(?:[^"\\]|\\.)*")$/.exec(line);
    if (scalar) {
      result[scalar[1]] = JSON.parse(scalar[2]);
      list = null;
    } else if (listKey) {
      list = result[listKey[1]] = [];
    } else if (item && list) {
      list.push(JSON.parse(item[1]));
    } else {
      throw new Error(`unexpected front matter line ${JSON.stringify(line)}`);
    }
  }
  return result;
}

function render(markdown: string): Document {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  return new JSDOM(marked.parse(body, { async: false, gfm: true })).window.document;
}

function annotation(fields: Partial<AnnotationRecord> & Pick<AnnotationRecord, 'id' | 'target'>): AnnotationRecord {
  return { pageUrl: SAMPLE_PAGE.url, color: 'yellow', note: '', tags: [], createdAt: 0, updatedAt: 0, ...fields };
}

function quoteTarget(exact: string, prefix: string, suffix: string, start: number): AnnotationRecord['target'] {
  return {
    quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
  };
}

const SAMPLE_PAGE: PageRecord = {
  url: 'https://news.example/storm-1152',
  title: 'Microsoft Takes Down Cybercrime Group Storm-1152 and Disrupts Illicit Activities',
  siteName: 'Security Newsroom',
  byline: 'Newsroom Staff',
  publishedTime: '2023-12-14T09:00:00+00:00',
  createdAt: Date.UTC(2024, 0, 15, 9),
  updatedAt: Date.UTC(2024, 0, 15, 10),
};

// Three highlights on tests/fixtures/storm-1152.html, with the selectors Gloss stores for them (the
// first test checks them against the page). Listed out of document order on purpose.
const SAMPLE_ANNOTATIONS: AnnotationRecord[] = [
  annotation({
    id: '3b0c1f9e-2a4d-4c8e-9f1a-7d2e5b6c8a90',
    color: 'pink',
    tags: ['octo-tempest', 'social-engineering'],
    createdAt: Date.UTC(2024, 0, 15, 9, 5),
    target: quoteTarget('Octo Tempest', 'th one noteworthy partner being ', '. Octo Tempest utilized social e', 2034),
  }),
  annotation({
    id: '9f8e7d6c-5b4a-4321-8fed-cba987654321',
    color: 'yellow',
    note: 'Scale: 750 million accounts.\nCompare with our own abuse numbers for Q4.\n\nSold as a service (CAPTCHA solving included) to other crews.',
    tags: ['fraud'],
    createdAt: Date.UTC(2024, 0, 15, 9, 1),
    target: quoteTarget(
      'Astonishingly, the group managed to generate a staggering 750 million fraudulent Microsoft accounts, operating a sophisticated scheme that earned them millions of dollars in illicit revenue.',
      'eating fake Microsoft accounts. ',
      ' Microsoft’s Legal Action and Se',
      844,
    ),
  }),
  annotation({
    id: 'c4d5e6f7-0819-4a2b-bc3d-4e5f60718293',
    color: 'blue',
    tags: ['law-enforcement', '2023', 'Fraud'],
    createdAt: Date.UTC(2024, 0, 15, 9, 9),
    target: quoteTarget(
      'The dismantling of Storm-1152’s infrastructure significantly hampers the overall capabilities of the broader cybercrime ecosystem.\n      Microsoft’s criminal referral and law enforcement involvement.\n      Through meticulous investigation and confirmation of the identities of individuals leading Storm-1152’s operations, Microsoft submitted a criminal referral',
      'ttacks by other cybercriminals. ',
      ' to US law enforcement. This leg',
      2814,
    ),
  }),
];

const SAMPLE_ACTORS: ActorProfile[] = [
  {
    key: 'scattered spider',
    canonical: 'Scattered Spider',
    aliases: ['Octo Tempest', 'UNC3944', '0ktapus', 'Scatter Swine'],
    attackId: 'G1015',
  },
  { key: 'storm-1152', canonical: 'Storm-1152', aliases: [] },
];

const SAMPLE: PageExport = { page: SAMPLE_PAGE, annotations: SAMPLE_ANNOTATIONS, entityTags: [], actors: SAMPLE_ACTORS };

describe('pageMarkdown on the sample article', () => {
  it('works from selectors Gloss would store for real passages of the article', () => {
    const html = readFileSync(`${FIXTURES}/storm-1152.html`, 'utf8');
    const index = new TextIndex(new JSDOM(html).window.document.body);
    for (const { target } of SAMPLE_ANNOTATIONS) {
      const stored = describeOffsets(index, target.position.start, target.position.end);
      expect(stored.quote).toEqual(target.quote);
    }
  });

  it('matches the golden note', () => {
    const golden = readFileSync(`${FIXTURES}/golden/storm-1152.md`, 'utf8');
    expect(pageMarkdown(SAMPLE, EXPORTED_AT)).toBe(golden);
  });

  it('does not depend on the order annotations come in, so exporting again gives the same note', () => {
    const reversed = { ...SAMPLE, annotations: [...SAMPLE_ANNOTATIONS].reverse() };
    expect(pageMarkdown(reversed, EXPORTED_AT)).toBe(pageMarkdown(SAMPLE, EXPORTED_AT));
  });

  it('puts highlights at the same offset in the order they were made', () => {
    const target = SAMPLE_ANNOTATIONS[0].target;
    const later = annotation({ id: 'b-later', target, note: 'second', createdAt: 2 });
    const earlier = annotation({ id: 'a-earlier', target, note: 'first', createdAt: 1 });
    const markdown = pageMarkdown({ ...SAMPLE, annotations: [later, earlier] }, EXPORTED_AT);
    expect(markdown.indexOf('first')).toBeLessThan(markdown.indexOf('second'));
  });

  it('renders as one title, the two sections, three quotes and links back to the page', () => {
    const document = render(pageMarkdown(SAMPLE, EXPORTED_AT));
    expect([...document.querySelectorAll('h1, h2, h3')].map((h) => `${h.localName} ${h.textContent}`)).toEqual([
      `h1 ${SAMPLE_PAGE.title}`,
      'h2 Highlights',
      'h2 Threat actors',
    ]);
    expect(document.querySelectorAll('body > blockquote')).toHaveLength(3);
    const links = [...document.querySelectorAll('a')].map((a) => a.getAttribute('href')!);
    expect(links).toHaveLength(4);
    expect(links.slice(0, 3).every((href) => href.startsWith('https://news.example/storm-1152#:~:text='))).toBe(true);
    expect(links[3]).toBe('https://attack.mitre.org/groups/G1015/');
  });

  it('names the file after the title', () => {
    expect(markdownFileName(SAMPLE_PAGE)).toBe('Microsoft Takes Down Cybercrime Group Storm-1152 and Disrupts Illicit Activities.md');
  });
});

/**
 * The reader's notes are Markdown (note-markdown.ts): wikilinks, emphasis, lists, code, highlights and
 * tags arrive as written; a heading that would end the Highlights section and a `---` line are guarded.
 */
describe('pageMarkdown keeps notes as written', () => {
  const notes = [
    '*Important*: [[Scattered Spider]] (as [[Octo Tempest]]) sold them on.\n\n- SIM swapping\n- MFA fatigue\n  - push bombing\n\n1. check our help desk\n2. brief the SOC',
    'Hunt with:\n\n```kql\nSigninLogs\n| where ResultType == 50074\n```\n\nSee `T1621`, ==MFA== and #follow-up',
    '# Not a section\nThis line stays with the highlight.\n---\n%% my aside %%',
  ];
  const annotations = inDocumentOrder(SAMPLE_ANNOTATIONS).map((record, i) => ({ ...record, note: notes[i] }));
  const markdown = pageMarkdown({ ...SAMPLE, annotations }, EXPORTED_AT);

  it('matches the golden note', () => {
    expect(markdown).toBe(readFileSync(`${FIXTURES}/golden/storm-1152.notes.md`, 'utf8'));
  });

  it('renders the notes’ Markdown inside their highlights', () => {
    const document = render(markdown);
    expect([...document.querySelectorAll('h1, h2, h3')].map((h) => h.localName)).toEqual(['h1', 'h2', 'h2']);
    expect(document.querySelector('em')!.textContent).toBe('Important');
    expect(document.body.textContent).toContain('[[Scattered Spider]] (as [[Octo Tempest]])');
    expect(document.querySelectorAll('ul ul > li')).toHaveLength(1);
    expect(document.querySelectorAll('ol > li')).toHaveLength(2);
    expect(document.querySelector('pre code')!.textContent).toBe('SigninLogs\n| where ResultType == 50074\n');
    expect(document.querySelector('p code')!.textContent).toBe('T1621');
    expect(document.querySelectorAll('hr, table')).toHaveLength(0);
    expect(document.querySelectorAll('body > blockquote')).toHaveLength(3);
  });
});

describe('pageMarkdown front matter', () => {
  it('holds the page facts and the highlight tags, as first seen in document order', () => {
    expect(readFrontMatter(pageMarkdown(SAMPLE, EXPORTED_AT))).toEqual({
      title: SAMPLE_PAGE.title,
      source: 'https://news.example/storm-1152',
      author: 'Newsroom Staff',
      site: 'Security Newsroom',
      published: '2023-12-14T09:00:00+00:00',
      exported: '2024-01-15T10:30:00.000Z',
      tags: ['fraud', 'octo-tempest', 'social-engineering', 'law-enforcement', '_2023'],
    });
  });

  it('leaves out keys that have no value', () => {
    const page: PageRecord = { url: 'https://a.example/', title: '', siteName: null, createdAt: 0, updatedAt: 0 };
    expect(readFrontMatter(pageMarkdown({ page, annotations: [], entityTags: [], actors: [] }, EXPORTED_AT))).toEqual({
      title: 'Untitled page',
      source: 'https://a.example/',
      exported: '2024-01-15T10:30:00.000Z',
    });
  });
});

describe('pageMarkdown without highlights', () => {
  it('is still a note: front matter, title and a line saying so', () => {
    const markdown = pageMarkdown({ ...SAMPLE, annotations: [], actors: [] }, EXPORTED_AT);
    expect(markdown).toMatch(/^---\n[\s\S]*\n---\n\n# Microsoft Takes Down/);
    expect(markdown.endsWith(`## Highlights\n\n${NO_HIGHLIGHTS}\n`)).toBe(true);
    expect(readFrontMatter(markdown).tags).toBeUndefined();
    expect(markdown).not.toContain('Threat actors');
  });
});

describe('pageMarkdown threat actors', () => {
  it('lists at most 15 other names and says how many more there are', () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `Alias ${i + 1}`);
    const markdown = pageMarkdown({ ...SAMPLE, actors: [{ key: 'x', canonical: 'Many Names', aliases }] }, EXPORTED_AT);
    const line = markdown.split('\n').find((l) => l.startsWith('- **Many Names**'));
    expect(line).toBe(`- **Many Names**: also known as ${aliases.slice(0, 15).join(', ')} and 5 more`);
  });

  it('skips repeats of the name and links only well-formed ATT&CK group ids', () => {
    const actors: ActorProfile[] = [
      { key: 'a', canonical: 'APT28', aliases: ['apt28', 'Fancy  Bear', 'fancy bear', 'APT 28'], attackId: 'G0007' },
      { key: 'b', canonical: 'Bad Id', aliases: [], attackId: 'G0007/../../evil' },
    ];
    const lines = pageMarkdown({ ...SAMPLE, actors }, EXPORTED_AT)
      .split('\n')
      .filter((l) => l.startsWith('- **'));
    expect(lines).toEqual([
      '- **APT28** ([G0007](https://attack.mitre.org/groups/G0007/)): also known as Fancy Bear, APT 28',
      '- **Bad Id**',
    ]);
  });
});

describe('pageMarkdown on hostile input', () => {
  const title = '---\ntitle: "pwned"\n# <script>alert(1)</script> [[Wiki]] #tag';
  const page: PageRecord = {
    url: 'javascript:alert(document.cookie)',
    title,
    siteName: 'Site: "x" \\ \u2028 \u202E',
    byline: '- [x](javascript:alert(1))',
    publishedTime: 'true',
    createdAt: 0,
    updatedAt: 0,
  };
  const hostile: AnnotationRecord = annotation({
    id: '</script>',
    color: 'chartreuse' as AnnotationRecord['color'],
    // The note is the reader's Markdown (note-markdown.ts): its list and quote render; what would split the note does not.
    note: '# Heading\n- item\n> quote\n---\n%%c%% ==h== $m$ ^id\n```',
    tags: ['<b>', '2023', '[[x]]'],
    target: quoteTarget('> not a quote\n\n1. not a list\n<script>alert(1)</script>', '', '', 0),
  });
  const actors: ActorProfile[] = [{ key: 'x', canonical: '**[evil](javascript:x)**', aliases: ['<i>y</i>'], attackId: 'javascript:' }];
  const markdown = pageMarkdown({ page, annotations: [hostile], entityTags: [], actors }, EXPORTED_AT);

  it('keeps every value inside its front matter key', () => {
    expect(readFrontMatter(markdown)).toEqual({
      title: title.replace(/\s+/g, ' '),
      source: 'javascript:alert(document.cookie)',
      author: '- [x](javascript:alert(1))',
      site: 'Site: "x" \\ \u202E',
      published: 'true',
      exported: '2024-01-15T10:30:00.000Z',
      tags: ['b', '_2023', 'x'],
    });
  });

  it('renders no markup from page text, keeps the note inside its highlight, and links no non-web address', () => {
    const document = render(markdown);
    expect([...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => h.localName)).toEqual(['h1', 'h2', 'h2']);
    expect(document.querySelector('h1')!.textContent).toBe(title.replace(/\s+/g, ' '));
    expect(document.querySelectorAll('script, img, iframe, ol, table, em, del, hr')).toHaveLength(0);
    // The note's unclosed fence was closed: the tags and actors after it are not code.
    expect(document.querySelectorAll('pre')).toHaveLength(1);
    expect(document.querySelector('pre')!.textContent).toBe('');
    expect([...document.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'item',
      '**[evil](javascript:x)**: also known as <i>y</i>',
    ]);
    expect(document.querySelectorAll('a')).toHaveLength(0);
    const quotes = document.querySelectorAll('body > blockquote');
    expect([...quotes].map((quote) => quote.textContent!.trim())).toEqual([
      expect.stringContaining('<script>alert(1)</script>'),
      expect.stringMatching(/^quote\n---\n%%c%%/),
    ]);
  });

  it('still gives the highlight a block id of letters, digits and dashes', () => {
    expect(markdown).toMatch(/^\^gloss-[0-9a-f]{12}$/m);
  });
});

describe('pageMarkdown passage links', () => {
  it('links each passage to the page address with its text fragment, made safe as a link destination', () => {
    const urls = ['https://a.example/wiki/Storm_(group) café#History', 'https://a.example/b#top:~:text=old', 'https://a.example/<x>\\`y`'];
    for (const url of urls) {
      const markdown = pageMarkdown({ ...SAMPLE, page: { ...SAMPLE_PAGE, url } }, EXPORTED_AT);
      const links = markdown.split('\n').filter((line) => line.startsWith('[↗ Open passage]('));
      expect(links).toEqual(
        inDocumentOrder(SAMPLE_ANNOTATIONS).map(
          (annotation) =>
            `[↗ Open passage](${markdownLinkDestination(textFragmentUrl(url, annotation.target.quote))}) · ${COLOR_LABELS[annotation.color]} highlight`,
        ),
      );
    }
  });
});

describe('pageMarkdown confirmed entities', () => {
  const tag = (
    kind: EntityTagRecord['kind'],
    name: string,
    status: EntityTagRecord['status'] = 'confirmed',
    canonical = name,
  ): EntityTagRecord => ({
    id: `${kind}-${name}`,
    pageUrl: SAMPLE_PAGE.url,
    entityKey: `${kind}:${canonical.toLowerCase()}`,
    kind,
    name,
    canonical,
    status,
    createdAt: 1,
    updatedAt: 2,
  });
  const tags = [
    tag('malware', 'Emotet'),
    tag('malware', 'Gold*Loader'),
    tag('tool', 'mimikatz', 'confirmed', 'Mimikatz'),
    tag('vulnerability', 'CVE-2021-44228'),
    tag('technique', 'T1566', 'confirmed', 'Phishing'),
    tag('indicator', 'hxxp://evil[.]com/a`b', 'confirmed', 'http://evil.com/a'),
    tag('indicator', '203.0.113.7'),
    tag('indicator', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'),
    tag('indicator', 'bad.example.net', 'rejected'),
    tag('organization', 'Arkose Labs'),
    tag('organization', 'Microsoft'),
    tag('organization', 'Unit 42', 'rejected'),
    tag('person', 'Jane *Doe*'),
    tag('place', 'Iranian', 'confirmed', 'Iran'),
    tag('place', 'Middle East'),
    tag('place', 'Washington, D.C.'),
  ];
  const ids: Record<string, string> = { 'malware Emotet': 'S0367', 'tool Mimikatz': 'S0002', 'technique Phishing': 'T1566' };
  const markdown = pageMarkdown({ ...SAMPLE, entityTags: tags }, EXPORTED_AT, (kind, canonical) => ids[`${kind} ${canonical}`]);

  it('lists confirmed malware, tools, CVEs, techniques, indicators, organisations, people and places after the threat actors', () => {
    const tail = markdown.slice(markdown.indexOf('## Threat actors'));
    expect(tail.split('\n## ').map((section) => section.split('\n')[0])).toEqual([
      '## Threat actors',
      'Malware',
      'Tools',
      'Vulnerabilities',
      'Techniques',
      'Indicators',
      'Organizations',
      'People',
      'Places',
    ]);
    expect(tail).toContain(
      [
        '## Malware',
        '',
        '- **Emotet** ([S0367](https://attack.mitre.org/software/S0367/))',
        '- **Gold\\*Loader**',
        '',
        '## Tools',
        '',
        '- **Mimikatz** ([S0002](https://attack.mitre.org/software/S0002/))',
        '',
        '## Vulnerabilities',
        '',
        '- **[CVE-2021-44228](https://www.cve.org/CVERecord?id=CVE-2021-44228)**',
        '',
        '## Techniques',
        '',
        '- **Phishing** ([T1566](https://attack.mitre.org/techniques/T1566/))',
        '',
        '## Indicators',
        '',
        '- `203[.]0[.]113[.]7` (IPv4 address)',
        '- `e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855` (SHA-256)',
        '- `hxxp://evil[.]com/a` (URL)',
        '',
        '## Organizations',
        '',
        '- **Arkose Labs**',
        '- **Microsoft**',
        '',
        '## People',
        '',
        '- **Jane \\*Doe\\***',
        '',
        '## Places',
        '',
        '- **Iran**',
        // Every confirmed place, including one the STIX export cannot locate.
        '- **Middle East**',
        '- **Washington, D.C.**',
        '',
      ].join('\n'),
    );
  });

  it('leaves out rejected entities, and renders indicators as code, never as links', () => {
    expect(markdown).not.toContain('bad.example');
    expect(markdown).not.toContain('bad[.]example');
    expect(markdown).not.toContain('Unit 42');
    expect([...render(markdown).querySelectorAll('li strong')].map((s) => s.textContent).slice(-6)).toEqual([
      'Arkose Labs',
      'Microsoft',
      'Jane *Doe*',
      'Iran',
      'Middle East',
      'Washington, D.C.',
    ]);
    const document = render(markdown);
    expect([...document.querySelectorAll('code')].map((c) => c.textContent)).toEqual([
      '203[.]0[.]113[.]7',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'hxxp://evil[.]com/a',
    ]);
    const links = [...document.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links.filter((href) => !href!.startsWith('https://news.example/'))).toEqual([
      'https://attack.mitre.org/groups/G1015/',
      'https://attack.mitre.org/software/S0367/',
      'https://attack.mitre.org/software/S0002/',
      'https://www.cve.org/CVERecord?id=CVE-2021-44228',
      'https://attack.mitre.org/techniques/T1566/',
    ]);
  });

  it('writes no sections for a page with nothing confirmed', () => {
    const plain = pageMarkdown({ ...SAMPLE, entityTags: tags.map((t) => ({ ...t, status: 'rejected' as const })) }, EXPORTED_AT);
    expect(plain).toBe(pageMarkdown(SAMPLE, EXPORTED_AT));
  });
});
