import { describe, expect, it } from 'vitest';
import { createEntityFinder } from '@/lib/entities/actors-and-software';
import { findSameGroupNames } from '@/lib/entities/same-group-cues';
import { software, threatActors } from './shared-data';

/** Each pair as "other name → head". */
const pairs = (text: string) =>
  findSameGroupNames(text).map((p) => `${text.slice(p.start, p.start + p.name.length)} → ${text.slice(p.head.start, p.head.end)}`);

describe('findSameGroupNames', () => {
  it('reads two names the text says are one group: "A and B are the same operators", "A is the same group as B"', () => {
    expect(pairs('We assess that Lunar Moth and Red Dev 40 are the same operators.')).toEqual(['Red Dev 40 → Lunar Moth']);
    expect(pairs('Quartz Heron is likely the same actor as Velvet Tide.')).toEqual(['Velvet Tide → Quartz Heron']);
    expect(pairs('Quartz Heron and Velvet Tide are one and the same group.')).toEqual(['Velvet Tide → Quartz Heron']);
  });
  it('reads no likeness short of identity, and no other noun', () => {
    expect(pairs('Quartz Heron and Velvet Tide are not the same group.')).toEqual([]);
    expect(pairs('Quartz Heron and Velvet Tide use the same infrastructure.')).toEqual([]);
    expect(pairs('Quartz Heron and Velvet Tide are the same malware.')).toEqual([]);
  });
});

describe('names the text says are one group, found by the rules', () => {
  const finder = createEntityFinder(threatActors(), software());
  it('gives one actor with both names, where a cue proposed each', () => {
    const text =
      'PwC has tracked a cluster of activity against telecoms. PwC calls it Red Dev 40. The operators, whom we call Lunar Moth, phone victims. ' +
      'We assess that Lunar Moth and Red Dev 40 are the same operators. Red Dev 40 keeps quiet access.';
    const actors = finder.findEntities(text).filter((e) => e.kind === 'threat-actor');
    expect(actors).toHaveLength(1);
    expect([actors[0].name, ...actors[0].aliases].sort()).toEqual(['Lunar Moth', 'Red Dev 40']);
    expect(actors[0].mentions).toHaveLength(5);
  });
});
