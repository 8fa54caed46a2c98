import { describe, expect, it } from 'vitest';
import { createEntityFinder } from '@/lib/entities/actors-and-software';
import { actorCue, strongActorCue } from '@/lib/entities/context-cues';
import { findCuedNames } from '@/lib/entities/names-from-context';
import { software, threatActors } from './shared-data';

/** The names proposed by every cue (the introducing cues run inside `findCuedNames`). */
const cued = (text: string) => findCuedNames(text).map((c) => c.text);
/** The cue functions on the first occurrence of `name` in `text`. */
const at = (fn: typeof actorCue, text: string, name: string) => fn(text, text.indexOf(name), text.indexOf(name) + name.length);

describe('names a text gives a group it introduces (issue 13)', () => {
  it('takes the name the researchers gave the gang: "we dubbed the gang X", "tracking this new group as X"', () => {
    expect(cued('We dubbed the gang Quartz Lynx after its lures.')).toContain('Quartz Lynx');
    expect(cued('We are tracking this new group as “Velvet Tide”.')).toContain('Velvet Tide');
    expect(cued('Analysts refer to the actor as Marble Heron.')).toContain('Marble Heron');
    expect(cued('We refer to this cluster of activity as Silent Pelican.')).toContain('Silent Pelican');
    expect(cued('We named this activity cluster Blue Mole.')).toContain('Blue Mole');
    expect(cued('Researchers call the group behind the campaign Gold Harvest.')).toContain('Gold Harvest');
    expect(cued('We track the cluster behind this activity as Amber Owl.')).toContain('Amber Owl');
    expect(cued('We dubbed the gang behind them Copper Lantern.')).toContain('Copper Lantern');
  });
  it('takes the name after the group noun: "a new group we call X", "the gang researchers have dubbed X", "a cluster we track as X"', () => {
    expect(cued('In March we saw a new group we call ShadowMoth at work.')).toContain('ShadowMoth');
    expect(cued('The gang researchers have dubbed Night Owl struck twice.')).toContain('Night Owl');
    expect(cued('It is a cluster we track as “Amber Finch”.')).toContain('Amber Finch');
    expect(cued('It overlaps with a cluster other vendors call Weaver Ant.')).toContain('Weaver Ant');
    expect(cued('It overlaps with a cluster that other researchers have publicly reported as Hollow Finch.')).toContain('Hollow Finch');
    expect(cued('Gossamer Typhoon overlaps with what others call Obsidian Mantis.')).toContain('Obsidian Mantis');
    expect(cued('The campaign overlaps partly with activity that Mandiant tracks as Glass Heron.')).toContain('Glass Heron');
    expect(cued('It overlaps with activity that some Brazilian security researchers refer to as Quati.')).toContain('Quati');
    expect(cued('Some researchers also refer to part of this activity as Dovecote.')).toContain('Dovecote');
    expect(cued('TA4458 overlaps with the activity some other researchers call Pewter Gecko.')).toContain('Pewter Gecko');
    expect(cued('It partially overlaps with the clusters other vendors have published as Andean Kite and Altiplano.')).toEqual([
      'Andean Kite',
      'Altiplano',
    ]);
    expect(cued('the group Sekoia tracks as Quartz Heron')).toContain('Quartz Heron');
    expect(cued('a gang security firms have dubbed Pale Moth')).toContain('Pale Moth');
    expect(cued('The operators, whom we call Lunar Moth, used callback phishing.')).toContain('Lunar Moth');
    expect(cued('the attackers who Mandiant tracks as Tin Finch')).toContain('Tin Finch');
    expect(cued('a group, which Microsoft calls Cobalt Weasel, struck')).toContain('Cobalt Weasel');
    expect(cued('We attribute it to a new APT actor that we call Nightjar.')).toContain('Nightjar');
    expect(cued('an intrusion set we track as Grey Wren')).toContain('Grey Wren');
    expect(cued('we attribute the intrusions to a single Hive affiliate, which we dubbed Steinbock.')).toContain('Steinbock');
    expect(cued('Two domains overlap with a cluster that AhnLab researchers label NaverFisher.')).toContain('NaverFisher');
    expect(cued('a private report about a cluster they have dubbed "OliveCrane", whose indicators coincide')).toContain('OliveCrane');
    expect(cued('TA3694 overlaps with activity other researchers have reported as "Umber Kite" and "Brackwater."')).toEqual(
      expect.arrayContaining(['Umber Kite', 'Brackwater']),
    );
  });
  it('takes no name a clause after "by the actor" or "of the group" gives: "the implants used by the actor, which we have called Gorse"', () => {
    expect(cued('the two implants used by the actor, which we have called Gorse and Ravelin')).toEqual([]);
    expect(cued('a loader for the main backdoor of the group, which we have named Sarma.')).toEqual([]);
    expect(cued('a new group, which we have named Velika.')).toEqual(['Velika']);
    expect(cued('the loader used by the group, which we call Tinder, runs first')).toEqual([]);
  });
  it('takes the name given to "it" or "them" where the noun before says a group: "a cluster of activity… PwC calls it X"', () => {
    expect(cued('PwC has tracked a cluster of activity against telecoms. PwC calls it Red Dev 40 for now.')).toContain('Red Dev 40');
    expect(cued('The attackers used new tooling, and we have named them Quiet Heron.')).toContain('Quiet Heron');
    // The nearest noun says what "it" is: a loader, a campaign.
    expect(cued('The group shipped a new loader last week. Proofpoint calls it TinCradle.')).not.toContain('TinCradle');
    expect(cued('The group ran a phishing campaign, and Microsoft named it Operation Dust.')).not.toContain('Operation Dust');
    expect(cued('PwC calls it Red Dev 40.')).toEqual([]);
    expect(findCuedNames('a new group we call ShadowMoth').find((c) => c.text === 'ShadowMoth')).toMatchObject({ introduced: true });
    // A lower-case phrase after "we call" is no name.
    expect(cued('This is the group we call the usual suspects.')).toEqual([]);
  });
  it('takes the name a group gives itself: "the group — which refers to itself as X", "a gang that calls itself X"', () => {
    expect(cued('The group — which refers to itself as Vice Society — leaks data.')).toContain('Vice Society');
    expect(cued('A gang that calls itself “Lapsus” took credit.')).toContain('Lapsus');
    expect(cued('A previously unknown extortion crew calling itself "Palehorn" leaked the files.')).toContain('Palehorn');
    expect(cued('The actors, referring to themselves as Null Tide, posted a manifesto.')).toContain('Null Tide');
    expect(cued('A gang going by the name Silver Lynx claimed the breach.')).toContain('Silver Lynx');
    expect(cued('the layout used by the Hunters International group before it rebranded as World Leaks.')).toContain('World Leaks');
    expect(cued('a group that presents itself on the forums as "Quiet Harbor" sells access')).toContain('Quiet Harbor');
    expect(cued('The crew bills itself as Night Ledger.')).toContain('Night Ledger');
    expect(cued('The crew, which goes by the moniker "Red Heron", sells access.')).toContain('Red Heron');
    expect(cued('a small team that calls itself Silent Ledger in its forum signatures')).toContain('Silent Ledger');
    expect(cued('The crew, which referred to itself in ransom notes and on Russian-language forums as "ML Group," is accused')).toContain(
      'ML Group',
    );
    expect(cued('A second broker, a crew that signs its posts as 8Ball, sells RDP access.')).toContain('8Ball');
    expect(cued('A small access brokering outfit that calls itself Groundswell sells access.')).toContain('Groundswell');
    expect(cued('a Telegram channel run by a persona self-styled as Brigada-22 claimed the attack')).toContain('Brigada-22');
    expect(cued('a smaller Telegram channel operating under the name Volk Brigade claimed the defacement')).toContain('Volk Brigade');
    expect(cued('Keksec, a group also reported under the name Kestrel Lynx, runs botnets')).toContain('Kestrel Lynx');
    expect(cued('a new affiliate program whose members call themselves Kotel, and a broker')).toContain('Kotel');
    expect(cued('we could not link this activity to any known group, so we have decided to name it Gavran.')).toContain('Gavran');
    expect(cued('Public reporting refers to the same actor as Gannet.')).toContain('Gannet');
    // A name with a letter of a Latin alphabet's accents: "Carcará".
    expect(cued('The campaign links to Carcará, a Brazilian-speaking financially motivated group.')).toEqual(['Carcará']);
    // A team that does something, or a team of traffers; not a vendor's research or response team.
    expect(cued('Kolos88 is an older team that previously distributed Vidar. Barsuk is a team of traffers.')).toEqual([
      'Kolos88',
      'Barsuk',
    ]);
    expect(cued('Foobar is a research team that studies malware; Quux is a small IT team that helps.')).toEqual([]);
    // A plural group noun and a closed list of names in commas, not a speaker.
    expect(cued('Two smaller hacktivist collectives, Baikonur and Ratnik-17, emerged.')).toEqual(['Baikonur', 'Ratnik-17']);
    expect(cued('The groups, Microsoft said, and others; the gangs, Kaspersky and ESET agree, grew.')).toEqual([]);
    // A counted plural group noun, what they did, and the names that open the list; the last item may be none.
    expect(
      cued('we describe three crews that have claimed attacks against Spanish targets, Chernozem, Ussuri Team and a smaller group'),
    ).toEqual(['Chernozem', 'Ussuri Team']);
    expect(cued('Two groups, Aster and Birch, and others.')).toEqual(['Aster', 'Birch']);
    expect(cued('three groups that hit banks, and then some, rested')).toEqual([]);
    // An indefinite group noun and the name in commas after it, not a speaker.
    expect(cued('A newer group, Sokolniki, has built a DDoS network.')).toContain('Sokolniki');
    expect(cued('Another hacktivist collective, Dozor Nord, claimed it.')).toContain('Dozor Nord');
    expect(cued('A group, Kestrel said, was small; a group from Minsk, Belarus, was not.')).toEqual([]);
    // A Romance language's lower-case "of" inside the name, not a lower-case word after it.
    expect(cued('The operators, who call themselves Bonde do PIX in a Telegram channel, cash out.')).toContain('Bonde do PIX');
    expect(cued('A crew calling itself Tropa da Sombra posted it.')).toContain('Tropa da Sombra');
    expect(cued('A crew calling itself Rapina de facto runs it.')).toContain('Rapina');
    // Not across a sentence end, and not a program calling itself something.
    expect(cued('The group struck. The packer calls itself Ghost.')).not.toContain('Ghost');
    expect(cued('A user going by the name Silver Lynx posted it.')).toEqual([]);
  });
  it('makes a listed ransomware the gang where a group gives itself its name: "a gang going by the name Hunters International"', () => {
    const finder = createEntityFinder(threatActors(), software());
    for (const text of [
      'A gang going by the name Hunters International struck.',
      'Hackers calling themselves Hunters International struck.',
    ]) {
      expect(at(strongActorCue, text, 'Hunters International')).toBe(true);
      const found = finder.findEntities(text);
      expect(found.map((e) => [e.kind, e.name])).toEqual([['threat-actor', 'Hunters International']]);
    }
  });
  it('takes "X, an actor that we have followed" (an actor followed by that, which or we), not "X, an actor who starred"', () => {
    expect(cued('a relation with DuskHarbor, an actor that we have followed since 2020')).toContain('DuskHarbor');
    expect(cued('Tom Hanks, an actor who starred in the film, spoke.')).toEqual([]);
  });
  it('takes a name said to be a group: "X is a ransomware gang", "X, a financially motivated group", "X: one of the newest gangs"', () => {
    expect(cued('We attribute it to Brackwater, a financially motivated intrusion set we have tracked since 2020.')).toContain(
      'Brackwater',
    );
    expect(cued('ThreatLabz tracks its top customer as Driftglass, a cluster targeting traders.')).toContain('Driftglass');
    expect(cued('Zorbo, a cluster of infected routers, grew.')).not.toContain('Zorbo');
    expect(cued('Vexor is a relatively new ransomware gang.')).toContain('Vexor');
    expect(cued('Lorenz, a financially motivated cybercrime group, struck.')).toContain('Lorenz');
    expect(cued('**Zarya:** One of the newest ransomware gangs.')).toContain('Zarya');
    expect(cued('Kinsing was not the only group to do so.')).toContain('Kinsing');
    // A denial is no cue: "ClearFake is not a threat actor but a set of injected scripts".
    expect(cued('ClearFake is not a threat actor but a set of injected scripts.')).not.toContain('ClearFake');
    // Sentence adverbs and phrases that go on past the noun are no names.
    expect(cued('However, the group went quiet.')).toEqual([]);
    expect(cued('Mofang, a backdoor used by the group, beacons.')).not.toContain('Mofang');
  });
  it('takes no time a sentence opens with for a group said to follow it: "Since January, a ransomware gang…", "In March, a new gang…"', () => {
    expect(cued('Since January, a ransomware gang has hit hospitals.')).toEqual([]);
    expect(cued('In March, a new extortion gang calling itself Karakurt began posting.')).toEqual(['Karakurt']);
    expect(cued('On Tuesday, a hacktivist group leaked the files.')).toEqual([]);
  });
  it('takes "X APT" but not "APT groups", a vendor scheme or a describing adjective', () => {
    expect(cued('the Sidewinder APT targets navies')).toContain('Sidewinder');
    expect(cued('Sidewinder APT groups')).not.toContain('Sidewinder');
    expect(cued('a State-sponsored APT struck')).toEqual([]);
    expect(cued('a China-nexus APT struck')).toEqual([]);
  });
  it('takes a ransomware operation for the gang that runs it: "X, a ransomware-as-a-service operation", "the ransomware operation X"', () => {
    expect(cued('Vexor, a ransomware-as-a-service operation, struck.')).toContain('Vexor');
    expect(cued('Vexor ransomware operation claimed it.')).toContain('Vexor');
    const finder = createEntityFinder(threatActors(), software());
    for (const [text, name] of [
      ['The ransomware operation RansomHub, which emerged in February, has claimed 210 victims.', 'RansomHub'],
      ['Hunters International, a ransomware-as-a-service operation, targeted a hospital.', 'Hunters International'],
      ['The Akira ransomware operation listed the victim.', 'Akira'],
    ]) {
      expect(at(strongActorCue, text, name)).toBe(true);
      expect(finder.findEntities(text).map((e) => [e.kind, e.name])).toEqual([['threat-actor', name]]);
    }
    // "Operation X" is a campaign's name, and a ransomware's operation on a host is the program's.
    expect(at(strongActorCue, 'Operation Foo hit banks.', 'Foo')).toBe(false);
    expect(at(strongActorCue, 'the Foo ransomware operates in memory', 'Foo')).toBe(false);
  });
  it('says a group noun after "is a" or in apposition is a cue right at the mention', () => {
    expect(at(strongActorCue, 'Foo is a ransomware gang', 'Foo')).toBe(true);
    expect(at(actorCue, 'Foo, a Russian-speaking group', 'Foo')).toBe(true);
    expect(at(actorCue, 'Foo, the group said', 'Foo')).toBe(false);
    expect(at(actorCue, 'Foo is a tool used by the group', 'Foo')).toBe(false);
  });
});

describe('more ways a text introduces a group (issue 13, held-out error classes)', () => {
  it('takes a name assessed as a group: "we assessed X as a high-capability APT group", not "X as a group policy"', () => {
    expect(cued('We assessed ReconHellcat as a high-capability APT group, like APT28.')).toContain('ReconHellcat');
    expect(cued('Researchers track Velvet Tide as a financially motivated threat actor.')).toContain('Velvet Tide');
    expect(cued('They pushed Defender as a group policy to every host.')).toEqual([]);
  });
  it('takes the gang behind something: "X, the gang behind the attacks", "X, the ransomware group responsible for…"', () => {
    expect(cued('Grief, the gang behind the ransomware attacks, was quiet.')).toContain('Grief');
    expect(cued('Vexor, the ransomware group responsible for the outage, spoke.')).toContain('Vexor');
    expect(at(actorCue, 'Grief, the gang behind the attacks', 'Grief')).toBe(true);
    expect(cued('Dark Angels, the ransomware crew that received a record ransom, rarely encrypts.')).toContain('Dark Angels');
    // What the crew runs is not the crew: "Salamandra Shop, the crew that runs it and the network of sellers".
    expect(cued('one of these venues, Salamandra Shop, the crew that runs it and the sellers')).toEqual([]);
    // Not a group that merely speaks in apposition, nor a company described by a relative clause.
    expect(cued('Foo, the group said, was not involved.')).toEqual([]);
    expect(cued('Microsoft, the company that makes Windows, said so.')).toEqual([]);
  });
  it('keeps a group noun that is part of the name a group gives itself: "refers to itself as Karakurt Team"', () => {
    expect(cued('The group — which refers to itself as Karakurt Team — steals data.')).toContain('Karakurt Team');
    expect(cued('We dubbed the gang Velvet Crew after its lures.')).toContain('Velvet Crew');
    // Elsewhere a group noun still ends no name.
    expect(cued('the Velvet Team group')).toEqual([]);
  });
  it('takes a name written as initials, with its last dot: "the M.O.D. group"', () => {
    const [mod] = findCuedNames('The M.O.D. group attacked the servers.');
    expect(mod).toMatchObject({ text: 'M.O.D.', start: 4, end: 10 });
  });
  it('proposes no industry, sector or department as a group: "the Finance group of the company"', () => {
    expect(cued('The Finance group of the company and the Healthcare sector, a group that was targeted most.')).toEqual([]);
  });
});

describe('a group named with a capitalised group noun (issue 13, unseen names)', () => {
  it('takes "the X Group", "The X Gang", the noun part of the name', () => {
    expect(cued('The Winnti Group is an alleged state-sponsored umbrella organisation.')).toContain('Winnti Group');
    expect(cued('adopted by actors such as the Gorgon Group in 2019')).toContain('Gorgon Group');
    expect(cued('a campaign run by the Quartz Lynx Gang since May')).toContain('Quartz Lynx Gang');
    expect(cued('payments laundered by the Sakura Syndicate for affiliates')).toContain('Sakura Syndicate');
    expect(cued('leaks posted by the Null Tide Collective')).toContain('Null Tide Collective');
    expect(cued('e-mails signed by a self-styled "Bravado Collective" since May')).toContain('Bravado Collective');
    // A name the text defines keeps the group noun it ends in, past a gloss in brackets.
    expect(cued('Kaban Team (“boar team”) is a Russian-speaking crew that rents kits.')).toContain('Kaban Team');
    // A quoted company after "the" is no group's name: 'belongs to the “Prisa Group”'.
    expect(cued('a newspaper that belongs to the “Prisa Group” in Spain')).toEqual([]);
  });
  it('takes "the X Team" only for a name written as initials: "The M.O.D.E.R.N. Team", not a vendor\'s team', () => {
    expect(cued('The M.O.D.E.R.N. Team claimed the attack on Telegram.')).toContain('M.O.D.E.R.N. Team');
    expect(cued('the Microsoft Threat Intelligence Team said')).toEqual([]);
    expect(cued('the Quartz Lynx Team posted')).toEqual([]);
  });
  it('not without "the", not an industry or a department, and not a longer word', () => {
    expect(cued('Winnti Group is back.')).not.toContain('Winnti Group');
    expect(cued('the Finance Group of the company')).toEqual([]);
    expect(cued('the Marble Groups of old')).toEqual([]);
    expect(cued('the Threat Intelligence Group reported')).toEqual([]);
    expect(cued('the Development Group of the vendor')).toEqual([]);
    expect(cued('the Incident Response Group found')).toEqual([]);
  });
});

describe('aliases of a new group given in apposition (issue 13, unseen names)', () => {
  const finder = createEntityFinder([], []);
  it('joins "X (also known as A, B and C)" into one actor when X is a group no list has', () => {
    const text = 'The Winnti Group (also known as Vortex Panda, BARIUM, and Blackfly) is an alleged state-sponsored group behind attacks.';
    const actors = finder.findEntities(text).filter((e) => e.kind === 'threat-actor');
    expect(actors).toHaveLength(1);
    expect(actors[0].mentions.map((m) => m.text)).toEqual(['Winnti Group', 'Vortex Panda', 'BARIUM', 'Blackfly']);
  });
  it('but an abbreviation of something no cue calls a group is nothing', () => {
    const text = 'It loads a Dynamic-Link Library (DLL) named foo. The DLL file is loaded by the malware.';
    expect(finder.findEntities(text).filter((e) => e.kind === 'threat-actor')).toEqual([]);
  });
});

describe('groups named in a list (issue 13, unseen names)', () => {
  it('takes every name after "groups such as", "gangs like", "threat actors including"', () => {
    expect(cued('Ransomware groups such as SamSam and Dharma spread via RDP.')).toEqual(['SamSam', 'Dharma']);
    expect(cued('adopted by threat actors such as TA505, Wizard Spider, or the Gorgon Group in 2019')).toEqual(
      expect.arrayContaining(['TA505', 'Wizard Spider', 'Gorgon Group']),
    );
    expect(cued('gangs like “Quartz Lynx” and Velvet Tide')).toEqual(['Quartz Lynx', 'Velvet Tide']);
  });
  it('stops at the first word that is no name, and needs a plural group noun', () => {
    expect(cued('groups such as SamSam and other crews')).toEqual(['SamSam']);
    expect(cued('tools such as Mimikatz and PsExec')).toEqual([]);
    expect(cued('a group such as Vortexa')).toEqual([]);
  });
});
