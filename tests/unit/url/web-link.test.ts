import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { webLinkUrl } from '@/lib/url/web-link';

// The links of a PDF (lib/pdf-viewer/page-links.ts) and of a reader's note (lib/notes/note-tree.ts).
describe('webLinkUrl', () => {
  it('opens only absolute web and mail addresses', () => {
    expect(webLinkUrl('https://attack.mitre.org/groups/G0007/')).toBe('https://attack.mitre.org/groups/G0007/');
    expect(webLinkUrl(' http://example.com/a b ')).toBe('http://example.com/a%20b');
    expect(webLinkUrl('mailto:soc@example.com')).toBe('mailto:soc@example.com');
    for (const refused of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,<script>',
      'file:///etc/passwd',
      'chrome-extension://x/a.html',
      '/relative/path',
      'example.com',
      '',
      `https://example.com/${'a'.repeat(5_000)}`,
    ]) {
      expect(webLinkUrl(refused), refused).toBeNull();
    }
    expect(webLinkUrl(undefined)).toBeNull();
    expect(webLinkUrl({ href: 'https://example.com' })).toBeNull();
  });

  it('never turns any string into a link that is not http, https or mailto', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (address) => {
        const url = webLinkUrl(address);
        if (url !== null) expect(['http:', 'https:', 'mailto:']).toContain(new URL(url).protocol);
      }),
    );
  });

  it('refuses addresses that would run or show something in an extension page', () => {
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
    for (const url of refused) expect(webLinkUrl(url), url).toBeNull();
  });

  it('refuses what is not an absolute address: an Obsidian link target, a relative path, nothing', () => {
    for (const url of ['Storm-1152', '../notes/a.md', '#heading', '']) expect(webLinkUrl(url), url).toBeNull();
  });
});
