import { describe, expect, it } from 'vitest';
import { namesListedWithActors } from '@/lib/entities/listed-with-actors';

/** The names listed with the actors named in `actors`, where nothing else is known. */
const listed = (text: string, actors: string[]) =>
  namesListedWithActors(
    text,
    actors.map((a) => ({ start: text.indexOf(a), end: text.indexOf(a) + a.length })),
    () => false,
  ).map((m) => m.text);

describe('namesListedWithActors', () => {
  it('proposes a new name in a list that holds two actors or more: "Killnet, Sokolniki, NoName057(16) and Dozor-41"', () => {
    const text = 'Monitor the channels of Killnet, Sokolniki, NoName057(16) and Dozor-41 for targets.';
    expect(listed(text, ['Killnet', 'Sokolniki', 'NoName057(16)'])).toEqual(['Dozor-41']);
    expect(listed('Dozor Nord, Sokolniki and Killnet hit banks.', ['Sokolniki', 'Killnet'])).toEqual(['Dozor Nord']);
    expect(listed('APT28, Zarya, APT29 or Vostok struck.', ['APT28', 'APT29'])).toEqual(['Zarya', 'Vostok']);
  });
  it('needs two actors: a pair is no evidence ("Foxmail and Outlook", "Zhu Hua and Zhang Shilong and APT10")', () => {
    expect(listed('It steals from Foxmail and Outlook.', ['Foxmail'])).toEqual([]);
    expect(listed('links between Zhu Hua and Zhang Shilong and APT10', ['APT10'])).toEqual([]);
  });
  it('reads a comma alone as a list only where the list goes on ("Since May, Sokolniki has")', () => {
    expect(listed('Since May, Sokolniki has hit Killnet targets.', ['Sokolniki', 'Killnet'])).toEqual([]);
    expect(listed('Killnet, APT28, Microsoft said, were seen.', ['Killnet', 'APT28'])).toEqual([]);
  });
  it('takes a name whole, never after a word that is none ("Killnet, APT28 and Its Spin-Offs")', () => {
    expect(listed('Killnet, APT28 and Its Spin-Offs', ['Killnet', 'APT28'])).toEqual([]);
    expect(listed('Killnet, APT28 and the Finance Sector', ['Killnet', 'APT28'])).toEqual([]);
  });
  it('leaves names another rule holds to that rule', () => {
    const text = 'Killnet, APT28 and Emotet were seen.';
    const at = (a: string) => ({ start: text.indexOf(a), end: text.indexOf(a) + a.length });
    const emotet = at('Emotet');
    expect(namesListedWithActors(text, [at('Killnet'), at('APT28')], (s, e) => s < emotet.end && emotet.start < e)).toEqual([]);
  });
});
