import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../harness/paths';

const read = (...parts: string[]) => readFileSync(path.join(PROJECT_ROOT, ...parts), 'utf8');

/** The quoted attribution that follows a bold source name in THREAT-ACTORS-SOURCES.md. */
function requiredText(sources: string, source: string): string {
  const lines = sources.split('\n');
  let i = lines.findIndex((line) => line.startsWith(`**${source}.**`));
  expect(i).toBeGreaterThanOrEqual(0);
  while (!lines[i].startsWith('>')) i++;
  const quoted: string[] = [];
  for (; i < lines.length && lines[i].startsWith('>'); i++) quoted.push(lines[i].replace(/^> ?/, ''));
  return quoted.join('\n');
}

describe('the NOTICE shipped in the extension', () => {
  const sources = read('data', 'THREAT-ACTORS-SOURCES.md');
  const notice = read('public', 'NOTICE.txt');

  it.each(['MITRE ATT&CK', 'Microsoft', 'MISP galaxy', 'AnnoCTR'])('carries the %s attribution word for word', (source) => {
    const text = requiredText(sources, source);
    expect(text.length).toBeGreaterThan(80);
    expect(notice).toContain(text);
  });
});
