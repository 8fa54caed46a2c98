import { describe, expect, it } from 'vitest';
import { describeEntity } from '@/lib/entities/entity-details';
import { explainEntity, readFoundBy } from '@/lib/entities/explain-entity';
import { createEntityScanner } from '@/lib/entities/scan-entities';
import { threatActors, software } from './shared-data';

const actors = threatActors();
const scanner = createEntityScanner({ actors, software: software() });
const found = (text: string, name: string) => scanner.findEntities(text).find((e) => e.name === name)!;

describe('why an entity is there', () => {
  it("says whose name a resolved alias is: Octo Tempest is Microsoft's name for Scattered Spider", () => {
    const octo = found('Microsoft said Octo Tempest, a threat actor, used SIM swapping.', 'Octo Tempest');
    const details = describeEntity(octo, { actors, software: [], userActorKeys: new Set() });
    expect(details.why[0]).toMatch(/^Octo Tempest → Scattered Spider: Microsoft's name for it \(Microsoft naming map; also .*MISP galaxy/);
  });

  it('names the vendor scheme of a name no list has, and the cue of a name the text introduces', () => {
    const storm = found('The group Storm-9876 was seen in May.', 'Storm-9876');
    expect(explainEntity(storm)).toContain("Named in a vendor's naming scheme (Microsoft Storm-####)");
    const gang = found('Researchers tracked a threat actor called Quartzwing across Europe.', 'Quartzwing');
    expect(explainEntity(gang).join(' ')).toMatch(/names it as a group/);
    const dubbed = found('We dubbed the gang Quartzwing. Quartzwing sells access to hospitals.', 'Quartzwing');
    expect(explainEntity(dubbed).join(' ')).toMatch(/introduces it as a group’s own name/);
    expect(readFoundBy(dubbed.foundBy)?.rules).toMatchObject({ cue: 'actor', introduced: true });
  });

  it('says why a program written in lower case counts: its capitalised mention elsewhere, or the tools it is listed with', () => {
    const rclone = found('The Rclone tool copied data. It then ran through rclone.', 'Rclone');
    expect(rclone.mentions.map((m) => m.text)).toEqual(['Rclone', 'rclone']);
    expect(explainEntity(rclone).join(' ')).toMatch(/Also written in lower case, as programs often are: the text writes it with a capital/);
    expect(readFoundBy(rclone.foundBy)?.rules).toMatchObject({ listed: true, lowerCase: 'capitalised-elsewhere' });
    const listed = found('It shows the use of AdFind, rclone and PsExec.', 'rclone');
    expect(explainEntity(listed).join(' ')).toMatch(
      /Also written in lower case, where the text presents it as a tool or lists it with other software/,
    );
    const chisel = found('They deployed chisel as a tunnel:\nchisel.exe client 10.0.0.1:443', 'chisel');
    expect(explainEntity(chisel).join(' ')).toMatch(/Also written in lower case, as programs often are: the text names its program file/);
    const alone = found('It then ran through rclone.', 'rclone');
    expect(explainEntity(alone).join(' ')).toMatch(/Also written in lower case, as administrators write programs/);
    // Written with its capital only, nothing is said of lower case.
    const psexec = found('The Rclone tool copied data, and PsExec ran it.', 'Rclone');
    expect(psexec.foundBy?.rules?.lowerCase).toBeUndefined();
    expect(readFoundBy({ rules: { lowerCase: '<b>x</b>' } })?.rules).toEqual({});
  });

  it('gives the name a vendor gives a new family: "Mandiant tracks DuskRelay as SHADOWPLANK"', () => {
    const text = 'It loads the DuskRelay backdoor. Mandiant tracks DuskRelay as SHADOWPLANK; the two names refer to one family.';
    const duskRelay = found(text, 'DuskRelay');
    expect(duskRelay.aliases).toEqual(['SHADOWPLANK']);
    expect(explainEntity(duskRelay)).toContain(
      'The text gives it other names: SHADOWPLANK (a vendor’s name for it: “Mandiant tracks X as Y”)',
    );
    // A family whose spellings differ only in case has no other name.
    expect(found('The Zorbo malware ran. ZORBO then slept.', 'Zorbo').aliases).toEqual([]);
  });

  it('finds the gang named after a ransomware no list has, where a group noun stands at it, and says so', () => {
    const text =
      'The Ghostline ransomware appeared in June. Ghostline actors exploit VPN appliances. Ghostline encrypts files with ChaCha20.';
    const entities = scanner.findEntities(text).filter((e) => e.name === 'Ghostline');
    expect(entities.map((e) => `${e.kind} ${e.mentions.length}`).sort()).toEqual(['malware 2', 'threat-actor 1']);
    const gang = entities.find((e) => e.kind === 'threat-actor')!;
    expect(explainEntity(gang).join(' ')).toMatch(/^The gang named after a ransomware the text names/);
  });

  it('says which MISP warninglist an indicator is on, and that it is not reported as malicious unless confirmed', () => {
    const base = { kind: 'indicator' as const, name: 'github.com', canonical: 'github.com', indicatorType: 'domain' as const };
    const why = explainEntity({
      ...base,
      warning: { list: 'tranco10k', short: 'popular site', label: 'a popular site (Tranco’s top 10,000)' },
    });
    expect(why).toEqual([
      expect.stringMatching(/^A domain the text presents as an indicator/),
      'On a MISP warninglist as a popular site (Tranco’s top 10,000): shown because the text presents it as an indicator here, but not reported as malicious unless you confirm it',
    ]);
    expect(explainEntity(base)).toHaveLength(1);
  });

  it("reports the model's calibrated confidence, to the nearest 5%, and every actor an ambiguous name may mean", () => {
    const why = explainEntity({
      kind: 'threat-actor',
      name: 'Zelvani',
      canonical: 'Zelvani',
      candidates: ['Zelvani Team', 'Zelvani Crew'],
      foundBy: { model: { confidence: 0.874, agreesWithRules: false } },
    });
    expect(why).toEqual([
      'Found by the learned model, about 85% sure (trained on labelled threat reports; no list or rule named it here)',
      '“Zelvani” may mean Zelvani Team, Zelvani Crew; Gloss took Zelvani Team, the one the text names elsewhere or the lists put first',
    ]);
  });

  it('never says a model is 100% or 0% sure', () => {
    const said = (confidence: number) =>
      explainEntity({ kind: 'malware', name: 'Zloader', canonical: 'Zloader', foundBy: { model: { confidence, agreesWithRules: true } } });
    expect(said(0.9999)).toEqual(['The learned model agrees (over 95% sure)']);
    expect(said(0.974)).toEqual(['The learned model agrees (about 95% sure)']);
    expect(said(0.72)).toEqual(['The learned model agrees (about 70% sure)']);
    expect(said(0.01)).toEqual(['The learned model agrees (under 5% sure)']);
  });

  it('says when the model leans against an actor the text cued, but not surely enough to overrule it', () => {
    const why = explainEntity({
      kind: 'threat-actor',
      name: 'Trickbot',
      canonical: 'Trickbot',
      foundBy: { rules: { cue: 'actor' }, model: { confidence: 0.76, agreesWithRules: true, doubts: true } },
    });
    expect(why).toEqual([
      'The text names it as a group (a cue such as “the X gang”, “tracked as X”, “threat actor X”)',
      'The learned model doubts it, not enough to overrule the text, which calls it a group (about 75% sure it is right)',
    ]);
    expect(readFoundBy({ model: { confidence: 0.76, agreesWithRules: true, doubts: true } })?.model).toEqual({
      confidence: 0.76,
      agreesWithRules: true,
      doubts: true,
    });
  });

  it("says a technique the tagger marked is the model's: with its ATT&CK id where the rules named one there, else as written", () => {
    const withId = explainEntity({
      kind: 'technique',
      name: 'DDoS',
      canonical: 'Network Denial of Service',
      attackId: 'T1498',
      foundBy: { model: { confidence: 0.93, agreesWithRules: true } },
    });
    expect(withId).toEqual([
      'MITRE ATT&CK technique T1498 Network Denial of Service: the text names it by its id, its name or a common name for it',
      'The learned model agrees (about 95% sure)',
    ]);
    const asWritten = explainEntity({
      kind: 'technique',
      name: 'C2 channel over DNS',
      canonical: 'C2 channel over DNS',
      foundBy: { model: { confidence: 0.71, agreesWithRules: false } },
    });
    expect(asWritten).toEqual([
      'Found by the learned model, about 70% sure (trained on labelled threat reports; no list or rule named it here)',
    ]);
  });

  it('keeps only the known shape of a reason carried in a message', () => {
    expect(readFoundBy({ rules: { listed: true, cue: 'evil', scheme: 42 }, model: { confidence: 'x' } })).toEqual({
      rules: { listed: true },
    });
    expect(readFoundBy('nope')).toBeUndefined();
  });
});

describe('why a technique is there', () => {
  it('names its ATT&CK id and name, and says when its mentions are table rows', () => {
    const row = { kind: 'technique' as const, name: 'T1078 Valid Accounts', canonical: 'Valid Accounts', attackId: 'T1078' };
    expect(explainEntity({ ...row, foundBy: { rules: { row: true } } })).toEqual([
      'MITRE ATT&CK technique T1078 Valid Accounts: the text names it by its id, its name or a common name for it',
      'Some mentions are rows of an ATT&CK table in the text (the id, its name and what the actor does), marked whole; the technique is named by its ATT&CK id and name',
    ]);
    expect(explainEntity({ ...row, name: 'phishing', canonical: 'Phishing', attackId: 'T1566' })).toEqual([
      'MITRE ATT&CK technique T1566 Phishing: the text names it by its id, its name or a common name for it',
    ]);
  });

  it('keeps the row flag when the popup sends it back, and nothing else it does not know', () => {
    expect(readFoundBy({ rules: { row: true, html: '<b>x</b>' } })).toEqual({ rules: { row: true } });
  });
});
