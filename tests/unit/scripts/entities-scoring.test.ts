import { describe, expect, it } from 'vitest';
import { emptyTally, prf, scoreReport, surfaceMatches, type Report } from '../../../scripts/entities-eval/scoring';
import type { Entity } from '@/lib/entities/types';

const span = (text: string, start = 0) => ({ text, start, end: start + text.length });

describe('surface matching, as the held-out measurement scores', () => {
  it('matches mentions as case-folded strings anywhere in the report, one to one', () => {
    expect(surfaceMatches([span('lazarus', 40)], [span('Lazarus', 3)])).toBe(1);
    expect(surfaceMatches([span('Lazarus'), span('Lazarus', 20)], [span('Lazarus', 50)])).toBe(1);
    expect(surfaceMatches([span('Lazarus Group')], [span('Lazarus')])).toBe(0);
  });

  it('counts a found mention at the wrong place as right by surface, wrong by exact', () => {
    const report: Report = { id: 'r', text: 'APT29 and APT29', mentions: [{ ...span('APT29', 0), type: 'GROUP' }] };
    const found: Entity[] = [{ kind: 'threat-actor', name: 'APT29', canonical: 'APT29', aliases: [], mentions: [span('APT29', 10)] }];
    const tallies = new Map([['threat-actor', emptyTally()]]);
    scoreReport(report, found, tallies);
    const tally = tallies.get('threat-actor')!;
    expect(prf(tally, 'surface')).toEqual({ p: 1, r: 1, f: 1 });
    expect(prf(tally, 'exact')).toEqual({ p: 0, r: 0, f: 0 });
  });
});
