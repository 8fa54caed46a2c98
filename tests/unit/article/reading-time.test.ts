import { describe, expect, it } from 'vitest';
import { estimateReadingTime, WORDS_PER_MINUTE } from '@/lib/article/reading-time';

const words = (count: number) => Array.from({ length: count }, (_, i) => `word${i}`).join(' ');

describe('estimateReadingTime', () => {
  it('counts words separated by spaces and punctuation', () => {
    expect(estimateReadingTime('Hello, world! It’s a well-known e-mail: U.S. policy.').words).toBe(8);
  });

  it('reads at WORDS_PER_MINUTE and rounds to whole minutes', () => {
    expect(estimateReadingTime(words(WORDS_PER_MINUTE * 4)).minutes).toBe(4);
    expect(estimateReadingTime(words(Math.round(WORDS_PER_MINUTE * 4.6))).minutes).toBe(5);
  });

  it('gives at least one minute to any text and zero to none', () => {
    expect(estimateReadingTime('Short.')).toEqual({ words: 1, minutes: 1 });
    expect(estimateReadingTime('   \n ')).toEqual({ words: 0, minutes: 0 });
  });

  it('counts CJK characters one by one, at a character rate', () => {
    const chinese = '这是一个关于网络安全的文章'.repeat(100); // 1,300 characters
    const estimate = estimateReadingTime(chinese);
    expect(estimate.words).toBe(1300);
    expect(estimate.minutes).toBe(3);
  });

  it('counts mixed scripts without double counting', () => {
    expect(estimateReadingTime('Microsoft 微软 Windows').words).toBe(4);
  });

  it('counts words in accented and non-Latin spaced scripts', () => {
    expect(estimateReadingTime('Ça déménage à Zürich — Привет мир').words).toBe(6);
  });
});
