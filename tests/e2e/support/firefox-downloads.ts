import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

/**
 * The path of the finished download in `dir` (Firefox writes a .part file first) whose name starts with
 * `prefix` and ends with `suffix`, once it is there.
 */
export async function downloaded(dir: string, suffix: string, prefix = ''): Promise<string> {
  let found = '';
  await expect
    .poll(
      () => {
        const name = readdirSync(dir).find((file) => file.startsWith(prefix) && file.endsWith(suffix));
        found = name ? path.join(dir, name) : '';
        return found !== '' && !existsSync(`${found}.part`) && statSync(found).size > 0;
      },
      { timeout: 15_000 },
    )
    .toBe(true);
  return found;
}
