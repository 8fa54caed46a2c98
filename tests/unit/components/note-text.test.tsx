// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NoteMarkdown } from '@/components/note/note-markdown';
import { NoteText } from '@/components/note/note-text';
import { WikilinkSearch } from '@/components/note/wikilink-search';

async function mount(node: preact.ComponentChild): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(async () => render(node, root));
  return root;
}

afterEach(() => document.body.replaceChildren());

describe('NoteMarkdown', () => {
  it('draws the note’s Markdown as elements inside .note', async () => {
    const root = await mount(<NoteMarkdown text={'**Octo Tempest** is *UNC3944*\n\n- `T1566`\n- [x] ==tagged=='} />);
    const note = root.querySelector('.note.note-markdown')!;
    expect(note.querySelector('p strong')?.textContent).toBe('Octo Tempest');
    expect(note.querySelector('p em')?.textContent).toBe('UNC3944');
    expect(note.querySelector('ul li code')?.textContent).toBe('T1566');
    expect(note.querySelector('.note-task')?.getAttribute('aria-label')).toBe('Done');
    expect(note.querySelector('li mark.note-highlight')?.textContent).toBe('tagged');
    expect(note.textContent).toBe('Octo Tempest is UNC3944T1566☑ tagged');
  });

  it('opens web links in a new tab without telling the site who sent it there', async () => {
    const root = await mount(<NoteMarkdown text="[report](https://example.org/r)" />);
    const link = root.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://example.org/r');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('never makes HTML of a note: tags show as typed, and script links are no links', async () => {
    const text = '<img src=x onerror="window.hacked=1"> <script>window.hacked=1</script>\n\n[x](javascript:window.hacked=1)';
    const root = await mount(<NoteMarkdown text={text} />);
    expect(root.querySelector('img, script, a')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror="window.hacked=1">');
    expect(root.textContent).toContain('<script>window.hacked=1</script>');
  });

  it('shows an image as a link to it and loads nothing', async () => {
    const root = await mount(<NoteMarkdown text="![chart](https://example.org/c.png)" />);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('a')?.getAttribute('href')).toBe('https://example.org/c.png');
    expect(root.querySelector('a')?.textContent).toContain('chart');
  });
});

describe('NoteMarkdown’s callouts', () => {
  it('draw a titled box of their type, read as a note', async () => {
    const root = await mount(<NoteMarkdown text={'> [!danger] Live C2\n> Block **now**.'} />);
    const callout = root.querySelector('.note-callout')!;
    expect(callout.getAttribute('role')).toBe('note');
    expect(callout.getAttribute('data-callout')).toBe('danger');
    expect(callout.querySelector('.note-callout-title')?.textContent).toBe('Live C2');
    expect(callout.querySelector('p:not(.note-callout-title) strong')?.textContent).toBe('now');
    expect(root.querySelector('blockquote')).toBeNull();
  });
});

describe('NoteMarkdown’s wikilinks', () => {
  it('open the library in a new tab, searching for the target, and show the alias', async () => {
    const root = await mount(<NoteMarkdown text="Same as [[Octo Tempest|the gang]]" />);
    const link = root.querySelector('a.note-wikilink')!;
    expect(link.textContent).toBe('the gang');
    expect(link.getAttribute('href')).toBe('library.html?q=Octo%20Tempest');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('title')).toBe('Search the library for “Octo Tempest”');
  });

  it('search in place where the view can search (the library)', async () => {
    const searchFor = vi.fn();
    const root = await mount(
      <WikilinkSearch.Provider value={searchFor}>
        <NoteMarkdown text="[[Storm-1152]]" />
      </WikilinkSearch.Provider>,
    );
    const link = root.querySelector('a.note-wikilink') as HTMLAnchorElement;
    expect(link.hasAttribute('target')).toBe(false);
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    link.dispatchEvent(click);
    expect(searchFor).toHaveBeenCalledWith('Storm-1152');
    expect(click.defaultPrevented).toBe(true);
    // A click that asks for a new tab is the browser's to follow.
    const newTab = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ctrlKey: true });
    link.dispatchEvent(newTab);
    expect(searchFor).toHaveBeenCalledTimes(1);
    expect(newTab.defaultPrevented).toBe(false);
  });
});

describe('NoteMarkdown’s inline #tags', () => {
  it('show as typed and search the library’s tags for the tag, in place where the view can', async () => {
    const alone = await mount(<NoteMarkdown text="Seen with #ransomware/lockbit, issue #42" />);
    const tag = alone.querySelector('a.note-tag')!;
    expect(alone.querySelectorAll('a.note-tag')).toHaveLength(1);
    expect(tag.textContent).toBe('#ransomware/lockbit');
    expect(tag.getAttribute('href')).toBe('library.html?q=%23ransomware%2Flockbit');
    expect(tag.getAttribute('title')).toBe('Search the library for the tag #ransomware/lockbit');
    const searchFor = vi.fn();
    const root = await mount(
      <WikilinkSearch.Provider value={searchFor}>
        <NoteMarkdown text="#phishing" />
      </WikilinkSearch.Provider>,
    );
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    root.querySelector('a.note-tag')!.dispatchEvent(click);
    expect(searchFor).toHaveBeenCalledWith('#phishing');
    expect(click.defaultPrevented).toBe(true);
  });
});

describe('NoteMarkdown on a note nested deeper than the reader goes', () => {
  it('shows it as typed, every word kept', async () => {
    const text = `${'> '.repeat(500)}the deepest words`;
    const root = await mount(<NoteMarkdown text={text} />);
    expect(root.querySelector('p.note')?.textContent).toBe(text);
    expect(root.querySelector('blockquote')).toBeNull();
  });
});

describe('NoteText', () => {
  it('shows the note as typed, then as its Markdown once the reader has loaded', async () => {
    const root = await mount(<NoteText text="a **b**" />);
    await vi.waitFor(() => expect(root.querySelector('.note strong')?.textContent).toBe('b'));
    expect(root.querySelector('.note')?.textContent).toBe('a b');
    // A second note draws at once: the reader is loaded.
    const again = await mount(<NoteText text="*c*" />);
    expect(again.querySelector('.note em')?.textContent).toBe('c');
  });
});
