import { describe, expect, it } from 'vitest';
import { MAX_BACKUP_BYTES, parseBackup, type ParsedBackup } from '@/lib/export/web-annotation/parse-backup';
import { backupJson } from '@/lib/export/web-annotation/to-json-ld';
import { NEWS, UUID_ID, richSnapshot, sortedSnapshot } from './rich-snapshot';

/** The backup's raw JSON, which the tests reach into to break. */
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

describe('reading a Gloss backup back', () => {
  it('gives exactly the records that were written', () => {
    const snapshot = richSnapshot();
    const result = parseBackup(backupJson(snapshot));
    expect(result).toStrictEqual({ ok: true, snapshot: sortedSnapshot(snapshot) });
  });

  it('writes the same text again from what it read', () => {
    const text = backupJson(richSnapshot());
    const result = parseBackup(text);
    expect(result.ok && backupJson(result.snapshot)).toBe(text);
  });

  it('reads an empty backup', () => {
    const result = parseBackup(backupJson({ pages: [], annotations: [], tags: [], entityTags: [], actors: [] }));
    expect(result).toEqual({ ok: true, snapshot: { pages: [], annotations: [], tags: [], entityTags: [], actors: [] } });
  });
});

describe('annotations from other W3C tools', () => {
  const foreign = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: ['AnnotationCollection'],
    'gloss:version': 1,
    first: {
      type: 'AnnotationPage',
      items: [{
        id: 'https://hypothes.is/a/abc123',
        type: 'Annotation',
        created: '2024-05-01T10:00:00Z',
        creator: 'acct:someone@hypothes.is',
        body: [{ type: 'TextualBody', value: 'A note', format: 'text/markdown' }, { type: 'TextualBody', purpose: 'tagging', value: 'threat intel' }],
        target: {
          source: 'https://Example.com/post?utm_source=feed#top',
          selector: [
            { type: 'RangeSelector', startSelector: {} },
            { type: 'TextPositionSelector', start: 5, end: 9 },
            { type: 'TextQuoteSelector', exact: 'word' },
          ],
        },
      }],
    },
  };

  it('are read with their page made up from the address, tags cleaned and the default colour', () => {
    const result = parseBackup(JSON.stringify(foreign));
    const created = Date.parse('2024-05-01T10:00:00Z');
    expect(result).toStrictEqual({
      ok: true,
      snapshot: {
        pages: [{ url: 'https://example.com/post', title: 'https://example.com/post', siteName: null, createdAt: created, updatedAt: created, actors: [] }],
        annotations: [{
          id: 'https://hypothes.is/a/abc123',
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
        }],
        tags: [{ key: 'threat-intel', label: 'threat-intel', createdAt: created }],
        entityTags: [],
        actors: [],
      },
    });
  });

  it('still need Gloss\'s format version: a file without one is refused by name', () => {
    const { 'gloss:version': _version, ...plain } = foreign;
    expect(messageOf(parseBackup(JSON.stringify(plain)))).toBe('This file is not a Gloss backup: it has no gloss:version, so no Gloss made it.');
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
    expect(messageOf(parseChanged((d) => { d['gloss:version'] = 2; }))).toBe(
      'This backup was made by a newer Gloss (format version 2); this Gloss reads version 1. Update Gloss and try again.',
    );
  });

  it('refuses a version Gloss never wrote, and one that is not a number', () => {
    expect(messageOf(parseChanged((d) => { d['gloss:version'] = 0; }))).toBe(
      'This backup has format version 0, which Gloss never wrote; this Gloss reads version 1.',
    );
    expect(messageOf(parseChanged((d) => { d['gloss:version'] = '1'; }))).toBe(
      'This file is not a Gloss backup: its gloss:version is "1", not a version number; this Gloss reads version 1.',
    );
  });
});

describe('malformed backups name the first problem and where it is', () => {
  const selectors = (d: Raw, i = 0) => d.first.items[i].target.selector;
  it.each<[string, (d: Raw) => void, string | RegExp]>([
    ['a missing quote', (d) => { selectors(d, 1).shift(); }, 'Annotation 2 has no TextQuoteSelector.'],
    ['a missing position', (d) => { selectors(d).splice(1, 1); }, 'Annotation 1 has no TextPositionSelector.'],
    ['two quotes', (d) => { selectors(d).push(selectors(d)[0]); }, 'Annotation 1 has more than one TextQuoteSelector.'],
    ['a negative offset', (d) => { selectors(d)[1].start = -1; }, 'Annotation 1: TextPositionSelector start must be a whole number, zero or more.'],
    ['a fractional offset', (d) => { selectors(d)[1].end = 10.5; }, 'Annotation 1: TextPositionSelector end must be a whole number, zero or more.'],
    ['an offset given as text', (d) => { selectors(d)[2].start = '0'; }, 'Annotation 1: gloss:ElementPathSelector start must be a whole number, zero or more.'],
    ['a range that ends first', (d) => { selectors(d)[1].start = 11; }, 'Annotation 1: TextPositionSelector starts after it ends.'],
    ['an empty quote', (d) => { selectors(d)[0].exact = ' '; }, 'Annotation 1: TextQuoteSelector exact is empty.'],
    ['a hostile element path', (d) => { selectors(d)[2].path = '../<script>'; }, /^Annotation 1: gloss:ElementPathSelector path is not an element path/],
    ['a javascript: page', (d) => { d.first.items[0].target.source = 'javascript:alert(1)'; }, 'Annotation 1: target source is not an http or https address.'],
    ['a data: page', (d) => { d.first.items[3].target.source = 'data:text/html,<b>x</b>'; }, 'Annotation 4: target source is not an http or https address.'],
    ['a page that is no address', (d) => { d.first.items[0].target.source = 'not a url'; }, 'Annotation 1: target source is not a web address.'],
    ['a target that is only a link', (d) => { d.first.items[0].target = NEWS; }, /^Annotation 1 has no target with selectors/],
    ['an unknown colour', (d) => { d.first.items[0]['gloss:color'] = 'red'; }, 'Annotation 1: gloss:color must be one of yellow, green, blue, pink, purple.'],
    ['a made-up date', (d) => { d.first.items[0].created = 'yesterday'; }, /^Annotation 1: created must be a date and time/],
    ['a tag that is not text', (d) => { d.first.items[0].body[1].value = 7; }, 'Annotation 1: body 2 value must be text.'],
    ['two notes', (d) => { d.first.items[0].body.push(d.first.items[0].body[0]); }, 'Annotation 1 has more than one note.'],
    ['a body Gloss cannot keep', (d) => { d.first.items[0].body[0].purpose = 'linking'; }, /^Annotation 1: body 1 has purpose "linking"/],
    ['an annotation of another type', (d) => { d.first.items[2].type = 'Note'; }, 'Annotation 3 is not of type Annotation.'],
    ['an annotation without an id', (d) => { delete d.first.items[2].id; }, 'Annotation 3 has no id.'],
    ['a duplicate id', (d) => { d.first.items[3].id = d.first.items[1].id; }, 'Annotation 4 has the same id as annotation 2.'],
    ['a wrong total', (d) => { d.first.items.pop(); }, 'The backup says it holds 4 annotations but has 3; it may be cut short.'],
    ['annotations in another file', (d) => { d.first = 'https://example.com/page2'; }, /^The backup links to its annotations/],
    ['a list that is not a list', (d) => { d['gloss:pages'] = {}; }, "The backup's gloss:pages is not a list."],
    ['a page that is not an object', (d) => { d['gloss:pages'][1] = 'x'; }, 'Page 2 is not an object.'],
    ['a title that is a number', (d) => { d['gloss:pages'][0].title = 5; }, 'Page 1: title must be text.'],
    ['a missing site name', (d) => { delete d['gloss:pages'][0].siteName; }, 'Page 1 has no siteName.'],
    ['a timestamp as text', (d) => { d['gloss:pages'][0].createdAt = '1714000000123'; }, 'Page 1: createdAt must be a time in milliseconds since 1970.'],
    ['a javascript: page record', (d) => { d['gloss:pages'][0].url = 'javascript:alert(1)//'; }, 'Page 1: url is not an http or https address.'],
    ['a page address not normalised', (d) => { d['gloss:pages'][0].url = 'https://blog.example/post?id=7&utm_source=x'; }, 'Page 1: url is not in the normalised form Gloss files pages under.'],
    ['a duplicate page', (d) => { d['gloss:pages'][2].url = d['gloss:pages'][0].url; }, 'Page 3 has the same url as page 1.'],
    ['an actor key that is not text', (d) => { d['gloss:pages'][2].actors = [{}]; }, 'Page 3: actors entry 1 must be text.'],
    ['a tag written by hand', (d) => { d['gloss:tags'][0].label = '#apt'; d['gloss:tags'][0].key = '#apt'; }, 'Tag 1: "#apt" is not a tag as Gloss writes tags.'],
    ['a tag under the wrong key', (d) => { d['gloss:tags'][2].key = 'apt'; }, 'Tag 3: key does not match the label.'],
    ['an unknown entity kind', (d) => { d['gloss:entityTags'][0].kind = 'spaceship'; }, 'Entity tag 1: "spaceship" is not a kind of entity Gloss knows.'],
    ['an unknown verdict', (d) => { d['gloss:entityTags'][0].status = 'maybe'; }, 'Entity tag 1: status must be "confirmed" or "rejected".'],
    ['an entity tag under a forged id', (d) => { d['gloss:entityTags'][1].id = 'x'; }, 'Entity tag 2: id does not match its page and entity.'],
    ['an actor without its flag', (d) => { d['gloss:actors'][0].extendsBuiltin = 'no'; }, 'Actor 1: extendsBuiltin must be true or false.'],
    ['an actor not named by its own key', (d) => { d['gloss:actors'][0].nameKeys = ['gh-1']; }, "Actor 1: nameKeys must include the actor's id."],
    ['a duplicate actor', (d) => { d['gloss:actors'][1] = d['gloss:actors'][0]; }, 'Actor 2 has the same id as actor 1.'],
  ])('refuses %s', (_name, change, message) => {
    const result = messageOf(parseChanged(change));
    if (typeof message === 'string') expect(result).toBe(message);
    else expect(result).toMatch(message);
  });

  it.each<[string, (d: Raw) => void, string]>([
    ['a title', (d) => { d['gloss:pages'][0].title = 'x'.repeat(501); }, 'Page 1: title is longer than 500 characters.'],
    ['a site name', (d) => { d['gloss:pages'][0].siteName = 'x'.repeat(201); }, 'Page 1: siteName is longer than 200 characters.'],
    ['a note', (d) => { d.first.items[0].body[0].value = 'x'.repeat(20_001); }, 'Annotation 1: body 1 value is longer than 20,000 characters.'],
    ['a quote', (d) => { d.first.items[0].target.selector[0].exact = 'x'.repeat(100_001); }, 'Annotation 1: TextQuoteSelector exact is longer than 100,000 characters.'],
    ['an address', (d) => { d.first.items[0].target.source = `https://x.example/${'a'.repeat(9_000)}`; }, 'Annotation 1: target source is longer than 8,192 characters.'],
    ['an id from another tool', (d) => { d.first.items[0].id = `https://x.example/${'a'.repeat(83)}`; }, 'Annotation 1: id is longer than 100 characters.'],
    ['a Gloss id', (d) => { d.first.items[0].id = `urn:gloss:annotation:${encodeURIComponent('ü'.repeat(101))}`; }, 'Annotation 1: id is longer than 100 characters.'],
    ['an id given as a huge IRI', (d) => { d.first.items[0].id = `urn:gloss:annotation:${'%C3%BC'.repeat(10_000)}`; }, 'Annotation 1: id is longer than 100 characters.'],
    ['an element path', (d) => { d.first.items[0].target.selector[2].path = 'div:1/'.repeat(400).slice(0, -1); }, 'Annotation 1: gloss:ElementPathSelector path is longer than 2,000 characters.'],
  ])('refuses %s that is too long', (_name, change, message) => {
    expect(messageOf(parseChanged(change))).toBe(message);
  });

  it('keeps ids up to 100 characters, however they are spelled in the IRI', () => {
    const snapshot = richSnapshot();
    snapshot.annotations[1].id = 'ü'.repeat(100);
    snapshot.annotations[2].id = 'x'.repeat(100);
    const result = parseBackup(backupJson(snapshot));
    expect(result.ok && result.snapshot.annotations.map((r) => r.id)).toEqual(expect.arrayContaining(['ü'.repeat(100), 'x'.repeat(100)]));
  });
});

describe('element paths', () => {
  it('keep tag names that hold colons (Word\'s <st1:place>), split at the last colon', () => {
    const path = 'p:1/st1:place:1/st1:city:1';
    const result = parseChanged((d) => { d.first.items[0].target.selector[2].path = path; });
    expect(result.ok && result.snapshot.annotations.find((r) => r.id === UUID_ID)?.target.element?.path).toBe(path);
  });

  it.each(['p:0', 'p:01', 'st1:place', 'p:1/', ':1', 'p:1//a:2'])('refuse the malformed path %s', (path) => {
    expect(messageOf(parseChanged((d) => { d.first.items[0].target.selector[2].path = path; }))).toBe(
      'Annotation 1: gloss:ElementPathSelector path is not an element path such as "main:1/p:4".',
    );
  });
});

describe('hostile keys', () => {
  it('treat "__proto__" keys as inert data: nothing is polluted and no record gains fields', () => {
    const text = backupJson(richSnapshot())
      .replace('"type": "AnnotationCollection",', '"type": "AnnotationCollection", "__proto__": {"polluted": true, "gloss:version": 2},')
      .replace('"type": "Annotation",', '"type": "Annotation", "__proto__": {"isAdmin": true},')
      .replace('"title": "A post",', '"title": "A post", "__proto__": {"title": "forged"}, "constructor": {"prototype": {"polluted": true}},');
    const result = parseBackup(text);
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result).toStrictEqual({ ok: true, snapshot: sortedSnapshot(richSnapshot()) });
  });

  it('do not let a version hide in the prototype', () => {
    const result = parseBackup('{"type": "AnnotationCollection", "__proto__": {"gloss:version": 1}}');
    expect(messageOf(result)).toBe('This file is not a Gloss backup: it has no gloss:version, so no Gloss made it.');
  });

  it('keep an annotation whose id is "__proto__" as an ordinary id', () => {
    const snapshot = richSnapshot();
    snapshot.annotations[1].id = '__proto__';
    const result = parseBackup(backupJson(snapshot));
    expect(result.ok && result.snapshot.annotations.map((r) => r.id)).toContain('__proto__');
  });
});
