import { describe, expect, it } from 'vitest';
import { formatBytes } from '@/lib/settings/format-bytes';

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [812, '812 bytes'],
    [1023, '1023 bytes'],
    [1024, '1.0 KB'],
    [4300, '4.2 KB'],
    [10 * 1024, '10 KB'],
    [1023.6 * 1024, '1.0 MB'],
    [37.4 * 1024 ** 2, '37 MB'],
    [1.5 * 1024 ** 3, '1.5 GB'],
    [2048 * 1024 ** 4, '2,048 TB'],
  ])('%d bytes read as %s', (bytes, said) => {
    expect(formatBytes(bytes)).toBe(said);
  });

  it('gives null for what is no size (the browser gave no estimate)', () => {
    expect(formatBytes(Number.NaN)).toBeNull();
    expect(formatBytes(-1)).toBeNull();
    expect(formatBytes(Number.POSITIVE_INFINITY)).toBeNull();
  });
});
