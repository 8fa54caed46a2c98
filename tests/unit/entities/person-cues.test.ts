import { describe, expect, it } from 'vitest';
import { createEntityFinder } from '@/lib/entities/actors-and-software';
import { personCue } from '@/lib/entities/person-cues';
import { software, threatActors } from './shared-data';

/** `personCue` at the first occurrence of `name` in `text`. */
const at = (text: string, name: string) => personCue(text, text.indexOf(name), text.indexOf(name) + name.length);
const finder = createEntityFinder(threatActors(), software());
const actorNames = (text: string) =>
  finder
    .findEntities(text)
    .filter((e) => e.kind === 'threat-actor')
    .flatMap((e) => e.mentions.map((m) => m.text));

describe('person cues: a handle of one individual (issue 13)', () => {
  it('reads a role right before the name: "the seller X", "forum administrator X", "a user named X"', () => {
    expect(at('The seller Wazawaka offered access.', 'Wazawaka')).toBe(true);
    expect(at('The forum administrator Orange banned them.', 'Orange')).toBe(true);
    expect(at('A user named “Bassterlord” posted a guide.', 'Bassterlord')).toBe(true);
    expect(at('the developer Kerberos pushed an update', 'Kerberos')).toBe(true);
  });
  it('reads a handle noun: "under the moniker X", "going by the handle X", "an actor named X"', () => {
    expect(at('He posted under the moniker Dandy.', 'Dandy')).toBe(true);
    expect(at('One actor going by the handle Mikhail sold access.', 'Mikhail')).toBe(true);
    expect(at('An actor named Bonjour posted an advert.', 'Bonjour')).toBe(true);
  });
  it('reads a role in apposition: "X, the developer of…", "X, a well-known seller", "X, who is the administrator"', () => {
    expect(at('Kerberos, the developer of the locker, advertised it.', 'Kerberos')).toBe(true);
    expect(at('Dandy, a well-known seller, was banned.', 'Dandy')).toBe(true);
    expect(at('Orange, who is the administrator of RAMP, spoke.', 'Orange')).toBe(true);
  });
  it('leaves the phrasings vendors use for groups alone', () => {
    expect(at('The cybercrime actor known as TA551 is back.', 'TA551')).toBe(false);
    expect(at('The threat actor named TA4903 sent lures.', 'TA4903')).toBe(false);
    expect(at('the threat actor HydroJiin', 'HydroJiin')).toBe(false);
    expect(at('TA505, the operator of Dridex, returned.', 'TA505')).toBe(false);
    expect(at('TA551, a criminal actor, returned.', 'TA551')).toBe(false);
    expect(at('Wizard Spider, a well-known ransomware gang, struck.', 'Wizard Spider')).toBe(false);
    expect(at('Lorenz, a group of developers, struck.', 'Lorenz')).toBe(false);
    expect(at('REvil developers pushed an update.', 'REvil')).toBe(false);
    // "vendor" is a security vendor as often as a seller: no role.
    expect(at('Spider Crew, a name one vendor uses for a group others track.', 'Spider Crew')).toBe(false);
  });
  it('takes no handle for a threat actor, even where a group cue proposed it', () => {
    expect(actorNames('An actor named Bonjour posted an advertisement for the malware on the forum.')).toEqual([]);
    expect(actorNames('The actor dubbed Velvet posted. Later, Velvet, the developer of the locker, left the group.')).toEqual([]);
  });
  it('keeps a name the text also calls a group, and a listed actor where no person cue is next to it', () => {
    expect(actorNames('Kerberos, the developer of the locker, spoke. The Kerberos ransomware gang claimed the attack.')).toEqual([
      'Kerberos',
    ]);
    expect(actorNames('The seller Lazarus sold access. Lazarus Group then struck the bank with phishing.')).toEqual(['Lazarus Group']);
    expect(actorNames('The cybercrime actor known as TA551 sent lures.')).toEqual(['TA551']);
  });
});
