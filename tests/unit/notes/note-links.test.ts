import { describe, expect, it } from 'vitest';
import { openableNoteHref } from '@/lib/notes/note-links';

describe('openableNoteHref', () => {
  it('opens web and mail addresses', () => {
    expect(openableNoteHref('https://attack.mitre.org/groups/G1015/')).toBe('https://attack.mitre.org/groups/G1015/');
    expect(openableNoteHref(' http://example.org ')).toBe('http://example.org/');
    expect(openableNoteHref('mailto:soc@example.org')).toBe('mailto:soc@example.org');
  });

  it('refuses addresses that would run or show something in the extension page', () => {
    const refused = [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>x</script>',
      'vbscript:x',
      'file:///etc/passwd',
      'chrome://settings',
      'blob:https://a.example/1',
    ];
    for (const url of refused) expect(openableNoteHref(url), url).toBeNull();
  });

  it('refuses what is not an absolute address: an Obsidian link target, a relative path, nothing', () => {
    for (const url of ['Storm-1152', '../notes/a.md', '#heading', '']) expect(openableNoteHref(url), url).toBeNull();
  });
});
