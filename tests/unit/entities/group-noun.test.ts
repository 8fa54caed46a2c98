import { describe, expect, it } from 'vitest';
import { withoutGroupNoun } from '@/lib/entities/group-noun';

describe('withoutGroupNoun', () => {
  it('takes off a closing gang, group or crew and the space before it, in any case', () => {
    expect(withoutGroupNoun('8Base gang')).toBe('8Base');
    expect(withoutGroupNoun('Lazarus Group')).toBe('Lazarus');
    expect(withoutGroupNoun('Foo\u00a0 CREW')).toBe('Foo');
  });

  it('leaves a name whose last word only ends in those letters, or that is the noun alone', () => {
    expect(withoutGroupNoun('Boogang')).toBe('Boogang');
    expect(withoutGroupNoun('gang')).toBe('gang');
    expect(withoutGroupNoun('Sandworm')).toBe('Sandworm');
  });
});
