/**
 * Gloss's block in a vault note (lib/export/markdown/vault-block.ts): what the reader writes outside it
 * survives every update byte for byte; when the markers do not fence exactly one block, nothing is
 * written and the reason says what to do.
 */
import { describe, expect, it } from 'vitest';
import { mergeVaultNote, newVaultNote, splitFrontMatter } from '@/lib/export/markdown/vault-block';
import { GLOSS_BLOCK_END, GLOSS_BLOCK_START } from '@/lib/export/markdown/vault-markers';

const FRONT = '---\ntitle: "Storm-1152"\nsource: "https://news.example/storm-1152"\n---';
const exported = (body: string) => `${FRONT}\n\n${body}\n`;
const FIRST = exported('# Storm-1152\n\n## Highlights\n\n> one\n\n^gloss-000000000001\n\n> two\n\n^gloss-000000000002');
const SECOND = exported('# Storm-1152\n\n## Highlights\n\n> one\n\n^gloss-000000000001');

describe('splitFrontMatter', () => {
  it('splits an export after its front matter', () => {
    expect(splitFrontMatter(FIRST)).toEqual({ frontMatter: FRONT, body: FIRST.slice(FRONT.length).trim() });
  });

  it('takes a note without front matter as all body', () => {
    expect(splitFrontMatter('# Title\n\ntext\n')).toEqual({ frontMatter: '', body: '# Title\n\ntext' });
  });
});

describe('newVaultNote', () => {
  it('is the front matter, then Gloss’s block around the rest', () => {
    expect(newVaultNote(FIRST)).toBe(
      `${FRONT}\n\n${GLOSS_BLOCK_START}\n# Storm-1152\n\n## Highlights\n\n> one\n\n^gloss-000000000001\n\n> two\n\n^gloss-000000000002\n${GLOSS_BLOCK_END}\n`,
    );
  });
});

describe('mergeVaultNote', () => {
  it('rewrites only the block: the reader’s text above and below survives, front matter included', () => {
    const created = newVaultNote(FIRST);
    const above = '\nMy summary: [[Scattered Spider]] *again*.\n\n';
    const below = '\n\n## My follow-up\n\n- [ ] ask the SOC\n';
    const edited = created
      .replace(
        'source: "https://news.example/storm-1152"\n---\n\n',
        `source: "https://news.example/storm-1152"\nstatus: "reading"\n---\n${above}`,
      )
      .replace(`${GLOSS_BLOCK_END}\n`, `${GLOSS_BLOCK_END}${below}`);
    const merged = mergeVaultNote(edited, SECOND);
    expect(merged.outcome).toBe('updated');
    if (merged.outcome === 'skipped') return;
    expect(merged.text).toBe(
      `${FRONT.replace('\n---', '\nstatus: "reading"\n---')}\n${above}${GLOSS_BLOCK_START}\n# Storm-1152\n\n## Highlights\n\n> one\n\n^gloss-000000000001\n${GLOSS_BLOCK_END}${below}`,
    );
    expect(merged.text).not.toContain('> two');
  });

  it('says unchanged when the block already holds the export, whatever the export time', () => {
    const created = newVaultNote(FIRST);
    const later = FIRST.replace('title: "Storm-1152"', 'title: "Storm-1152"\nexported: "2030-01-01T00:00:00.000Z"');
    expect(mergeVaultNote(created, later)).toEqual({ outcome: 'unchanged', text: created });
  });

  it('empties the block, never the file, when the page has no highlights left', () => {
    const note = `Mine above.\n\n${newVaultNote(FIRST)}\nMine below.\n`;
    const none = exported('# Storm-1152\n\n## Highlights\n\nNo highlights on this page yet.');
    const merged = mergeVaultNote(note, none);
    expect(merged.outcome).toBe('updated');
    if (merged.outcome === 'skipped') return;
    expect(merged.text.startsWith('Mine above.\n\n---\n')).toBe(true);
    expect(merged.text.endsWith(`No highlights on this page yet.\n${GLOSS_BLOCK_END}\n\nMine below.\n`)).toBe(true);
    expect(merged.text).not.toContain('> one');
  });

  it('keeps a CRLF file CRLF: the reader’s lines as they were, the block in the file’s line ending', () => {
    const crlf = newVaultNote(FIRST).replace(/\n/g, '\r\n').replace(`${GLOSS_BLOCK_END}\r\n`, `${GLOSS_BLOCK_END}\r\n\r\nMine.\r\n`);
    const merged = mergeVaultNote(crlf, SECOND);
    expect(merged.outcome).toBe('updated');
    if (merged.outcome === 'skipped') return;
    expect(merged.text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(merged.text).toBe(
      newVaultNote(SECOND).replace(/\n/g, '\r\n').replace(`${GLOSS_BLOCK_END}\r\n`, `${GLOSS_BLOCK_END}\r\n\r\nMine.\r\n`),
    );
  });

  it('finds markers with spaces around them, and a start line whose words the reader changed', () => {
    const note = `mine\n  <!-- gloss:start my words -->  \nold\n\t${GLOSS_BLOCK_END}\nmine too`;
    const merged = mergeVaultNote(note, SECOND);
    expect(merged).toEqual({
      outcome: 'updated',
      text: `mine\n${GLOSS_BLOCK_START}\n${splitFrontMatter(SECOND).body}\n${GLOSS_BLOCK_END}\nmine too`,
    });
  });

  it('leaves the reader’s own comments and the word gloss alone', () => {
    const note = `<!-- my comment -->\nA glossary, glossed over.\n${newVaultNote(FIRST)}%% private %%\n`;
    expect(mergeVaultNote(note, SECOND).outcome).toBe('updated');
  });

  describe('markers the reader removed, doubled or changed: nothing is written, and the reason says why', () => {
    const created = newVaultNote(FIRST);
    const lines = created.split('\n');
    const startLine = lines.indexOf(GLOSS_BLOCK_START) + 1;
    const endLine = lines.indexOf(GLOSS_BLOCK_END) + 1;
    const length = lines.length;
    const cases: [string, string, RegExp][] = [
      ['no markers at all', '# My own note\n\nsource-less text\n', /has no Gloss block.*Gloss left the note as it is/],
      [
        'the end marker missing',
        created.replace(`${GLOSS_BLOCK_END}\n`, 'my text\n'),
        new RegExp(`one gloss:start line and no gloss:end line \\(lines ${startLine}\\)`),
      ],
      ['the start marker missing', created.replace(`${GLOSS_BLOCK_START}\n`, ''), /no gloss:start line and one gloss:end line/],
      [
        'the block twice',
        `${created}\n${created}`,
        new RegExp(
          `2 gloss:start lines and 2 gloss:end lines \\(lines ${startLine}, ${endLine}, ${length + startLine}, ${length + endLine}\\)`,
        ),
      ],
      [
        'the end before the start',
        `${GLOSS_BLOCK_END}\nmine\n${GLOSS_BLOCK_START}\n`,
        /gloss:end line \(line 1\) comes before its gloss:start line \(line 3\)/,
      ],
      [
        'an end marker made an Obsidian comment',
        created.replace(GLOSS_BLOCK_END, '%% gloss:end %%'),
        new RegExp(`line ${endLine} looks like one of Gloss’s markers`),
      ],
      [
        'an end marker cut short',
        created.replace(GLOSS_BLOCK_END, '<!-- gloss:end'),
        new RegExp(`line ${endLine} looks like one of Gloss’s markers`),
      ],
      [
        'a start marker misspelt',
        created.replace('gloss:start', 'gloss: start'),
        new RegExp(`line ${startLine} looks like one of Gloss’s markers`),
      ],
    ];
    it.each(cases)('%s', (_what, note, reason) => {
      const merged = mergeVaultNote(note, SECOND);
      expect(merged.outcome).toBe('skipped');
      if (merged.outcome !== 'skipped') return;
      expect(merged.reason).toMatch(reason);
      expect(merged.reason).toContain('nothing you wrote is lost');
    });
  });

  it('reads a 200,000-line note in linear time', () => {
    const note = `${'gloss line\n'.repeat(100_000)}${newVaultNote(FIRST)}${'<!-- glossy\n'.repeat(100_000)}`;
    const start = performance.now();
    expect(mergeVaultNote(note, SECOND).outcome).toBe('updated');
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});
