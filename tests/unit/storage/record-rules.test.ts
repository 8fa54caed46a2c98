import { describe, expect, it } from 'vitest';
import { idForIri } from '@/lib/storage/annotation-ids';
import type { AnnotationRecord } from '@/lib/storage/records';
import { checkAnnotationChanges, checkAnnotationRecord, checkAnnotationTarget, RecordProblem } from '@/lib/storage/record-rules';

const target = () => ({
  quote: { type: 'TextQuoteSelector', exact: 'Storm-1152', prefix: 'In 2023, ', suffix: ' sold' },
  position: { type: 'TextPositionSelector', start: 10, end: 20 },
  element: { type: 'gloss:ElementPathSelector', path: 'main:1/article:1/p:4', start: 0, end: 10 },
});

const record = (): AnnotationRecord => ({
  id: '3b241101-e2bb-4255-8caf-4136c566a962',
  pageUrl: 'https://news.example/storm-1152',
  target: target() as AnnotationRecord['target'],
  color: 'green',
  note: 'why it matters',
  tags: ['apt', 'Ransomware'],
  createdAt: 1_714_000_000_000,
  updatedAt: 1_714_000_000_500,
});

/** The message a check throws, asserting it throws a RecordProblem. */
function problem(check: () => unknown): string {
  try {
    check();
  } catch (error) {
    expect(error).toBeInstanceOf(RecordProblem);
    return (error as Error).message;
  }
  throw new Error('the check passed');
}

describe('the target rules', () => {
  it('return a fresh copy of a well-formed target, without fields Gloss does not keep', () => {
    const value = { ...target(), extra: 'x', quote: { ...target().quote, hostile: true } };
    const checked = checkAnnotationTarget(value, 'T');
    expect(checked).toStrictEqual(target());
    expect(checked.quote).not.toBe(value.quote);
  });

  it('read a missing prefix or suffix as none, and the element hint as optional', () => {
    const { element: _element, ...plain } = target();
    const checked = checkAnnotationTarget({ ...plain, quote: { type: 'TextQuoteSelector', exact: 'Storm-1152' } }, 'T');
    expect(checked).toStrictEqual({
      quote: { type: 'TextQuoteSelector', exact: 'Storm-1152', prefix: '', suffix: '' },
      position: plain.position,
    });
  });

  it('accept element paths whose tag names hold colons', () => {
    const value = { ...target(), element: { ...target().element, path: 'p:1/st1:place:1/st1:city:1' } };
    expect(checkAnnotationTarget(value, 'T').element?.path).toBe('p:1/st1:place:1/st1:city:1');
  });

  type Target = ReturnType<typeof target>;
  it.each<[string, (t: Target) => unknown, string]>([
    [
      'a quote too long',
      (t) => {
        t.quote.exact = 'x'.repeat(100_001);
      },
      'T: TextQuoteSelector exact is longer than 100,000 characters.',
    ],
    [
      'an empty quote',
      (t) => {
        t.quote.exact = '  ';
      },
      'T: TextQuoteSelector exact is empty.',
    ],
    [
      'a quote that is not text',
      (t) => {
        (t.quote as Record<string, unknown>).exact = 5;
      },
      'T: TextQuoteSelector exact must be text.',
    ],
    [
      'a prefix too long',
      (t) => {
        t.quote.prefix = 'x'.repeat(1_001);
      },
      'T: TextQuoteSelector prefix is longer than 1,000 characters.',
    ],
    [
      'a suffix too long',
      (t) => {
        t.quote.suffix = 'x'.repeat(1_001);
      },
      'T: TextQuoteSelector suffix is longer than 1,000 characters.',
    ],
    [
      'a quote of another type',
      (t) => {
        t.quote.type = 'TextPositionSelector';
      },
      'T: TextQuoteSelector does not have type TextQuoteSelector.',
    ],
    [
      'a negative offset',
      (t) => {
        t.position.start = -1;
      },
      'T: TextPositionSelector start must be a whole number, zero or more.',
    ],
    [
      'a fractional offset',
      (t) => {
        t.position.end = 20.5;
      },
      'T: TextPositionSelector end must be a whole number, zero or more.',
    ],
    [
      'an offset past the safe integers',
      (t) => {
        t.position.end = 2 ** 53;
      },
      'T: TextPositionSelector end must be a whole number, zero or more.',
    ],
    [
      'a range that ends first',
      (t) => {
        t.position.start = 21;
      },
      'T: TextPositionSelector starts after it ends.',
    ],
    [
      'an element range that ends first',
      (t) => {
        t.element.start = 11;
      },
      'T: gloss:ElementPathSelector starts after it ends.',
    ],
    [
      'a hostile path',
      (t) => {
        t.element.path = '../<script>';
      },
      'T: gloss:ElementPathSelector path is not an element path such as "main:1/p:4".',
    ],
    [
      'a path numbered from 0',
      (t) => {
        t.element.path = 'main:0';
      },
      'T: gloss:ElementPathSelector path is not an element path such as "main:1/p:4".',
    ],
    [
      'a path too long',
      (t) => {
        t.element.path = 'div:1/'.repeat(400).slice(0, -1);
      },
      'T: gloss:ElementPathSelector path is longer than 2,000 characters.',
    ],
    [
      'no quote',
      (t) => {
        delete (t as Partial<Target>).quote;
      },
      'T has no TextQuoteSelector.',
    ],
    [
      'no position',
      (t) => {
        delete (t as Partial<Target>).position;
      },
      'T has no TextPositionSelector.',
    ],
    [
      'a position that is not an object',
      (t) => {
        (t as Record<string, unknown>).position = [1, 2];
      },
      'T: TextPositionSelector is not an object.',
    ],
  ])('refuse %s', (_name, change, message) => {
    const value = target();
    change(value);
    expect(problem(() => checkAnnotationTarget(value, 'T'))).toBe(message);
  });

  it('refuse a target that is not an object', () => {
    expect(problem(() => checkAnnotationTarget('quote', 'T'))).toBe('T is not an object.');
  });
});

describe('the change rules', () => {
  it('keep only colour, note and tags', () => {
    expect(
      checkAnnotationChanges({ color: 'blue', note: 'n', tags: ['apt'], pageUrl: 'https://other.example/', id: 'x' }, 'C'),
    ).toStrictEqual({ color: 'blue', note: 'n', tags: ['apt'] });
    expect(checkAnnotationChanges({}, 'C')).toStrictEqual({});
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown colour', { color: 'red' }, 'C: color must be one of yellow, green, blue, pink, purple.'],
    ['a note too long', { note: 'x'.repeat(20_001) }, 'C: note is longer than 20,000 characters.'],
    ['a note that is not text', { note: ['x'] }, 'C: note must be text.'],
    ['tags that are not a list', { tags: 'apt' }, 'C: tags must be a list of tags.'],
    ['too many tags', { tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }, 'C: tags has more than 50 tags.'],
    ['a tag not as Gloss writes tags', { tags: ['#apt'] }, 'C: tags: "#apt" is not a tag as Gloss writes tags.'],
    ['a tag twice', { tags: ['apt', 'APT'] }, 'C: tags: "APT" is not a tag as Gloss writes tags.'],
    ['a tag too long', { tags: ['x'.repeat(65)] }, 'C: tags entry 1 is longer than 64 characters.'],
  ])('refuse %s', (_name, value, message) => {
    expect(problem(() => checkAnnotationChanges(value, 'C'))).toBe(message);
  });
});

describe('the record rules', () => {
  it('return a fresh copy of a record as the store writes it', () => {
    const value = { ...record(), isAdmin: true };
    expect(checkAnnotationRecord(value, 'R')).toStrictEqual(record());
  });

  it('accept ids of up to 100 characters', () => {
    expect(checkAnnotationRecord({ ...record(), id: 'x'.repeat(100) }, 'R').id).toBe('x'.repeat(100));
  });

  it('keep the IRI a record was imported under, with the id made from it', () => {
    const iri = 'https://hypothes.is/a/abc123';
    expect(checkAnnotationRecord({ ...record(), ...idForIri(iri) }, 'R')).toStrictEqual({ ...record(), id: idForIri(iri).id, iri });
  });

  it.each<[string, Partial<Record<keyof AnnotationRecord, unknown>>, string]>([
    ['an id too long', { id: 'x'.repeat(101) }, 'R: id is longer than 100 characters.'],
    ['an empty id', { id: '' }, 'R: id is empty.'],
    ['an id that is not text', { id: 7 }, 'R: id must be text.'],
    ['a javascript: page', { pageUrl: 'javascript:alert(1)' }, 'R: pageUrl is not an http or https address.'],
    [
      'a page not normalised',
      { pageUrl: 'https://news.example/storm-1152#top' },
      'R: pageUrl is not in the normalised form Gloss files pages under.',
    ],
    ['a page address too long', { pageUrl: `https://x.example/${'a'.repeat(8_200)}` }, 'R: pageUrl is longer than 8,192 characters.'],
    ['no colour', { color: undefined }, 'R: color must be one of yellow, green, blue, pink, purple.'],
    ['no note', { note: undefined }, 'R: note must be text.'],
    ['tags not as Gloss writes them', { tags: ['two words'] }, 'R: tags: "two words" is not a tag as Gloss writes tags.'],
    ['a time as text', { createdAt: '1714000000000' }, 'R: createdAt must be a time in milliseconds since 1970.'],
    ['a time before 1970', { updatedAt: -1 }, 'R: updatedAt must be a time in milliseconds since 1970.'],
    [
      'a bad target',
      { target: { ...target(), quote: { type: 'TextQuoteSelector', exact: '' } } },
      'R target: TextQuoteSelector exact is empty.',
    ],
    ['no target', { target: undefined }, 'R target is not an object.'],
    ['an id with half a surrogate pair', { id: 'a\ud800' }, 'R: id holds a broken character (half of a surrogate pair).'],
    ['an IRI its id was not made from', { iri: 'https://hypothes.is/a/abc123' }, 'R: iri is not the one its id was made from.'],
    ['a UUID as a kept IRI', { iri: 'urn:uuid:3b241101-e2bb-4255-8caf-4136c566a962' }, 'R: iri is not the one its id was made from.'],
  ])('refuse %s', (_name, change, message) => {
    expect(problem(() => checkAnnotationRecord({ ...record(), ...change }, 'R'))).toBe(message);
  });
});
