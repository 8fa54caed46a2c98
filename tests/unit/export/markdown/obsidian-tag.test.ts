import { describe, expect, it } from 'vitest';
import { obsidianTag, obsidianTags } from '@/lib/export/markdown/obsidian-tag';

/** Obsidian's tag rule: letters, digits, "_", "-" and "/" only, and not digits alone. */
const OBSIDIAN_TAG = /^(?=.*[^\p{N}])[\p{L}\p{N}\p{M}_/-]+$/u;

describe('obsidianTag', () => {
  it('keeps tags Obsidian already accepts', () => {
    for (const tag of ['fraud', 'APT29', 'social-engineering', 'snake_case', 'region/europe', 'Лазарь', '熊']) {
      expect(obsidianTag(tag)).toBe(tag);
    }
  });

  it('turns other characters into "-"', () => {
    expect(obsidianTag('T1566.001')).toBe('T1566-001');
    expect(obsidianTag('c&c')).toBe('c-c');
    expect(obsidianTag('what?!now')).toBe('what-now');
    expect(obsidianTag('🔥hot')).toBe('hot');
  });

  it('gives a tag of digits a leading "_", since "#2023" is not a tag', () => {
    expect(obsidianTag('2023')).toBe('_2023');
    expect(obsidianTag('2023.12')).toBe('_2023-12');
  });

  it('trims separators from the ends and gives null when nothing is left', () => {
    expect(obsidianTag('#apt/')).toBe('apt');
    expect(obsidianTag('_em_')).toBe('em');
    expect(obsidianTag('!!!')).toBeNull();
    expect(obsidianTag('')).toBeNull();
  });

  it('always gives something Obsidian reads as a tag', () => {
    const labels = ['<script>', 'a b', '[[x]]', 'x]]', '%%c%%', '==h==', '$x$', '\u202Eevil', 'a\u0000b', '-1', '1/2', '___'];
    for (const label of labels) {
      const tag = obsidianTag(label);
      if (tag !== null) expect(tag).toMatch(OBSIDIAN_TAG);
    }
  });
});

describe('obsidianTags', () => {
  it('keeps first-seen order and spelling, dropping repeats that differ only in case', () => {
    expect(obsidianTags(['Fraud', 'apt29', 'fraud', 'APT29', 'T1566.001', 't1566-001', '!!!'])).toEqual(['Fraud', 'apt29', 'T1566-001']);
  });
});

describe('obsidianTag over many labels', () => {
  it('gives the same tag for a label however many other labels were converted in between', () => {
    const first = ['T1566.001', '2023', 'c&c', '!!!'].map(obsidianTag);
    for (let i = 0; i < 10_000; i++) obsidianTag(`label ${i}`);
    expect(['T1566.001', '2023', 'c&c', '!!!'].map(obsidianTag)).toEqual(first);
    expect(first).toEqual(['T1566-001', '_2023', 'c-c', null]);
    expect(obsidianTag('label 9999')).toBe('label-9999');
  });
});
