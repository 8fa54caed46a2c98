const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'] as const;

/**
 * A size in bytes as people read it: "0 bytes", "1 byte", "812 bytes", "4.2 KB", "37 MB", "1.5 GB".
 * Units are of 1,024, as browsers and operating systems show storage; one decimal below 10 of a unit.
 * Anything that is not a finite, non-negative number gives null (the browser gave no estimate).
 */
export function formatBytes(bytes: number): string | null {
  if (!Number.isFinite(bytes) || bytes < 0) return null;
  if (bytes < 1024) {
    const whole = Math.round(bytes);
    return `${whole} ${whole === 1 ? 'byte' : 'bytes'}`;
  }
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  // 1,023.96 KB rounds to "1024 KB"; say "1.0 MB" instead.
  if (Math.round(value) >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US');
  return `${shown} ${UNITS[unit]}`;
}
