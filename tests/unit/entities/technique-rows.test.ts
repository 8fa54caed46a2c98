import { describe, expect, it } from 'vitest';
import { extendOverProcedures, rowNameEnd, TextLines } from '@/lib/entities/technique-rows';
import type { Entity, Mention } from '@/lib/entities/types';

/** The span rowNameEnd gives the first id in `text`, as text (undefined for an id in running text). */
function rowSpan(text: string): string | undefined {
  const id = /T1\d{3}(?:\.\d{3})?/.exec(text)!;
  const end = rowNameEnd(text, id.index, id.index + id[0].length, new TextLines(text));
  return end === undefined ? undefined : text.slice(id.index, end);
}

const at = (text: string, part: string): Mention => {
  const start = text.indexOf(part);
  return { start, end: start + part.length, text: part };
};
const technique = (mentions: Mention[]): Entity => ({
  kind: 'technique',
  name: 'T1078 Valid Accounts',
  canonical: 'Valid Accounts',
  aliases: [],
  mentions,
  attackId: 'T1078',
});

describe('the span of an id in an ATT&CK table', () => {
  it('takes the id and the cell after it in a table row, whatever the cell says', () => {
    expect(rowSpan('| T1105 | Remote File Copy |')).toBe('T1105 | Remote File Copy');
    expect(rowSpan('| Enterprise | T1078 | Valid Accounts | The group uses valid accounts.|')).toBe('T1078 | Valid Accounts');
    expect(rowSpan('| T1032  | Standard Cryptographic Protocol (RC4, RC5) |')).toBe('T1032  | Standard Cryptographic Protocol (RC4, RC5)');
    expect(rowSpan('| T1036.005\u00a0 | Masquerading: Match Legitimate Name or Location |')).toBe(
      'T1036.005\u00a0 | Masquerading: Match Legitimate Name or Location',
    );
  });

  it('takes the next column of an aligned table, up to a run of spaces', () => {
    expect(rowSpan('T1083\u00a0\u00a0 \u00a0\u00a0File and directory discovery\nT1082')).toBe(
      'T1083\u00a0\u00a0 \u00a0\u00a0File and directory discovery',
    );
    expect(rowSpan('T1071    Uses web protocols    Command and Control')).toBe('T1071    Uses web protocols');
  });

  it('takes a linked id with the name after the link, and an id and name in a link’s text', () => {
    expect(rowSpan('| Defense Evasion | [T1009](https://attack.mitre.org/techniques/T1009/) Binary Padding')).toBe(
      'T1009](https://attack.mitre.org/techniques/T1009/) Binary Padding',
    );
    expect(rowSpan('| **Exfiltration** | [T1041: Exfiltration Over C2 Channel](https://attack.mitre.org/techniques/T1041/) |')).toBe(
      'T1041: Exfiltration Over C2 Channel',
    );
  });

  it('takes an HTML table’s row as a page’s text gives it: the id alone on its line, the name on the next', () => {
    expect(rowSpan('<tr>\n  T1078\n  Valid Accounts\n  Leviathan uses')).toBe('T1078\n  Valid Accounts');
    expect(rowSpan('Mapping:\nT1083\n\nFile and directory discovery\n')).toBe('T1083\n\nFile and directory discovery');
    expect(rowSpan('We saw T1078\nValid Accounts')).toBeUndefined();
    expect(rowSpan('T1078\n\n\nValid Accounts')).toBeUndefined();
  });

  it('leaves an id in running text, and cells that are not names, alone', () => {
    expect(rowSpan('They used T1566 | and more')).toBeUndefined();
    expect(rowSpan('They used T1566: phishing, then T1059.')).toBeUndefined();
    expect(rowSpan('| T1566 | 42 |')).toBeUndefined();
    expect(rowSpan(`| T1566 | ${'word '.repeat(30)}|`)).toBeUndefined();
  });
});

describe('a row whose next cell is a procedure', () => {
  const row = '| Enterprise | T1078 | Valid Accounts | Leviathan uses valid accounts to reach VPN services. |';
  const idAndName = at(row, 'T1078 | Valid Accounts');

  it('is one mention from the id to the end of the procedure, the actor named in it included', () => {
    const [extended] = extendOverProcedures(row, [technique([idAndName])], [at(row, 'Leviathan')]);
    expect(extended.mentions).toEqual([at(row, 'T1078 | Valid Accounts | Leviathan uses valid accounts to reach VPN services.')]);
    expect(extended.foundBy?.rules?.row).toBe(true);
  });

  it('also when the group or a pronoun is the subject in words', () => {
    for (const procedure of ['The group uses valid accounts', 'The threat actors log in', 'It uses valid account to access email']) {
      const text = `| T1078 | Valid Accounts | ${procedure} |`;
      const [extended] = extendOverProcedures(text, [technique([at(text, 'T1078 | Valid Accounts')])], []);
      expect(extended.mentions[0].text).toBe(`T1078 | Valid Accounts | ${procedure}`);
    }
  });

  it('not when the cell only describes, or the name in it is not the subject', () => {
    const cases: [string, string[]][] = [
      ['| T1107 | File Deletion | Self delete |', []],
      ['| T1082 | System Information Discovery | Quasar and NETWIRE both have this feature |', ['Quasar']],
      ['| T1082 | System Information Discovery | One of Raccoon capabilities |', ['Raccoon']],
    ];
    for (const [text, names] of cases) {
      const mention = at(text, text.split('|').slice(1, 3).join('|').trim());
      const before = technique([mention]);
      expect(
        extendOverProcedures(
          text,
          [before],
          names.map((n) => at(text, n)),
        ),
      ).toEqual([before]);
    }
  });

  it('also for an HTML table’s row, one cell a line', () => {
    const text = 'T1078\n  Valid Accounts\n  Leviathan uses valid accounts\n  T1107';
    const [extended] = extendOverProcedures(text, [technique([at(text, 'T1078\n  Valid Accounts')])], [at(text, 'Leviathan')]);
    expect(extended.mentions[0].text).toBe('T1078\n  Valid Accounts\n  Leviathan uses valid accounts');
  });

  it('not outside a table', () => {
    const text = 'T1078 Valid Accounts | Leviathan uses valid accounts';
    const before = technique([at(text, 'T1078 Valid Accounts')]);
    expect(extendOverProcedures(text, [before], [at(text, 'Leviathan')])).toEqual([before]);
  });
});

describe('TextLines', () => {
  it('finds the start and end of the line holding an offset', () => {
    const lines = new TextLines('ab\n| c |\n\nd');
    expect([lines.start(0), lines.end(0)]).toEqual([0, 2]);
    expect([lines.start(4), lines.end(4), lines.isTableRow(4)]).toEqual([3, 8, true]);
    expect([lines.start(9), lines.end(9)]).toEqual([9, 9]);
    expect([lines.start(10), lines.end(10), lines.isTableRow(10)]).toEqual([10, 11, false]);
  });
});
