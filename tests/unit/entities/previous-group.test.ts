import { describe, expect, it } from 'vitest';
import { createEntityScanner } from '@/lib/entities/scan-entities';
import { explainEntity } from '@/lib/entities/explain-entity';
import { previousGroup } from '@/lib/entities/previous-group';
import { software, threatActors } from './shared-data';

/** Spans at each occurrence of `names` in `text`, in text order, all known actors unless named in `software`. */
function spansOf(text: string, names: string[], softwareNames: string[] = []) {
  return [...names, ...softwareNames]
    .flatMap((name) => [...text.matchAll(new RegExp(name, 'g'))].map((m) => ({ name, start: m.index, end: m.index + name.length })))
    .sort((a, b) => a.start - b.start)
    .map((s) => ({ ...s, kind: softwareNames.includes(s.name) ? ('software' as const) : ('actor' as const) }));
}
const headOf = (text: string, names: string[], alias: string, softwareNames: string[] = []) => {
  const spans = spansOf(text, [...names, alias], softwareNames);
  const at = spans.findIndex((s) => s.name === alias);
  const head = previousGroup(
    text,
    spans,
    spans.map((_, i) => i),
    at,
  );
  return head === undefined ? undefined : spans[head].name;
};

describe('previousGroup: the group a definite "the group" points back to', () => {
  it('is the last actor named before, skipping software', () => {
    const text = 'Lockfall denied the arrests. It used Cobalt Strike. Mandiant, which tracks the group as UNC5812, said so.';
    expect(headOf(text, ['Lockfall'], 'UNC5812', ['Cobalt Strike'])).toBe('Lockfall');
  });
  it('is none when a new group is introduced in between, or the last one is far back', () => {
    const text = 'Lockfall denied the arrests. A second gang appeared in May. The group, which calls itself Null Tide, leaks data.';
    expect(headOf(text, ['Lockfall'], 'Null Tide')).toBeUndefined();
    expect(
      headOf(
        `Lockfall struck. ${'Nothing else happened that day. '.repeat(20)}The group calls itself Null Tide.`,
        ['Lockfall'],
        'Null Tide',
      ),
    ).toBeUndefined();
  });
});

describe('another name a text gives the group it has just named', () => {
  const scanner = createEntityScanner({ actors: threatActors(), software: software() });
  const actors = (text: string) => scanner.findEntities(text).filter((e) => e.kind === 'threat-actor');

  it('joins "which tracks the group as X" and "the group … refers to itself as X" to that group', () => {
    const text =
      'We dubbed the gang behind the intrusions Copper Lantern. The group — which refers to itself as Nox Collective on its leak site — first appeared in March. ' +
      'Security firm Mandiant, which tracks the group as UNC5812, said Copper Lantern exploits VPN appliances.';
    const [lantern, ...others] = actors(text);
    expect(others).toEqual([]);
    expect(lantern).toMatchObject({ canonical: 'Copper Lantern', aliases: ['Nox Collective', 'UNC5812'] });
    expect(explainEntity(lantern).join(' ')).toMatch(/The text gives it other names: Nox Collective, UNC5812/);
  });
  it('keeps a name a new, indefinite group gives itself apart: "a gang that calls itself X"', () => {
    const text = 'We dubbed the gang Copper Lantern. In May a gang that calls itself Nox Collective appeared.';
    expect(actors(text).map((e) => e.canonical)).toEqual(['Copper Lantern', 'Nox Collective']);
  });
});
