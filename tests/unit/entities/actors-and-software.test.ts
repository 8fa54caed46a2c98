import { describe, expect, it } from 'vitest';
import { extractArticle } from '@/lib/article/extract-article';
import { createEntityFinder } from '@/lib/entities/actors-and-software';
import { fixtureDocument } from '../../support/load-html';
import { software, threatActors } from './shared-data';

const finder = createEntityFinder(threatActors(), software());
const actorsIn = (text: string) => finder.findEntities(text).filter((e) => e.kind === 'threat-actor');

describe('findEntities', () => {
  it('groups every name of one actor under its canonical name', () => {
    const text = 'Octo Tempest, also known as UNC3944 or Scattered Spider, and again octo tempest.';
    const [actor, ...rest] = actorsIn(text);
    expect(rest).toEqual([]);
    expect(actor).toMatchObject({ kind: 'threat-actor', name: 'Octo Tempest', canonical: 'Scattered Spider' });
    expect(actor.mentions.map((m) => m.text)).toEqual(['Octo Tempest', 'UNC3944', 'Scattered Spider', 'octo tempest']);
    for (const m of actor.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
  it('does not take the Cobalt group out of Cobalt Strike', () => {
    expect(actorsIn('They deployed Cobalt Strike beacons.')).toEqual([]);
  });
  it('reports names no list has yet from vendor schemes', () => {
    const [actor] = actorsIn('Microsoft Threat Intelligence tracks this actor as Storm-9999.');
    expect(actor).toMatchObject({ name: 'Storm-9999', canonical: 'Storm-9999', aliases: [] });
  });
  it('resolves a spaced scheme name to the listed spelling', () => {
    expect(actorsIn('APT 28 phishing')[0]).toMatchObject({ name: 'APT 28', canonical: 'APT28' });
  });
});

describe('names listed with actors', () => {
  it('finds a name no list has in a list of actors, and wherever the text writes it again', () => {
    const text = 'A newer group, Sokolniki, appeared. Watch Killnet, Sokolniki, NoName057(16) and Dozor-41. Dozor-41 rebranded.';
    const dozor = finder.findEntities(text).find((e) => e.name === 'Dozor-41');
    expect(dozor?.kind).toBe('threat-actor');
    expect(dozor?.mentions.map((m) => m.start)).toEqual([text.indexOf('Dozor-41'), text.lastIndexOf('Dozor-41')]);
    expect(finder.findEntities('It steals from Foxmail and Zorbo.').map((e) => e.name)).not.toContain('Zorbo');
  });
});

describe('names that are both actor and software', () => {
  it('follows the words right around the mention where the text does not confirm the group', () => {
    // "named X" is a loose actor cue: it does not make every Winnti the group (see "one sense per text").
    const entities = finder.findEntities('The report named Winnti; a new Winnti sample hit the company.');
    expect(entities.map((e) => [e.kind, e.mentions.map((m) => m.text)])).toEqual([
      ['threat-actor', ['Winnti']],
      ['malware', ['Winnti']],
    ]);
  });
  it('makes a name the group where the text gives it another name only a group has: "Turla, also known as Venomous Bear"', () => {
    // Turla is also listed as malware (an alias of Uroburos); Venomous Bear only as the group.
    const entities = finder.findEntities('Turla, also known as Venomous Bear, deployed Kazuar. Turla struck again.');
    expect(entities.map((e) => [e.kind, e.canonical, e.mentions.map((m) => m.text)])).toEqual([
      ['threat-actor', 'Turla', ['Turla', 'Venomous Bear', 'Turla']],
      ['malware', 'Kazuar', ['Kazuar']],
    ]);
  });
  it('makes a name the group on a tie where only the group list has it as a record’s own name (Turla, one of Uroburos’s names)', () => {
    const entities = finder.findEntities(
      'Some researchers have linked this activity to Turla; what has been published about Turla differs.',
    );
    expect(entities.map((e) => [e.kind, e.canonical, e.mentions.map((m) => m.text)])).toEqual([
      ['threat-actor', 'Turla', ['Turla', 'Turla']],
    ]);
    // Software where the words around it say so.
    expect(finder.findEntities('A new Turla sample was found.').map((e) => e.kind)).toEqual(['malware']);
  });
  it('takes an abbreviation for a name only where it spells the name whole: "Turla Driver Loader (TDL)" is none of Turla’s', () => {
    const entities = finder.findEntities('The driver allows the Turla Driver Loader (TDL) technique. TDL loads unsigned drivers.');
    expect(entities.flatMap((e) => e.mentions.map((m) => m.text))).not.toContain('TDL');
    const [lazarus] = actorsIn('The Lazarus Group (LG) struck. LG returned.');
    expect(lazarus.mentions.map((m) => m.text)).toEqual(['Lazarus Group', 'LG', 'LG']);
  });
  it('makes software followed by gang the group named after it, known by the family’s names', () => {
    const [gang, ...rest] = actorsIn('Use of the Buer loader by the TrickBot gang is no surprise.');
    expect(rest).toEqual([]);
    expect(gang).toMatchObject({ name: 'TrickBot gang', canonical: 'TrickBot', foundBy: { rules: { family: true } } });
    expect(gang.aliases).toContain('Trickster');
  });
  it('makes a ransomware name its gang where group nouns say so', () => {
    const text =
      'DarkSide affiliates breached the firm. DarkSide operators asked for money. DarkSide’s developer spoke. DarkSide went quiet.';
    const [gang] = actorsIn(text);
    expect(gang.mentions.map((m) => m.text)).toEqual(['DarkSide', 'DarkSide', 'DarkSide', 'DarkSide']);
    expect(actorsIn('The attackers deployed DarkSide ransomware.')).toEqual([]);
  });
  it('makes a ransomware name the gang after "affiliates of": "Affiliates of BlackCat moved on"', () => {
    expect(actorsIn('Affiliates of REvil moved to other programmes.').map((e) => e.canonical)).toEqual(['REvil']);
  });
  it('makes a ransomware name the gang after "worked for", "affiliated with" and "members of": one works for people', () => {
    expect(actorsIn('Its developers previously worked for REvil.').map((e) => e.canonical)).toEqual(['REvil']);
    expect(actorsIn('The broker was affiliated with LockBit until May.').map((e) => e.canonical)).toEqual(['LockBit']);
    expect(actorsIn('Two members of Conti were named.').map((e) => e.canonical)).toEqual(['Conti']);
    // Not where the words after the name call it software.
    expect(actorsIn('He worked for REvil ransomware builds as a tester.')).toEqual([]);
  });
  it('makes a gang known by several of its ransomware’s names one actor, under the family’s name', () => {
    const text =
      'The REvil/Sodinokibi ransomware gang claimed the attack. REvil affiliates stole the data; Sodinokibi operators leaked it.';
    const [gang, ...rest] = actorsIn(text);
    expect(rest).toEqual([]);
    expect(gang).toMatchObject({ name: 'REvil', canonical: 'REvil' });
    expect(gang.aliases).toEqual(expect.arrayContaining(['Sodin', 'Sodinokibi']));
    expect(gang.mentions.map((m) => m.text)).toEqual(['REvil', 'Sodinokibi', 'REvil', 'Sodinokibi']);
    // The software keeps its own entity where the text means the program.
    const malware = finder.findEntities(`${text} The Sodinokibi encryptor ran on ESXi.`).filter((e) => e.kind === 'malware');
    expect(malware.map((e) => [e.canonical, e.mentions.length])).toEqual([['REvil', 1]]);
  });
  it('makes a ransomware’s name given as the gang’s other name the gang: "The gang, also known as Noberus"', () => {
    const text = 'The LockBit ransomware gang claimed the attack. The gang, also known as ABCD, leaked the files.';
    expect(actorsIn(text).map((e) => [e.canonical, e.mentions.map((m) => m.text)])).toEqual([['LockBit', ['LockBit', 'ABCD']]]);
    expect(finder.findEntities(text).filter((e) => e.kind === 'malware')).toEqual([]);
  });
  it('makes such a gang the actor a list files under one of its names with "Gang", "Group" or "Team"', () => {
    // MISP's galaxy has CrowdStrike's Alpha Spider as "ALPHV Ransomware Group", and TA2101 as "Maze Team".
    const text = 'The ALPHV/BlackCat ransomware gang claimed the attack. ALPHV affiliates stole the data; Alpha Spider leaked it.';
    const [gang, ...rest] = actorsIn(text);
    expect(rest).toEqual([]);
    expect(gang).toMatchObject({ name: 'ALPHV', canonical: 'Alpha Spider', foundBy: { rules: { family: true } } });
    expect(gang.aliases).toEqual(['ALPHV Ransomware Group', 'BlackCat', 'ALPHV', 'Noberus']);
    expect(gang.mentions.map((m) => m.text)).toEqual(['ALPHV', 'BlackCat', 'ALPHV', 'Alpha Spider']);
    expect(actorsIn('The Maze gang leaked the files.')).toMatchObject([{ name: 'Maze gang', canonical: 'TA2101' }]);
    const malware = finder.findEntities(`${text} The BlackCat encryptor ran on ESXi.`).filter((e) => e.kind === 'malware');
    expect(malware.map((e) => [e.canonical, e.mentions.length])).toEqual([['BlackCat', 1]]);
  });
  it('makes "X ransomware gang", "X ransomware operators" the gang, not the ransomware (issue 13)', () => {
    const text = 'The DarkSide ransomware gang claimed it. DarkSide ransomware operators asked for money.';
    expect(actorsIn(text).flatMap((e) => e.mentions.map((m) => m.text))).toEqual(['DarkSide', 'DarkSide']);
    expect(finder.findEntities(text).filter((e) => e.kind === 'malware')).toEqual([]);
  });
  it('makes a ransomware name the gang where the text calls it one first: "the ransomware gang LockBit" (issue 13)', () => {
    const text = 'The ransomware gang LockBit bought the access. A cybercrime group Conti followed. Later LockBit encrypted the files.';
    // The gang at the mention the text calls it one; the ransomware where it encrypts.
    expect(actorsIn(text).flatMap((e) => e.mentions.map((m) => m.text))).toEqual(['LockBit', 'Conti']);
    const malware = finder.findEntities(text).filter((e) => e.kind === 'malware');
    expect(malware.flatMap((e) => e.mentions.map((m) => text.slice(m.start - 6, m.end)))).toEqual(['Later LockBit']);
  });
  it('makes a ransomware name that is also an ordinary word the gang where a group noun is right at it: "the Hive gang"', () => {
    const mentions = (text: string) => actorsIn(text).flatMap((e) => e.mentions.map((m) => m.text));
    expect(mentions('The Hive gang leaked the data, and Hive affiliates deployed the ransomware.')).toEqual(['Hive gang', 'Hive']);
    // Not a stop word listed as ransomware ("One", "Russian").
    expect(mentions('One group struck; a Russian group followed with phishing.')).toEqual([]);
  });
});

describe('threat actors: not a company', () => {
  it('drops a name no list has that the text calls a company: "the Carlyle Group, the private equity firm"', () => {
    const text = 'Hackers breached the Carlyle Group, the private equity firm. The Carlyle Group said data was stolen.';
    expect(actorsIn(text)).toEqual([]);
    // A listed group described as anything is still the group; an unlisted one described as a gang too.
    expect(actorsIn('The Lazarus Group, a North Korean hacking group, stole crypto.').map((e) => e.canonical)).toEqual(['Lazarus Group']);
    expect(actorsIn('The Foo Group, the ransomware operator, leaked data.').map((e) => e.canonical)).toEqual(['Foo Group']);
  });
});

describe('threat actors: rules', () => {
  it('gives the ATT&CK id and lists every candidate of an ambiguous name, the chosen one first', () => {
    expect(actorsIn('Octo Tempest struck.')[0]).toMatchObject({ canonical: 'Scattered Spider', attackId: 'G1015' });
    const [labyrinth] = actorsIn('LABYRINTH CHOLLIMA was busy.');
    expect(labyrinth.candidates?.length).toBeGreaterThan(1);
    expect(labyrinth.candidates).toContain('Lazarus Group');
    expect(labyrinth.candidates?.[0]).toBe(labyrinth.canonical);
  });
  it('takes an actor listed with capitals, which ransomlook also lists as a lower-case slug, as the actor on a tie', () => {
    expect(actorsIn('Some researchers link the campaign to ShinyHunters because of shared channels.')[0]).toMatchObject({
      canonical: 'ShinyHunters',
    });
  });
  it('needs threat context for weak names', () => {
    expect(actorsIn('Gas flows from the Leviathan gas reserves to Europe.')).toEqual([]);
    expect(actorsIn('The Leviathan group targeted ports. Later Leviathan used web shells.')[0].mentions).toHaveLength(2);
  });
  it('lets a strong name of the same actor license its weak names', () => {
    const [cobalt] = actorsIn('The Cobalt Group returned. In May Cobalt struck banks.');
    expect(cobalt.mentions.map((m) => m.text)).toEqual(['Cobalt Group', 'Cobalt']);
  });
  it('takes a listed ordinary word written in capitals inside ordinary prose as the name: "HAFNIUM exploited Exchange"', () => {
    expect(actorsIn('HAFNIUM exploited Exchange servers in 2021.').map((e) => e.canonical)).toEqual(['HAFNIUM']);
    // Not where every word is in capitals, nor inside a code token.
    expect(actorsIn('HAFNIUM AND THE EXCHANGE SERVERS')).toEqual([]);
    expect(finder.findEntities('invoked with the SERVICE\\_CONTROL\\_STOP control code to stop the service')).toEqual([]);
  });
  it('ignores single-word names written in lower case', () => {
    expect(actorsIn('the wirteFile call and a copy-paste job')).toEqual([]);
  });
  it('matches capitals-only names in capitals only', () => {
    expect(actorsIn('Stealing Electrum wallet data')).toEqual([]);
    expect(actorsIn('Dragos tracks ELECTRUM.')[0]).toMatchObject({ canonical: 'Sandworm Team' });
  });
  it('leaves a lower-case group noun out of the name', () => {
    expect(actorsIn('the Winnti group struck')[0].mentions[0].text).toBe('Winnti');
    expect(actorsIn('the Winnti Group struck')[0].mentions[0].text).toBe('Winnti Group');
  });
  it('takes a company named like an actor for the company: "Alibaba Cloud", "Foo Technologies" (issue 13)', () => {
    const text = 'The address belongs to Alibaba Cloud. Later the Alibaba group struck with phishing.';
    expect(actorsIn(text).flatMap((e) => e.mentions.map((m) => text.slice(m.start, m.end + 6)))).toEqual(['Alibaba group']);
  });
  it('keeps the lower-case group noun where the name is an ordinary word: "the Cobalt group"', () => {
    expect(actorsIn('Attacks attributed to the Cobalt group hit banks.')[0].mentions[0].text).toBe('Cobalt group');
  });
  it('does not take a vendor-scheme name out of a software name', () => {
    expect(actorsIn('The threat actor sold Encrypted Taurus Stealer builds.')).toEqual([]);
  });
  it('finds a name no list has from context, then everywhere in the text', () => {
    const text = 'Researchers found an APT group named “NewHellcat”. Later, NewHellcat used lures. NewHellcat is busy.';
    const [actor] = actorsIn(text);
    expect(actor).toMatchObject({ name: 'NewHellcat', canonical: 'NewHellcat', aliases: [] });
    expect(actor.mentions).toHaveLength(3);
  });
  it('joins an alias given in apposition to the actor it names', () => {
    const [chickens] = actorsIn('The Golden Chickens (GC) threat actors struck. GC campaigns used more_eggs.');
    expect(chickens.mentions.map((m) => m.text)).toEqual(['Golden Chickens', 'GC', 'GC']);
    const [levi] = actorsIn('Leviathan, also known as TEMP, Periscope or Kryptonite Panda, hit ports.');
    expect(levi.mentions.map((m) => m.text)).toEqual(expect.arrayContaining(['Leviathan', 'TEMP', 'Periscope']));
  });
  it('joins names no list has to a name a vendor scheme makes: "TA9999 (also known as Velvet Heron)"', () => {
    const [ta] = actorsIn('Proofpoint tracks TA9999 (also known as Velvet Heron or FIN99) in phishing campaigns.');
    expect(ta).toMatchObject({ name: 'TA9999' });
    expect(ta.mentions.map((m) => m.text)).toEqual(['TA9999', 'Velvet Heron', 'FIN99']);
    const [panda] = actorsIn('The RootKit module of ZxShell RAT used by Vexing Panda (APT99) has a new sample; threat actors love it.');
    expect(panda.mentions.map((m) => m.text)).toEqual(['Vexing Panda', 'APT99']);
  });
  it('keeps a scheme name a group noun follows, whatever the words before it ("the samples of the “X Panda” group")', () => {
    const text = 'Threat actors struck. The samples coincide with the samples of the “Vexing Panda” group analysed before.';
    expect(actorsIn(text).map((e) => e.name)).toEqual(['Vexing Panda']);
  });
  it('drops an abbreviation of something that is not an actor', () => {
    expect(actorsIn('A Cloud Access Security Broker (CASB) stops the threat actor traffic.')).toEqual([]);
  });
});

describe('the Storm-1152 article', () => {
  const article = extractArticle(fixtureDocument('storm-1152.html'));
  const entities = finder.findEntities(article.textContent);
  const actors = entities.filter((e) => e.kind === 'threat-actor');

  it('finds Storm-1152 17 times, at the right offsets', () => {
    const storm = actors.find((e) => e.canonical === 'Storm-1152');
    expect(storm?.mentions).toHaveLength(17);
    for (const m of storm!.mentions) expect(article.textContent.slice(m.start, m.end)).toBe('Storm-1152');
  });
  it('resolves Octo Tempest (named in two adjacent sentences) to Scattered Spider and its other names', () => {
    const scattered = actors.find((e) => e.canonical === 'Scattered Spider');
    expect(scattered?.mentions.map((m) => m.text)).toEqual(['Octo Tempest', 'Octo Tempest']);
    expect(scattered?.aliases).toEqual(expect.arrayContaining(['Octo Tempest', 'UNC3944', 'Muddled Libra', '0ktapus']));
  });
  it('finds no other threat actor', () => {
    expect(actors.map((e) => e.canonical).sort()).toEqual(['Scattered Spider', 'Storm-1152']);
  });
});

describe('one sense per text for a name that is both a group and software (issue 13)', () => {
  const kindsOf = (text: string, name: string) =>
    finder
      .findEntities(text)
      .filter((e) => e.mentions.some((m) => m.text === name))
      .map((e) => e.kind);
  it('makes every Winnti a mention of the group in a text that confirms the group at one of them', () => {
    const text = 'Winnti operators struck again. We found a new Winnti sample on a public scanner. Winnti signed it.';
    expect(kindsOf(text, 'Winnti')).toEqual(['threat-actor']);
  });
  it('keeps Winnti the malware where nothing in the text makes it the group', () => {
    expect(kindsOf('We found a new Winnti sample on a public scanner.', 'Winnti')).toEqual(['malware']);
  });
  it("leaves software an actor's other name that the words right there call software, where other names confirmed the actor", () => {
    // Snake is a name of Turla and of its rootkit (Uroburos): "Turla, also known as Venomous Bear" confirms Turla, not Snake.
    const text = 'Turla, also known as Venomous Bear, is active. Its toolset includes Kazuar and the Snake rootkit.';
    expect(kindsOf(text, 'Snake')).toEqual(['malware']);
    // A group noun right at one of its own mentions still confirms the name itself.
    expect(kindsOf('Snake operators struck again. Turla, also known as Venomous Bear, used the Snake rootkit.', 'Snake')).toEqual([
      'threat-actor',
    ]);
  });
  it('makes a listed group\'s name the software a naming verb gives it here, at every mention: "a Go loader the developers named Pickaxe"', () => {
    const text = 'Mining is configured by a Go loader the developers named Pickaxe. Pickaxe checks for competing miners.';
    expect(kindsOf(text, 'Pickaxe')).toEqual(['malware']);
    // Not a vendor scheme's name, whatever the sentence says, nor a name a strong cue makes a group elsewhere.
    expect(kindsOf('The operators behind the botnet, tracked by Proofpoint as TA542, returned.', 'TA542')).toEqual(['threat-actor']);
  });
  it('resolves an ambiguous family name to the family the lists give the name of an actor the text names', () => {
    const snake = (text: string) => finder.findEntities(text).find((e) => e.mentions.some((m) => m.text === 'Snake'));
    expect(snake('Turla used the Snake rootkit.')).toMatchObject({ kind: 'malware', canonical: 'Uroburos' });
    expect(snake('The Snake ransomware encrypted the network.')).toMatchObject({ kind: 'malware', canonical: 'Snake Ransomware' });
  });
});
