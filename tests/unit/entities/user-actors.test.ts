import { describe, expect, it } from 'vitest';
import { withUserActors } from '@/lib/entities/user-actors';

const shipped = [
  { name: 'Scattered Spider', aliases: ['Octo Tempest'] },
  { name: 'Storm-1152', aliases: [] },
];

describe('withUserActors', () => {
  it('adds a new actor as one more record', () => {
    expect(withUserActors(shipped, [{ canonical: 'Gold Harvest', aliases: ['GH-1'] }])).toEqual([
      ...shipped,
      { name: 'Gold Harvest', aliases: ['GH-1'] },
    ]);
  });

  it('gives a shipped actor the extra names, matching its name case-insensitively', () => {
    const merged = withUserActors(shipped, [{ canonical: 'scattered spider', aliases: ['Spider X'] }]);
    expect(merged[0]).toEqual({ name: 'Scattered Spider', aliases: ['Octo Tempest', 'Spider X'] });
    expect(merged).toHaveLength(2);
  });

  it('leaves the shipped list untouched', () => {
    withUserActors(shipped, [{ canonical: 'Scattered Spider', aliases: ['Spider X'] }]);
    expect(shipped[0].aliases).toEqual(['Octo Tempest']);
  });
});
