import { describe, expect, it } from 'vitest';
import { createEntityFinder } from '@/lib/entities/actors-and-software';
import { coordinatedKind, lastSlashJoinedName } from '@/lib/entities/coordinated-names';
import type { Span } from '@/lib/entities/group-entities';
import { software, threatActors } from './shared-data';

/** Spans for each name in `text`, listed as an actor, software or both (the ids only say which). */
function spans(text: string, names: Record<string, 'actor' | 'software' | 'both'>): Span[] {
  return Object.entries(names)
    .map(([name, kind]) => {
      const start = text.indexOf(name);
      return {
        start,
        end: start + name.length,
        text: name,
        actorIds: kind === 'software' ? [] : [1],
        softwareIds: kind === 'actor' ? [] : [2],
        weak: false,
        lowerListed: false,
        dictionary: true,
      };
    })
    .sort((a, b) => a.start - b.start);
}

describe('the kind of the names a name is listed with', () => {
  it('is the kind its neighbours in the list share', () => {
    const text = 'hit by Foo and Bar';
    expect(coordinatedKind(text, spans(text, { Foo: 'both', Bar: 'actor' }), 0)).toBe('actor');
    const list = 'Foo, Bar and Baz';
    expect(coordinatedKind(list, spans(list, { Foo: 'software', Bar: 'both', Baz: 'software' }), 1)).toBe('software');
    const or = 'Foo or Bar';
    expect(coordinatedKind(or, spans(or, { Foo: 'both', Bar: 'software' }), 0)).toBe('software');
  });
  it('says nothing where the neighbours disagree, are both kinds, or are not joined to it', () => {
    const mixed = 'Foo, Bar and Baz';
    expect(coordinatedKind(mixed, spans(mixed, { Foo: 'actor', Bar: 'both', Baz: 'software' }), 1)).toBeUndefined();
    const both = 'Foo and Bar';
    expect(coordinatedKind(both, spans(both, { Foo: 'both', Bar: 'both' }), 0)).toBeUndefined();
    const apart = 'Foo used Bar';
    expect(coordinatedKind(apart, spans(apart, { Foo: 'both', Bar: 'software' }), 0)).toBeUndefined();
  });
  it('is the kind of the name it stands in brackets after, or before: "APT28 (Sofacy)"', () => {
    const after = 'Foo (Bar) has targeted diplomats';
    expect(coordinatedKind(after, spans(after, { Foo: 'actor', Bar: 'both' }), 1)).toBe('actor');
    const before = 'Bar (Foo) was seen';
    expect(coordinatedKind(before, spans(before, { Bar: 'both', Foo: 'software' }), 0)).toBe('software');
    // A bracket that does not close right after the name holds more than another name.
    const open = 'Foo (Bar and others) was seen';
    expect(coordinatedKind(open, spans(open, { Foo: 'actor', Bar: 'both' }), 1)).toBeUndefined();
    const finder = createEntityFinder(threatActors(), software());
    const kinds = (text: string) => finder.findEntities(text).map((e) => [e.kind, e.name]);
    expect(kinds('APT28 (Sofacy) has targeted Georgian diplomats many times.')).toEqual([['threat-actor', 'APT28']]);
  });
  it('decides a listed group that is also listed software: "hit by Turla and Gamaredon"', () => {
    const finder = createEntityFinder(threatActors(), software());
    const kinds = (text: string) => finder.findEntities(text).map((e) => [e.kind, e.name]);
    expect(kinds('Government entities in Europe were hit by Turla and Gamaredon.')).toEqual([
      ['threat-actor', 'Turla'],
      ['threat-actor', 'Gamaredon'],
    ]);
    // Without a list, a tie goes to the list that has the name as a record's own name: Turla is the
    // group's, and only one of Uroburos's other names.
    expect(kinds('Government entities in Europe were hit by Turla.')).toEqual([['threat-actor', 'Turla']]);
  });
});

describe('names of one family joined by slashes', () => {
  /** The index `lastSlashJoinedName` gives for name `i` of `names` in `text`, each listed as the family `family[name]`. */
  const lastOf = (text: string, family: Record<string, number>, i = 0) => {
    const names = Object.entries(family).map(([name, id]): Span => {
      const start = text.indexOf(name);
      return {
        start,
        end: start + name.length,
        text: name,
        actorIds: [],
        softwareIds: [id],
        weak: false,
        lowerListed: false,
        dictionary: true,
      };
    });
    return lastSlashJoinedName(text, names, i);
  };
  it('reach to the last of them, whose cues are about all ("ALPHV/BlackCat ransomware gang")', () => {
    expect(lastOf('The ALPHV/BlackCat ransomware gang', { ALPHV: 7, BlackCat: 7 })).toBe(1);
    expect(lastOf('The ALPHV / BlackCat / Noberus gang', { ALPHV: 7, BlackCat: 7, Noberus: 7 })).toBe(2);
  });
  it('stop at a name of another family, at anything but a slash, and at the last name itself', () => {
    expect(lastOf('Conti/LockBit affiliates', { Conti: 1, LockBit: 2 })).toBe(0);
    expect(lastOf('ALPHV, BlackCat gang', { ALPHV: 7, BlackCat: 7 })).toBe(0);
    expect(lastOf('ALPHV/BlackCat', { ALPHV: 7, BlackCat: 7 }, 1)).toBe(1);
  });
  it('read at most four names: a longer chain is a list', () => {
    expect(lastOf('A1/B2/C3/D4/E5 gang', { A1: 3, B2: 3, C3: 3, D4: 3, E5: 3 })).toBe(3);
  });
});
