import { describe, expect, it } from 'vitest';
import { MAX_BACKUP_BYTES, parseBackup, type ParsedBackup } from '@/lib/backup/parse-backup';
import { backupJson } from '@/lib/backup/to-json-ld';
import { idForIri } from '@/lib/storage/annotation-ids';
import { LEGACY_IRI, NEWS, UUID_ID, fileOrder, richSnapshot } from './rich-snapshot';

/** The backup's raw JSON, which the tests reach into to break. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each case reaches to another depth of untyped JSON to break it
type Raw = any;

/** The rich backup as parsed JSON, changed by `change`, then parsed as a backup again. */
function parseChanged(change: (document: Raw) => void): ParsedBackup {
  const document = JSON.parse(backupJson(richSnapshot()));
  change(document);
  return parseBackup(JSON.stringify(document));
}

function messageOf(result: ParsedBackup): string {
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.message;
}

const recordCount = (result: ParsedBackup) =>
  result.ok ? Object.values(result.snapshot).reduce((sum, records) => sum + records.length, 0) : 0;

/** The message of the one record a change makes the parser skip; every other record is still read. */
function skippedOne(result: ParsedBackup): string {
  expect(result.ok).toBe(true);
  if (!result.ok) return '';
  expect(result.skipped).toHaveLength(1);
  expect(recordCount(result)).toBe(recordCount(parseBackup(backupJson(richSnapshot()))) - 1);
  expect(result.skipped[0].message.startsWith(result.skipped[0].place)).toBe(true);
  return result.skipped[0].message;
}

describe('reading a Gloss backup back', () => {
  it('gives exactly the records that were written', () => {
    const snapshot = richSnapshot();
    const result = parseBackup(backupJson(snapshot));
    expect(result).toStrictEqual({ ok: true, snapshot: fileOrder(snapshot), skipped: [] });
  });

  it('writes the same text again from what it read', () => {
    const text = backupJson(richSnapshot());
    const result = parseBackup(text);
    expect(result.ok && backupJson(result.snapshot)).toBe(text);
  });

  it('reads an empty backup', () => {
    const result = parseBackup(backupJson({ pages: [], annotations: [], tags: [], entityTags: [], actors: [] }));
    expect(result).toEqual({
      ok: true,
      snapshot: { pages: [], annotations: [], tags: [], entityTags: [], actors: [], aliasPicks: [] },
      skipped: [],
    });
  });
});

describe('annotations from other W3C tools', () => {
  const foreign = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: ['AnnotationCollection'],
    'gloss:version': 1,
    first: {
      type: 'AnnotationPage',
      items: [
        {
          id: 'https://hypothes.is/a/abc123',
          type: 'Annotation',
          created: '2024-05-01T10:00:00Z',
          creator: 'acct:someone@hypothes.is',
          body: [
            { type: 'TextualBody', value: 'A note', format: 'text/markdown' },
            { type: 'TextualBody', purpose: 'tagging', value: 'threat intel' },
          ],
          target: {
            source: 'https://Example.com/post?utm_source=feed#top',
            selector: [
              { type: 'RangeSelector', startSelector: {} },
              { type: 'TextPositionSelector', start: 5, end: 9 },
              { type: 'TextQuoteSelector', exact: 'word' },
            ],
          },
        },
      ],
    },
  };

  it('are read with a fresh id that keeps their IRI, tags cleaned and the default colour (pages are made on import)', () => {
    const result = parseBackup(JSON.stringify(foreign));
    const created = Date.parse('2024-05-01T10:00:00Z');
    expect(result).toStrictEqual({
      ok: true,
      skipped: [],
      snapshot: {
        pages: [],
        annotations: [
          {
            id: idForIri('https://hypothes.is/a/abc123').id,
            iri: 'https://hypothes.is/a/abc123',
            pageUrl: 'https://example.com/post',
            target: {
              quote: { type: 'TextQuoteSelector', exact: 'word', prefix: '', suffix: '' },
              position: { type: 'TextPositionSelector', start: 5, end: 9 },
            },
            color: 'yellow',
            note: 'A note',
            tags: ['threat-intel'],
            createdAt: created,
            updatedAt: created,
          },
        ],
        tags: [],
        entityTags: [],
        actors: [],
        aliasPicks: [],
      },
    });
  });

  it("still need Gloss's format version: a file without one is refused by name", () => {
    const { 'gloss:version': _version, ...plain } = foreign;
    expect(messageOf(parseBackup(JSON.stringify(plain)))).toBe(
      'This file is not a Gloss backup: it has no gloss:version, so no Gloss made it.',
    );
  });
});

describe('files that are not Gloss backups', () => {
  it.each([
    ['plain text', 'hello'],
    ['a cut-short backup', backupJson(richSnapshot()).slice(0, 900)],
    ['an empty file', ''],
  ])('refuses %s as not JSON', (_name, text) => {
    expect(messageOf(parseBackup(text))).toMatch(/^This file is not a Gloss backup: it is not valid JSON/);
  });

  it.each([['[]'], ['42'], ['null'], ['"text"']])('refuses JSON %s that holds no collection', (text) => {
    expect(messageOf(parseBackup(text))).toBe('This file is not a Gloss backup: it holds no annotation collection.');
  });

  it('refuses a JSON object that is not an AnnotationCollection', () => {
    expect(messageOf(parseBackup('{"type": "Annotation", "gloss:version": 1}'))).toBe(
      'This file is not a Gloss backup: it is not a W3C AnnotationCollection.',
    );
  });

  it('answers instead of throwing for absurdly nested JSON and for input that is not text', () => {
    expect(parseBackup('['.repeat(100_000) + ']'.repeat(100_000)).ok).toBe(false);
    expect(parseBackup(undefined as unknown as string).ok).toBe(false);
  });

  it('refuses a file over the size limit before reading any of it', () => {
    // Repeating builds a rope, so this costs little; it is not JSON either, so the size check came first.
    const huge = ' '.repeat(MAX_BACKUP_BYTES + 1);
    expect(messageOf(parseBackup(huge))).toBe('This file is too large for a Gloss backup (256 MiB; the limit is 256 MiB).');
  });
});

describe('format versions', () => {
  it('names a newer version and the one this Gloss reads', () => {
    expect(
      messageOf(
        parseChanged((d) => {
          d['gloss:version'] = 2;
        }),
      ),
    ).toBe('This backup was made by a newer Gloss (format version 2); this Gloss reads version 1. Update Gloss and try again.');
  });

  it('refuses a version Gloss never wrote, and one that is not a number', () => {
    expect(
      messageOf(
        parseChanged((d) => {
          d['gloss:version'] = 0;
        }),
      ),
    ).toBe('This backup has format version 0, which Gloss never wrote; this Gloss reads version 1.');
    expect(
      messageOf(
        parseChanged((d) => {
          d['gloss:version'] = '1';
        }),
      ),
    ).toBe('This file is not a Gloss backup: its gloss:version is "1", not a version number; this Gloss reads version 1.');
  });
});

describe('a Gloss backup whose shape is broken is refused whole', () => {
  it.each<[string, (d: Raw) => void, string | RegExp]>([
    [
      'a wrong total',
      (d) => {
        d.first.items.pop();
      },
      'The backup says it holds 4 annotations but has 3; it may be cut short.',
    ],
    [
      'annotations in another file',
      (d) => {
        d.first = 'https://example.com/page2';
      },
      /^The backup links to its annotations/,
    ],
    [
      'a list that is not a list',
      (d) => {
        d['gloss:pages'] = {};
      },
      "The backup's gloss:pages is not a list.",
    ],
    [
      'an annotation list that is not a list',
      (d) => {
        d.first.items = { 0: {} };
      },
      "The backup's annotation list is not a list.",
    ],
  ])('(%s)', (_name, change, message) => {
    const result = messageOf(parseChanged(change));
    if (typeof message === 'string') expect(result).toBe(message);
    else expect(result).toMatch(message);
  });
});

// In file order the annotations are: 1 the older Gloss's IRI (BLOG, no element hint), 2 UUID_ID (NEWS,
// note, tags, element hint), 3 the upper-case UUID (NEWS), 4 the REPORT one (element hint "").
describe('a record that breaks the rules is skipped, named by its place and why, and the rest is read', () => {
  const selectors = (d: Raw, i = 1) => d.first.items[i].target.selector;
  it.each<[string, (d: Raw) => void, string | RegExp]>([
    [
      'a missing quote',
      (d) => {
        selectors(d, 2).shift();
      },
      'Annotation 3 has no TextQuoteSelector.',
    ],
    [
      'a missing position',
      (d) => {
        selectors(d).splice(1, 1);
      },
      'Annotation 2 has no TextPositionSelector.',
    ],
    [
      'two quotes',
      (d) => {
        selectors(d).push(selectors(d)[0]);
      },
      'Annotation 2 has more than one TextQuoteSelector.',
    ],
    [
      'a negative offset',
      (d) => {
        selectors(d)[1].start = -1;
      },
      'Annotation 2: TextPositionSelector start must be a whole number, zero or more.',
    ],
    [
      'a fractional offset',
      (d) => {
        selectors(d)[1].end = 10.5;
      },
      'Annotation 2: TextPositionSelector end must be a whole number, zero or more.',
    ],
    [
      'a range that ends first',
      (d) => {
        selectors(d)[1].start = 11;
      },
      'Annotation 2: TextPositionSelector starts after it ends.',
    ],
    [
      'an empty quote',
      (d) => {
        selectors(d)[0].exact = ' ';
      },
      'Annotation 2: TextQuoteSelector exact is empty.',
    ],
    [
      'a javascript: page',
      (d) => {
        d.first.items[1].target.source = 'javascript:alert(1)';
      },
      'Annotation 2: target source is not an http or https address.',
    ],
    [
      'a data: page',
      (d) => {
        d.first.items[3].target.source = 'data:text/html,<b>x</b>';
      },
      'Annotation 4: target source is not an http or https address.',
    ],
    [
      'a page that is no address',
      (d) => {
        d.first.items[1].target.source = 'not a url';
      },
      'Annotation 2: target source is not a web address.',
    ],
    [
      'a target that is only a link',
      (d) => {
        d.first.items[1].target = NEWS;
      },
      /^Annotation 2 has no target with selectors/,
    ],
    [
      'an unknown colour',
      (d) => {
        d.first.items[1]['gloss:color'] = 'red';
      },
      'Annotation 2: gloss:color must be one of yellow, green, blue, pink, purple.',
    ],
    [
      'a made-up date',
      (d) => {
        d.first.items[1].created = 'yesterday';
      },
      /^Annotation 2: created must be a date and time/,
    ],
    [
      'a tag that is not text',
      (d) => {
        d.first.items[1].body[1].value = 7;
      },
      'Annotation 2: body 2 value must be text.',
    ],
    [
      'two notes',
      (d) => {
        d.first.items[1].body.push(d.first.items[1].body[0]);
      },
      'Annotation 2 has more than one note.',
    ],
    [
      'a body Gloss cannot keep',
      (d) => {
        d.first.items[1].body[0].purpose = 'linking';
      },
      /^Annotation 2: body 1 has purpose "linking"/,
    ],
    [
      'an annotation of another type',
      (d) => {
        d.first.items[2].type = 'Note';
      },
      'Annotation 3 is not of type Annotation.',
    ],
    [
      'an annotation without an id',
      (d) => {
        delete d.first.items[2].id;
      },
      'Annotation 3 has no id.',
    ],
    [
      'a duplicate id',
      (d) => {
        d.first.items[3].id = d.first.items[1].id;
      },
      'Annotation 4 has the same id as annotation 2.',
    ],
    [
      'a page that is not an object',
      (d) => {
        d['gloss:pages'][1] = 'x';
      },
      'Page 2 is not an object.',
    ],
    [
      'a title that is a number',
      (d) => {
        d['gloss:pages'][0].title = 5;
      },
      'Page 1: title must be text.',
    ],
    [
      'a missing site name',
      (d) => {
        delete d['gloss:pages'][0].siteName;
      },
      'Page 1 has no siteName.',
    ],
    [
      'a timestamp as text',
      (d) => {
        d['gloss:pages'][0].createdAt = '1714000000123';
      },
      'Page 1: createdAt must be a time in milliseconds since 1970.',
    ],
    [
      'a javascript: page record',
      (d) => {
        d['gloss:pages'][0].url = 'javascript:alert(1)//';
      },
      'Page 1: url is not an http or https address.',
    ],
    [
      'a page address not normalised',
      (d) => {
        d['gloss:pages'][0].url = 'https://blog.example/post?id=7&utm_source=x';
      },
      'Page 1: url is not in the normalised form Gloss files pages under.',
    ],
    [
      'a duplicate page',
      (d) => {
        d['gloss:pages'][2].url = d['gloss:pages'][0].url;
      },
      'Page 3 has the same url as page 1.',
    ],
    [
      'an actor key that is not text',
      (d) => {
        d['gloss:pages'][2].actors = [{}];
      },
      'Page 3: actors entry 1 must be text.',
    ],
    [
      'a tag written by hand',
      (d) => {
        d['gloss:tags'][0].label = '#apt';
        d['gloss:tags'][0].key = '#apt';
      },
      'Tag 1: "#apt" is not a tag as Gloss writes tags.',
    ],
    [
      'a tag under the wrong key',
      (d) => {
        d['gloss:tags'][2].key = 'apt';
      },
      'Tag 3: key does not match the label.',
    ],
    [
      'an unknown entity kind',
      (d) => {
        d['gloss:entityTags'][0].kind = 'spaceship';
      },
      'Entity tag 1: "spaceship" is not a kind of entity Gloss knows.',
    ],
    [
      'an unknown verdict',
      (d) => {
        d['gloss:entityTags'][0].status = 'maybe';
      },
      'Entity tag 1: status must be "confirmed" or "rejected".',
    ],
    [
      'an entity tag under a forged id',
      (d) => {
        d['gloss:entityTags'][1].id = 'x';
      },
      'Entity tag 2: id does not match its page and entity.',
    ],
    [
      'an actor without its flag',
      (d) => {
        d['gloss:actors'][0].extendsBuiltin = 'no';
      },
      'Actor 1: extendsBuiltin must be true or false.',
    ],
    [
      'an actor not named by its own key',
      (d) => {
        d['gloss:actors'][0].nameKeys = ['gh-1'];
      },
      "Actor 1: nameKeys must include the actor's id.",
    ],
    [
      'a duplicate actor',
      (d) => {
        d['gloss:actors'][1] = d['gloss:actors'][0];
      },
      'Actor 2 has the same id as actor 1.',
    ],
    [
      'a title too long',
      (d) => {
        d['gloss:pages'][0].title = 'x'.repeat(501);
      },
      'Page 1: title is longer than 500 characters.',
    ],
    [
      'a site name too long',
      (d) => {
        d['gloss:pages'][0].siteName = 'x'.repeat(201);
      },
      'Page 1: siteName is longer than 200 characters.',
    ],
    [
      'a note too long',
      (d) => {
        d.first.items[1].body[0].value = 'x'.repeat(20_001);
      },
      'Annotation 2: body 1 value is longer than 20,000 characters.',
    ],
    [
      'a quote too long',
      (d) => {
        selectors(d)[0].exact = 'x'.repeat(100_001);
      },
      'Annotation 2: TextQuoteSelector exact is longer than 100,000 characters.',
    ],
    [
      'an address too long',
      (d) => {
        d.first.items[1].target.source = `https://x.example/${'a'.repeat(9_000)}`;
      },
      'Annotation 2: target source is longer than 8,192 characters.',
    ],
    [
      'an IRI too long',
      (d) => {
        d.first.items[1].id = `urn:gloss:annotation:${'%C3%BC'.repeat(10_000)}`;
      },
      'Annotation 2: id is longer than 2,048 characters.',
    ],
  ])('(%s)', (_name, change, message) => {
    const result = skippedOne(parseChanged(change));
    if (typeof message === 'string') expect(result).toBe(message);
    else expect(result).toMatch(message);
  });

  it('lists every record it skips, in file order, with its place', () => {
    const result = parseChanged((d) => {
      d.first.items[2].target.selector[0].exact = '';
      d['gloss:pages'][1] = null;
      d.first.items[3]['gloss:color'] = 'red';
    });
    expect(result.ok && result.skipped.map((r) => r.place)).toEqual(['Annotation 3', 'Annotation 4', 'Page 2']);
    expect(result.ok && result.snapshot.annotations.map((r) => r.id)).toHaveLength(2);
  });

  it('still refuses a file with no Gloss backup in it, however many records look fine', () => {
    const { 'gloss:version': _v, ...unversioned } = JSON.parse(backupJson(richSnapshot()));
    expect(messageOf(parseBackup(JSON.stringify(unversioned)))).toMatch(/^This file is not a Gloss backup/);
  });
});

describe('annotation ids', () => {
  it("keep a UUID as the id, and give any other IRI an id in Gloss's form that keeps the IRI", () => {
    const long = `https://x.example/${'a'.repeat(983)}`;
    const result = parseChanged((d) => {
      d.first.items[2].id = long;
    });
    expect(result.ok && result.snapshot.annotations.map(({ id, iri }) => ({ id, iri }))).toEqual([
      { id: idForIri(LEGACY_IRI).id, iri: LEGACY_IRI },
      { id: UUID_ID, iri: undefined },
      { id: idForIri(long).id, iri: long },
      { id: 'e0f1a2b3-0000-4000-8000-000000000001', iri: undefined },
    ]);
    expect(idForIri(long).id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("give the same id to the same IRI every time, so a second import finds the first one's record", () => {
    expect(idForIri('https://hypothes.is/a/abc123')).toEqual(idForIri('https://hypothes.is/a/abc123'));
    expect(idForIri('https://hypothes.is/a/abc123').id).not.toBe(idForIri('https://hypothes.is/a/abc124').id);
    expect(idForIri(`urn:uuid:${UUID_ID}`)).toEqual({ id: UUID_ID });
  });
});

describe('element paths, only a hint', () => {
  const pathOf = (result: ParsedBackup) => (result.ok ? result.snapshot.annotations.find((r) => r.id === UUID_ID)?.target.element : null);

  it("keep tag names that hold colons (Word's <st1:place>), split at the last colon", () => {
    const path = 'p:1/st1:place:1/st1:city:1';
    expect(
      pathOf(
        parseChanged((d) => {
          d.first.items[1].target.selector[2].path = path;
        }),
      )?.path,
    ).toBe(path);
  });

  it.each(['p:0', 'p:01', 'st1:place', 'p:1/', ':1', 'p:1//a:2', '../<script>', 'div:1/'.repeat(400).slice(0, -1)])(
    'are dropped when malformed or too long (%s), and the highlight is kept',
    (path) => {
      const result = parseChanged((d) => {
        d.first.items[1].target.selector[2].path = path;
      });
      expect(result.ok && result.skipped).toEqual([]);
      expect(pathOf(result)).toBeUndefined();
      expect(result.ok && result.snapshot.annotations.find((r) => r.id === UUID_ID)?.target.quote.exact).toBe('Storm-1152');
    },
  );
});

describe('hostile keys', () => {
  it('treat "__proto__" keys as inert data: nothing is polluted and no record gains fields', () => {
    const text = backupJson(richSnapshot())
      .replace('"type": "AnnotationCollection",', '"type": "AnnotationCollection", "__proto__": {"polluted": true, "gloss:version": 2},')
      .replace('"type": "Annotation",', '"type": "Annotation", "__proto__": {"isAdmin": true},')
      .replace(
        '"title": "A post",',
        '"title": "A post", "__proto__": {"title": "forged"}, "constructor": {"prototype": {"polluted": true}},',
      );
    const result = parseBackup(text);
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result).toStrictEqual({ ok: true, snapshot: fileOrder(richSnapshot()), skipped: [] });
  });

  it('do not let a version hide in the prototype', () => {
    const result = parseBackup('{"type": "AnnotationCollection", "__proto__": {"gloss:version": 1}}');
    expect(messageOf(result)).toBe('This file is not a Gloss backup: it has no gloss:version, so no Gloss made it.');
  });

  it('keep an annotation whose IRI names "__proto__" as an ordinary record', () => {
    const snapshot = richSnapshot();
    snapshot.annotations[1] = { ...snapshot.annotations[1], iri: 'urn:gloss:annotation:__proto__' };
    const result = parseBackup(backupJson(snapshot));
    expect(result.ok && result.snapshot.annotations.map((r) => r.iri)).toContain('urn:gloss:annotation:__proto__');
  });
});

describe("this browser's settings and paused sites", () => {
  it('are read back as written, in a backup of everything', () => {
    const result = parseBackup(backupJson(richSnapshot()));
    expect(result.ok && result.snapshot.settings).toStrictEqual([
      { key: 'default-color', value: 'blue', updatedAt: 1_714_000_000_126 },
      { key: 'show-toolbar', value: false, updatedAt: 1_714_000_000_125 },
    ]);
    expect(result.ok && result.snapshot.pausedSites?.map((paused) => paused.site)).toEqual(['127.0.0.1:8080', 'news.example']);
  });

  it('are absent from a file without them (an older backup, a page’s export), so an import leaves them alone', () => {
    const result = parseChanged((document) => {
      delete document['gloss:settings'];
      delete document['gloss:pausedSites'];
    });
    expect(result.ok).toBe(true);
    expect(result.ok && 'settings' in result.snapshot).toBe(false);
    expect(result.ok && 'pausedSites' in result.snapshot).toBe(false);
  });

  it('leave out a setting this Gloss does not know, as unknown fields are, and never the welcome record', () => {
    const result = parseChanged((document) => {
      document['gloss:settings'].push({ key: 'reading-font', value: 'serif', updatedAt: 5 });
      document['gloss:settings'].push({ key: 'welcome-shown-at', value: 1, updatedAt: 5 });
    });
    expect(result.ok && result.skipped).toEqual([]);
    expect(result.ok && result.snapshot.settings?.map((setting) => setting.key)).toEqual(['default-color', 'show-toolbar']);
  });

  it('skip a known setting with a value it cannot take, naming it', () => {
    expect(
      skippedOne(
        parseChanged((document) => {
          document['gloss:settings'][0].value = 'chartreuse';
        }),
      ),
    ).toBe('Setting 1: default-color cannot be "chartreuse".');
    expect(
      skippedOne(
        parseChanged((document) => {
          document['gloss:settings'][1].updatedAt = 'yesterday';
        }),
      ),
    ).toBe('Setting 2: updatedAt must be a time in milliseconds since 1970.');
  });

  it('skip a paused site that is no site Gloss can pause, or one listed twice', () => {
    expect(
      skippedOne(
        parseChanged((document) => {
          document['gloss:pausedSites'][0].site = 'https://news.example/page';
        }),
      ),
    ).toMatch(/^Paused site 1: site is not a web site Gloss can pause/);
    expect(
      skippedOne(
        parseChanged((document) => {
          document['gloss:pausedSites'][0].site = 'news.example';
        }),
      ),
    ).toBe('Paused site 2 has the same site as paused site 1.');
  });

  it('refuse the file when either is not a list', () => {
    expect(messageOf(parseChanged((document) => (document['gloss:settings'] = { 'default-color': 'blue' })))).toBe(
      "The backup's gloss:settings is not a list.",
    );
    expect(messageOf(parseChanged((document) => (document['gloss:pausedSites'] = 'news.example')))).toBe(
      "The backup's gloss:pausedSites is not a list.",
    );
  });
});
