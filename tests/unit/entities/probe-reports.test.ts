/**
 * Reports written to probe the entity rules on phrasings the 80 labelled reports do not have (nineteenth
 * session): a gang named by the researchers and by itself, a ransomware advisory, an arrest story with
 * people's handles, a security roundup where threat names are used in their common sense; and (twentieth
 * session) a Proofpoint-style report of a new loader, its developer's handle and remote-support tools; (twenty-first)
 * a PwC-style report of a cluster named "Red Dev 40" by "PwC calls it", whose operators "we call Lunar Moth" (the text says they are the same); a
 * Zscaler-style report of a new backdoor and a new group; an Intel 471-style report of a new affiliate program, its
 * sellers' handles, "the Conti syndicate" and a tool "the operators call SiphonKit"; a QuoteIntelligence-style weekly
 * brief; a Lab52-style report of a worm "we call LiteDrive" and a cluster "we have named Ferrum Wolf"; an
 * Intel 471-style report of access brokers, one "presents itself on the forums as Quiet Harbor"; a
 * Proofpoint-style report where "ClearFake is not a threat actor". The golden file
 * lists, per report, each threat actor, malware and tool as "kind name → canonical ×mentions [other names
 * the text gives it]". Review changes to it like code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/lib/article/extract-article';
import { withReadableCanonicals } from '@/lib/entities/readable-canonicals';
import { createEntityScanner } from '@/lib/entities/scan-entities';
import { loadEntityData } from '@/lib/entities/shipped-data';
import type { Entity } from '@/lib/entities/types';
import { FIXTURES_DIR } from '../../../harness/paths';
import { fixtureDocument } from '../../support/load-html';

const DIR = 'probe-reports';
const GOLDEN = path.join(FIXTURES_DIR, 'golden', 'probe-reports.entities.json');
const NAMED = new Set<Entity['kind']>(['threat-actor', 'malware', 'tool']);

const scanner = createEntityScanner(loadEntityData());

/** One line per threat actor, malware or tool the scanner finds in the report's article text. */
function summary(file: string): string[] {
  const url = `http://127.0.0.1/${file}`;
  const { textContent } = extractArticle(fixtureDocument(path.join(DIR, file), url), url);
  return withReadableCanonicals(scanner.findEntities(textContent))
    .filter((e) => NAMED.has(e.kind))
    .map((e) => {
      // A listed actor's or family's aliases are the lists'; only a new one's come from the text.
      const own = e.foundBy?.rules?.listed || e.foundBy?.rules?.family ? [] : e.aliases;
      return `${e.kind} ${e.name} → ${e.canonical} ×${e.mentions.length}${own.length ? ` [${own.join(', ')}]` : ''}`;
    });
}

describe('entities of the reports written to probe the rules (tests/fixtures/probe-reports)', () => {
  const files = readdirSync(path.join(FIXTURES_DIR, DIR)).filter((f) => f.endsWith('.html'));
  const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, string[]>;

  it('has a golden entry for each report', () => {
    expect(Object.keys(golden).sort()).toEqual([...files].sort());
  });
  it.each(files)('%s matches the golden file', (file) => {
    expect(summary(file)).toEqual(golden[file]);
  });
});
