import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { backupJson } from '../../../lib/backup/to-json-ld';
import type { GlossSnapshot } from '../../../lib/export/page-export';

const PAGE = 'https://news.example/storm-1152';
const T = 1_714_000_000_000;

/** A backup of one highlight that also adds an actor of the user's and a name to a shipped actor. */
export function backupWithActors(): string {
  const snapshot: GlossSnapshot = {
    pages: [{ url: PAGE, title: 'Storm-1152 explained', siteName: 'News', createdAt: T, updatedAt: T, actors: [] }],
    annotations: [
      {
        id: '3b241101-e2bb-4255-8caf-4136c566a962',
        pageUrl: PAGE,
        color: 'yellow',
        note: '',
        tags: [],
        createdAt: T,
        updatedAt: T,
        target: {
          quote: { type: 'TextQuoteSelector', exact: 'Storm-1152 sold accounts', prefix: '', suffix: '' },
          position: { type: 'TextPositionSelector', start: 0, end: 24 },
        },
      },
    ],
    tags: [],
    entityTags: [],
    actors: [
      {
        id: 'gold harvest',
        canonical: 'Gold Harvest',
        aliases: ['GH-1'],
        extendsBuiltin: false,
        nameKeys: ['gold harvest', 'gh-1'],
        createdAt: T,
        updatedAt: T,
      },
      {
        id: 'apt29',
        canonical: 'APT29',
        aliases: ['the Board'],
        extendsBuiltin: true,
        nameKeys: ['apt29', 'the board'],
        createdAt: T,
        updatedAt: T,
      },
    ],
  };
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'gloss-import-')), 'actors.gloss.json');
  writeFileSync(file, backupJson(snapshot));
  return file;
}
