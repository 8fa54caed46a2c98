import { describe, expect, it } from 'vitest';
import { pageTextOfItems } from '@/lib/pdf-viewer/page-text';

describe('pageTextOfItems', () => {
  it('joins the items as the text layer shows them: a line break after a line’s last item, markers skipped', () => {
    const items = [
      { type: 'beginMarkedContent' },
      { str: 'Storm-1152 ', hasEOL: false },
      { str: 'sold accounts', hasEOL: true },
      { type: 'endMarkedContent' },
      { str: '', hasEOL: true },
      { str: 'to other groups.', hasEOL: false },
    ];
    expect(pageTextOfItems(items)).toBe('Storm-1152 sold accounts\n\nto other groups.');
  });
});
