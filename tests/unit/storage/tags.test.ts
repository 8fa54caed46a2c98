import { describe, expect, it } from 'vitest';
import { cleanTags, parseTagInput, tagKey } from '@/lib/storage/tags';

describe('tags', () => {
  it('folds case and width for the key', () => {
    expect(tagKey(' APT29 ')).toBe('apt29');
    expect(tagKey('ＡＰＴ')).toBe('apt');
  });

  it('tidies typed tags and drops duplicates, keeping the first spelling', () => {
    expect(cleanTags(['#Phishing', 'phishing', ' Scattered Spider ', '', '##x'])).toEqual(['Phishing', 'Scattered-Spider', 'x']);
  });

  it('caps the number and length of tags', () => {
    expect(cleanTags(Array.from({ length: 80 }, (_, i) => `t${i}`))).toHaveLength(50);
    expect(cleanTags(['x'.repeat(100)])[0]).toHaveLength(64);
  });

  it('splits a tag field on commas, newlines and #', () => {
    expect(parseTagInput('apt, phishing  #ransomware\nfraud')).toEqual(['apt', 'phishing', 'ransomware', 'fraud']);
  });
});
