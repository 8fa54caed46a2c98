import { describe, expect, it } from 'vitest';
import { precisionRecallF1, scoreSurface } from '../../../scripts/blind-reports/score-surface';

describe('scoring found mentions against a blind report’s answer key', () => {
  const key = [
    { text: 'Ravenmoor', type: 'GROUP', count: 2 },
    { text: 'Ravenmoor', type: 'MALWARE', count: 1 },
    { text: 'WinSCP', type: 'TOOL', count: 1 },
  ];

  it('compares case-folded surface strings with their counts, kind by kind', () => {
    const found = [
      { type: 'GROUP', text: 'ravenmoor' },
      { type: 'GROUP', text: 'Ravenmoor' },
      { type: 'GROUP', text: 'Ravenmoor' },
      { type: 'TOOL', text: 'WinSCP' },
    ];
    const tallies = scoreSurface(found, key);
    expect(tallies.get('GROUP')).toEqual({
      truePositives: 2,
      falsePositives: 1,
      falseNegatives: 0,
      differences: ['GROUP ravenmoor: found 3, key 2'],
    });
    expect(tallies.get('MALWARE')).toMatchObject({ truePositives: 0, falseNegatives: 1 });
    expect(tallies.get('TOOL')).toMatchObject({ truePositives: 1, falsePositives: 0, falseNegatives: 0, differences: [] });
  });

  it('reads white space runs as one space', () => {
    expect(
      scoreSurface([{ type: 'GROUP', text: 'Silent\n  Ledger' }], [{ text: 'Silent Ledger', type: 'GROUP', count: 1 }]).get('GROUP'),
    ).toMatchObject({
      truePositives: 1,
    });
  });

  it('gives precision, recall and F1, and zero where nothing was found or listed', () => {
    expect(precisionRecallF1({ truePositives: 3, falsePositives: 1, falseNegatives: 3, differences: [] })).toEqual([0.75, 0.5, 0.6]);
    expect(precisionRecallF1({ truePositives: 0, falsePositives: 0, falseNegatives: 0, differences: [] })).toEqual([0, 0, 0]);
  });
});
