/** Reading AnnoCTR's splits (GLOSS_SHARED_DATA, default ../shared/data beside the project). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Report } from './scoring';

export const SHARED_DATA = process.env.GLOSS_SHARED_DATA ?? path.join(import.meta.dirname, '..', '..', '..', 'shared', 'data');

/** Only the splits given to us: train and dev (the test split is held out and never read). */
export const SPLITS = ['train', 'dev'] as const;

export function readSplit(split: string): Report[] {
  if (!(SPLITS as readonly string[]).includes(split)) throw new Error(`unknown split "${split}": use train or dev`);
  return readFileSync(path.join(SHARED_DATA, 'annoctr', `${split}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}
