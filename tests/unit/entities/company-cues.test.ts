import { describe, expect, it } from 'vitest';
import { companyCue } from '@/lib/entities/company-cues';

/** `companyCue` right after the first occurrence of `name` in `text`. */
const after = (text: string, name: string) => companyCue(text, text.indexOf(name) + name.length);

describe('companyCue', () => {
  it('reads a company noun in apposition right after the name, with up to three words before it', () => {
    expect(after('breached the Carlyle Group, the private equity firm, in May', 'Carlyle Group')).toBe(true);
    expect(after('The Adecco Group, a Swiss staffing company, said', 'Adecco Group')).toBe(true);
    expect(after('the Foo Group (a German car maker) was hit', 'Foo Group')).toBe(true);
    expect(after('the Foo Group, one of the largest banks in Asia', 'Foo Group')).toBe(true);
  });

  it('does not read a group described as a gang, or a company noun further on', () => {
    expect(after('The Lazarus Group, a North Korean state-sponsored hacking group, stole', 'Lazarus Group')).toBe(false);
    expect(after('The Foo Group, the ransomware operator, leaked data', 'Foo Group')).toBe(false);
    expect(after('The Foo Group, which hit a company in Ohio, leaked data', 'Foo Group')).toBe(false);
    expect(after('The Foo Group breached the firm.', 'Foo Group')).toBe(false);
    // The words before the noun do not run into a relative clause or a group noun.
    expect(after('The Foo Group, a gang that targets banks, struck', 'Foo Group')).toBe(false);
    expect(after('The Foo Group, a crew targeting insurers, struck', 'Foo Group')).toBe(false);
  });
});
