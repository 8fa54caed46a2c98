import { describe, expect, it } from 'vitest';
import { locateMentions, quoteMention } from '@/lib/entities/locate-mentions';
import type { Mention } from '@/lib/entities/types';

const mentionsOf = (text: string, name: string): Mention[] => {
  const found: Mention[] = [];
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1))
    found.push({ start: at, end: at + name.length, text: name });
  return found;
};

const ARTICLE = 'Microsoft disrupted Storm-1152 this week. Storm-1152 sold accounts. Analysts say Storm-1152 will return.';
const PAGE = `Home News Explore more: Storm-1152 returns\n\n  ${ARTICLE.replace('this week. ', 'this week.\n\n  ')}\n\nRelated: Storm-1152 profile`;

describe('quoteMention', () => {
  it('takes up to 32 characters of context each side, with whitespace removed', () => {
    const text = 'the  group\nStorm-1152 sold   accounts';
    const [mention] = mentionsOf(text, 'Storm-1152');
    expect(quoteMention(text, mention)).toEqual({ exact: 'Storm-1152', prefix: 'thegroup', suffix: 'soldaccounts' });
  });
});

describe('locateMentions', () => {
  it('finds each article mention in the page and none in the teasers around it', () => {
    const quotes = mentionsOf(ARTICLE, 'Storm-1152').map((m) => quoteMention(ARTICLE, m));
    const located = locateMentions(PAGE, quotes);
    const articleStart = PAGE.indexOf('Microsoft');
    const articleEnd = PAGE.indexOf('\n\nRelated');
    expect(located).toHaveLength(3);
    for (const place of located) {
      expect(place).not.toBeNull();
      expect(PAGE.slice(place!.start, place!.end)).toBe('Storm-1152');
      expect(place!.start).toBeGreaterThan(articleStart);
      expect(place!.end).toBeLessThan(articleEnd);
    }
    expect(new Set(located.map((p) => p!.start)).size).toBe(3);
  });

  it('keeps the order of repeated mentions with the same context', () => {
    const article = 'APT28 struck. APT28 struck. APT28 struck.';
    const quotes = mentionsOf(article, 'APT28').map((m) => quoteMention(article, m));
    const located = locateMentions(`Menu. ${article}`, quotes);
    expect(located.map((p) => p!.start)).toEqual([6, 20, 34]);
  });

  it('gives null for a mention the page no longer holds, without borrowing another place', () => {
    const quotes = mentionsOf(ARTICLE, 'Storm-1152').map((m) => quoteMention(ARTICLE, m));
    const page = 'Explore more: Storm-1152 returns. Microsoft disrupted a group this week.';
    expect(locateMentions(page, quotes)).toEqual([null, null, null]);
  });

  it('handles mentions of different names independently', () => {
    const article = 'Octo Tempest and Storm-1152 worked together.';
    const quotes = [...mentionsOf(article, 'Octo Tempest'), ...mentionsOf(article, 'Storm-1152')].map((m) => quoteMention(article, m));
    const page = `Nav | ${article} | Footer`;
    expect(locateMentions(page, quotes).map((p) => p && page.slice(p.start, p.end))).toEqual(['Octo Tempest', 'Storm-1152']);
  });
});
