import { describe, expect, it } from 'vitest';
import { calledMalware, findCuedSoftware } from '@/lib/entities/software-cues';

/** Proposed names as `start-end text`, in text order. */
const cued = (text: string) => findCuedSoftware(text).map((c) => `${c.start}-${c.end} ${c.text}`);

describe('malware names proposed by a software noun after them', () => {
  it('proposes a name-like word right before malware, RAT, loader, backdoor, stealer, trojan, ransomware, botnet, implant, dropper or downloader', () => {
    expect(cued('The Zorbo malware spread. Then Zorbo hid.')).toEqual(['4-9 Zorbo']);
    expect(cued('It dropped the FooRun loader and a Qix2 backdoor; FooRun ran.')).toEqual(['15-21 FooRun', '35-39 Qix2']);
    expect(cued('a zorboLoad stealer, a M00nF00 trojan; zorboLoad')).toEqual(['2-11 zorboLoad', '23-30 M00nF00']);
    expect(cued('an Xa9 botnet, an Xa9 implant, an Xa9 dropper, an Xa9 downloader, Xa9 ransomware')).toHaveLength(5);
    // Not a hash, nor a hash's name, in a table's type column.
    expect(cued('0d71e6c2fb9a4e35b1c8a07e92d3f6a4 RAT sample; 3b7c91e0d2a84f56 SHA256 Downloader DLL')).toEqual([]);
  });
  it('proposes a camel-case name glued to its noun: "SumacRAT", "MiraStealer", "HopLoader"; not a word ("Bootloader", "RATs")', () => {
    expect(cued('The payload is SumacRAT. MiraStealer and HopLoader follow.').map((c) => c.split(' ')[1])).toEqual([
      'SumacRAT',
      'MiraStealer',
      'HopLoader',
    ]);
    expect(cued('A Bootloader, two RATs and a UEFILoader ran.')).toEqual([]);
  });
  it('reads what it is written as between the name and the noun: "the Oarlock DLL loader", "the Spindrift JavaScript loader"', () => {
    expect(cued('the Spindrift JavaScript loader, the Oarlock DLL loader').map((c) => c.split(' ')[1])).toEqual(['Spindrift', 'Oarlock']);
  });
  it('reads one word of what kind between the name and the noun: "Mekotio banking trojan", "Zorbo information stealer"', () => {
    expect(cued('The Mekotio banking trojan steals credentials.')).toEqual(['4-11 Mekotio']);
    expect(cued('The Zorbo information stealer was seen. The Zorbo information stealer ran.')).toEqual(['4-9 Zorbo', '44-49 Zorbo']);
    expect(cued('a Qix2 remote access trojan')).toEqual(['2-6 Qix2']);
  });
  it('leaves the noun outside the name when the text also writes the name alone', () => {
    expect(cued('The Zorbo RAT was seen. Zorbo also steals files.')).toEqual(['4-9 Zorbo']);
  });
  it('takes the noun into the name when the text never writes the name without it', () => {
    expect(cued('The Zorbo RAT was seen. The Zorbo RAT steals files.')).toEqual(['4-13 Zorbo RAT', '28-37 Zorbo RAT']);
    // Only RAT, Stealer and Loader read as part of a name; "malware" never does.
    expect(cued('The Zorbo malware was seen.')).toEqual(['4-9 Zorbo']);
    // A name that already ends with the noun takes it no second time ("SmokeLoader Loader" in a table row).
    expect(cued('It pushed SmokeZorbLoader Loader 18% of the time.')).toEqual(['10-25 SmokeZorbLoader']);
    expect(cued('the Moorzorb DDoS botnet grew. Moorzorb did too.')).toEqual(['4-12 Moorzorb']);
  });
  it('does not propose a gang or a victim: X ransomware gang, operators, attack', () => {
    expect(cued('The Zorbo ransomware gang hit Acmeco. The Acmeco ransomware attack was costly.')).toEqual([]);
  });
});

describe('malware names proposed by a software noun before them', () => {
  it('a loader dubbed X, malware called X, a backdoor named X, a malware family known as X', () => {
    expect(cued('a new loader dubbed ReflectFoo; malware called “Zorbo”')).toEqual(['20-30 ReflectFoo', '48-53 Zorbo']);
    expect(cued('a backdoor that researchers named Qix2.')).toEqual(['34-38 Qix2']);
  });
  it('their encryptor, which the operators call X: a present-tense naming verb after "that" or "which"', () => {
    expect(cued('Their encryptor, which the operators call NoxLock, is written in Rust.')).toEqual(['42-49 NoxLock']);
    expect(cued('a locker that they name ZedLock')).toEqual(['24-31 ZedLock']);
    expect(cued('a web shell, which Microsoft named ChopLite')).toEqual(['35-43 ChopLite']);
    // Without "that" or "which", a present-tense verb is no naming: "the malware names Windows files".
    expect(cued('the malware names Windows files')).toEqual([]);
  });
  it('calling this new variant X, dubbed this variant X', () => {
    expect(cued('Acme is calling this new variant RustyFoo.')).toEqual(['33-41 RustyFoo']);
    expect(cued('Acme dubbed this variant RustyFoo.')).toEqual(['25-33 RustyFoo']);
  });
  it('the actor named the product X; its developer internally named it X (whoever writes it names software)', () => {
    expect(cued('The actor named the product Gildspin and pitched it.')).toEqual(['28-36 Gildspin']);
    expect(cued('Its developer internally named it Khamsin.')).toEqual(['34-41 Khamsin']);
    expect(cued('Its developers named it SkyBridge.')).toEqual(['24-33 SkyBridge']);
    // A group names no software by naming "it": "the operators named it Hexa" could be their campaign.
    expect(cued('The operators named it Hexa.')).toEqual([]);
  });
  it('software sold or described under a name: "a loader sold on the Exploit forum under the name X", "a clipper the buyer referred to only as X"', () => {
    expect(cued('an offering that its developer markets under the name CopperStitch')).toEqual(['54-66 CopperStitch']);
    expect(cued('a loader sold on the Exploit forum under the name Hatchet64 to deploy')).toEqual(['50-59 Hatchet64']);
    expect(cued('a PlugX variant very similar to the one that ESET described in March 2022 with the name Hodur.')).toEqual(['88-93 Hodur']);
    expect(cued('a clipper the buyer referred to only as Saltmarsh, which swapped wallets')).toEqual(['40-49 Saltmarsh']);
    // Not past the sentence, nor without a software noun before it.
    expect(cued('a loader was sold. Under the name Hatchet64 the actor posted.')).toEqual([]);
    expect(cued('an actor posting under the name Hatchet64')).toEqual([]);
    expect(cued('Gullwing is promoted on two forums under the name WingBank.')).toEqual(['50-58 WingBank']);
    expect(cued('Gullwing is promoted on two forums. Under the name WingBank, it')).toEqual([]);
  });
  it('a trojan that names itself X, a loader that FBI refers to as X', () => {
    expect(cued('a .NET remote access trojan that names itself Cinder.RAT in its metadata')).toEqual(['46-56 Cinder.RAT']);
    expect(cued('a custom loader that FBI refers to as GlassMoth')).toEqual(['38-47 GlassMoth']);
  });
  it('a packer (or other software) that calls itself X, within the sentence', () => {
    expect(cued('a malware packer written in C++ that calls itself *DarkFoo*.')).toEqual(['51-58 DarkFoo']);
    expect(cued('A packer was seen. The author calls itself Zorbo.')).toEqual([]);
  });
  it('the backdoor, X, in apposition', () => {
    expect(cued('They installed the backdoor, Qix2, on hosts.')).toEqual(['29-33 Qix2']);
  });
  it('a loader we call X, malware we track as X', () => {
    expect(cued('a previously undocumented loader we call FerrousLoad.')).toEqual(['41-52 FerrousLoad']);
    expect(cued('malware we track as Qix2')).toEqual(['20-24 Qix2']);
  });
  it('X is a loader, X was a previously undocumented backdoor: a definition, up to three words before the noun', () => {
    expect(cued('FerrousLoad is a loader written in Rust.')).toEqual(['0-11 FerrousLoad']);
    expect(cued('Qix2 was a previously undocumented backdoor.')).toEqual(['0-4 Qix2']);
    // An alias in brackets between the name and its definition.
    // (The alias, a camel-case name glued to its noun, is proposed by its shape.)
    expect(cued('Mira.Grab (also known as MiraStealer) is a relatively new information stealer.')).toEqual([
      '0-9 Mira.Grab',
      '25-36 MiraStealer',
    ]);
    // An apposition before the verb: "A third offering, Sector9, is a botnet-as-a-service".
    expect(cued('A third offering, Sector9, is a botnet-as-a-service.')).toEqual(['18-25 Sector9']);
    // Not a pronoun, a descriptive word, nor a noun that is no software's ("TA4821 is a financially motivated actor").
    expect(cued('It is a loader. This is a new stealer. Stealer is a malware. TA4821 is a financially motivated actor.')).toEqual([]);
    expect(cued('Qix2 is a very old and rarely seen backdoor.')).toEqual([]);
    // …and in apposition: "X, a stealer that…".
    expect(cued('It downloads GammaSteel, a stealer that the group has used since 2023.')).toEqual(['13-23 GammaSteel']);
    // No preposition among the words before the noun: a phrase, not a kind of software.
    expect(cued('the impact of the war in Ukraine, a stable level of ransomware activity')).toEqual([]);
    expect(cued('exits if it matches Kazakh or Armenian, a common behavior among stealers')).toEqual([]);
  });
  it('names worms, wipers, rootkits, infostealers and spyware as it names loaders', () => {
    expect(cued('the group spread a new USB worm, which we call LiteDrive, to drives')).toEqual(['47-56 LiteDrive']);
    expect(cued('the HermeticWiper wiper and a rootkit dubbed Qix2')).toEqual(['4-17 HermeticWiper', '45-49 Qix2']);
  });
  it('stealers such as A, B and C; malware such as X; ransomware families like A or B: every name in the list', () => {
    expect(cued('commodity information stealers such as RedLine, Raccoon and Vidar.')).toEqual([
      '39-46 RedLine',
      '48-55 Raccoon',
      '60-65 Vidar',
    ]);
    expect(cued('credentials harvested by malware such as Zorbo are sold')).toEqual(['41-46 Zorbo']);
    expect(cued('ransomware families like NoxLock or ZedLock')).toEqual(['25-32 NoxLock', '36-43 ZedLock']);
    expect(cued('banking families such as Grandoreiro, Zorbo and Casbaneiro')).toEqual([
      '25-36 Grandoreiro',
      '38-43 Zorbo',
      '48-58 Casbaneiro',
    ]);
  });
  it('takes the name set off after an encryptor or a locker: "a custom encryptor, NightjarLocker, and"', () => {
    expect(cued('The group deploys a custom encryptor, NightjarLocker, and a leak site.')).toEqual(['38-52 NightjarLocker']);
    expect(cued('The crew emerged with a Windows encryptor, Glacis, that shares code.')).toEqual(['43-49 Glacis']);
    expect(cued('The actor installed a lightweight tunneling implant, PinholeProxy, on routers.')).toEqual(['53-65 PinholeProxy']);
    expect(cued('The group hands out a simple DDoS bot, Tarakan, to volunteers.')).toEqual(['39-46 Tarakan']);
    // A bot named before a name is no apposition of it: "the Discord bot, Clyde," names no malware.
    expect(cued('They used the Discord bot, Clyde, to post.')).toEqual([]);
  });
  it('reads ".NET" as a describing word: "ThimbleRAT, a .NET remote access trojan"', () => {
    expect(cued('The payload was ThimbleRAT, a .NET remote access trojan that we had not seen.')).toEqual(['16-26 ThimbleRAT']);
  });
  it('takes a launcher, tunneler or uploader only as what defines or is given a name: "LATCHKEY, a lightweight tunneler"', () => {
    expect(cued('It deployed LATCHKEY, a lightweight tunneler, and SLIPNOTE.V2, a script-based launcher.')).toEqual([
      '12-20 LATCHKEY',
      '50-61 SLIPNOTE.V2',
    ]);
    expect(cued('an earlier version of the launcher, which we track as SLIPNOTE, ran')).toEqual(['54-62 SLIPNOTE']);
    expect(cued('the Steam launcher and the Foo tunneler')).toEqual([]);
  });
  it('reads past what the software is written in to its naming clause: "a backdoor written in Go, which we dubbed X"', () => {
    expect(cued('They installed a custom backdoor written in Go, which we dubbed BrineDoor, as a fallback.')).toEqual(['64-73 BrineDoor']);
    expect(cued('a small stager written in Swift, which we call PeachPit')).toEqual(['47-55 PeachPit']);
  });
  it('takes a stager, script or plugin only as what is given a name: "an obfuscated JavaScript that we have called X"', () => {
    expect(cued('The HTA file holds an obfuscated JavaScript that we have called LoomStager.')).toEqual(['64-74 LoomStager']);
    expect(cued('We recovered one of the plugins, which the developers call Tessera.')).toEqual(['59-66 Tessera']);
    expect(cued('the attacker returned with an EDR killer we named HushPuppy')).toEqual(['50-59 HushPuppy']);
    expect(cued('the page downloads a JavaScript file we call Tinderbox')).toEqual(['45-54 Tinderbox']);
    expect(cued('A JavaScript skimmer named Kasse.js ran.')).toEqual(['27-35 Kasse.js']);
    expect(cued('a second version, which we have named Espino.B, and the Kanonada spambot').map((c) => c.split(' ')[1])).toEqual([
      'Espino.B',
      'Kanonada',
    ]);
    expect(cued('KRKN delivered a stealer its author calls Verglas.')).toEqual(['42-49 Verglas']);
    expect(cued('a new modular bot named Cedar.Bot, and later KRKN2, a previously undocumented bot')).toEqual([
      '24-33 Cedar.Bot',
      '45-50 KRKN2',
    ]);
    expect(cued('the Discord bot and the Foo bot')).toEqual([]);
    expect(cued('the Tessera plugin and the Foo script')).toEqual([]);
    expect(cued('it has a module named Kv2TDW4O in the loaders')).toEqual([]);
    expect(cued('The .NET injector, which the developer named HollowPoint, is small.')).toEqual(['45-56 HollowPoint']);
    expect(cued('It is loaded by a small DLL that we call the Garum stager.')).toEqual(['45-50 Garum']);
    // A DDoS client a crew's volunteers run, named by a verb or before its noun; not a customer, not a kind of business.
    expect(cued('volunteers run a custom DDoS client it calls Zvon')).toEqual(['45-49 Zvon']);
    expect(cued('a DDoS client the group calls Molotok; the Kolokol DDoS Client')).toEqual(['30-37 Molotok', '43-50 Kolokol']);
    expect(cued('a client named Acme paid; a similar PPI botnet; a MaaS loader')).toEqual([]);
    // What the crew's own people call a tool of theirs: a BYOVD utility, an encryptor.
    expect(cued('a (BYOVD) utility the administrators call Tollgate; an encryptor the operators call Vitrum')).toEqual([
      '42-50 Tollgate',
      '84-90 Vitrum',
    ]);
    expect(cued('a utility the administrators call Tollgate; the operators call it Vitrum')).toEqual([]);
    // A proxy the operators deploy, named as their module; not an open-source reverse proxy a text names.
    expect(cued('they deploy a Go-based SOCKS5 proxy module we named TinyDrake')).toEqual(['52-61 TinyDrake']);
    expect(cued('an obscure open-source reverse proxy named Gossamer')).toEqual([]);
    expect(cued('we call the Microsoft stager a legitimate one; they named the new loader')).toEqual([]);
    expect(cued('It loads Ironvale, a previously unreported PowerShell-based stager.')).toEqual(['9-17 Ironvale']);
    // A variant of a named family, its name capitalised; not a variant of something described.
    expect(cued('The panel corresponds to Lesnik, a Mirai variant that spreads.')).toEqual(['25-31 Lesnik']);
    // Kits of crime and memory scrapers, defined or named; parts a family's makers or the researchers name.
    const names = (text: string) => cued(text).map((c) => c.split(' ')[1]);
    expect(names('brokered Cajero, an ATM jackpotting kit, and Obmanka, a phishing kit')).toEqual(['Cajero', 'Obmanka']);
    expect(names('pages made by a phishing kit that we call Espejo, and Tally, a POS memory scraper')).toEqual(['Espejo', 'Tally']);
    expect(names('a phishing-as-a-service (PhaaS) offering called Vitrina')).toEqual(['Vitrina']);
    expect(names('A module the developers call "Kassir" hooks it; a component we named Perde')).toEqual(['Kassir', 'Perde']);
    expect(names('a Kubernetes module its developers call Timoni; a custom SOCKS5 proxy, Gefyra, to resell')).toEqual(['Timoni', 'Gefyra']);
    expect(names('the stub is processed by Maska, a crypter service operated by an actor')).toEqual(['Maska']);
    expect(names('it has a module named Kv2TDW4O; a starter kit, Foo, and a web scraper, Bar,')).toEqual([]);
    // A list item that defines a name at the start of its line, a module or a component too; not a label.
    const list = 'Plugins:\nSpecchio: a plugin that captures screens.\n- Bouncer, a traffic-filtering module that drops bots.\n';
    expect(names(`${list}Later, Specchio and Bouncer ran. Delivery: a loader downloads it.`)).toEqual(['Specchio', 'Bouncer']);
    // "webshell" written as one word, as "web shell".
    expect(names('a JSP webshell that ThreatLabz tracks as Pencere')).toEqual(['Pencere']);
    expect(cued('Ferrox, a new variant of the technique, and Quell, a common variant')).toEqual([]);
  });
  it('reads a short clause or a vendor between the noun and its naming words: "The loader that delivers it, which we track as X"', () => {
    expect(cued('The loader that delivers it, which we track as Cinderhook, drops Formbook.')).toEqual(['47-57 Cinderhook']);
    expect(cued('a small downloader Proofpoint calls ZipLoom')).toEqual(['36-43 ZipLoom']);
    expect(cued('a backdoor Mandiant tracks as FOGDOOR')).toEqual(['30-37 FOGDOOR']);
    expect(cued('a small loader Intel 471 calls Brackish')).toEqual(['31-39 Brackish']);
    expect(cued('Ferryman deploys a ransomware family named RuneLock.')).toEqual(['43-51 RuneLock']);
    expect(cued('a commodity loader they refer to as Brimstone')).toEqual(['36-45 Brimstone']);
    expect(cued('a loader that the developers themselves named “Candil”')).toEqual(['47-53 Candil']);
    expect(cued('a custom .NET implant that other researchers have named Qanat')).toEqual(['56-61 Qanat']);
    expect(cued('samples of the loader we now track as SPOOLDRIFT')).toEqual(['38-48 SPOOLDRIFT']);
    expect(cued('some researchers continue to track the family as Tidepull')).toEqual(['49-57 Tidepull']);
    expect(cued('A second-stage Outlook add-in, tracked by us as Thornmail, steals mail.')).toEqual(['48-57 Thornmail']);
  });
  it('ends the list at the first item that is no name, and reads only a plural noun or "malware"', () => {
    expect(cued('loaders such as Zorbo, which the actors sell')).toEqual(['16-21 Zorbo']);
    expect(cued('a loader such as Zorbo')).toEqual([]);
    expect(cued('stealers such as the ones we saw')).toEqual([]);
  });
});

describe('where the text calls a name malware', () => {
  /** Whether the text calls `name` (its first occurrence) malware. */
  const called = (text: string, name: string) => calledMalware(text, text.indexOf(name), text.indexOf(name) + name.length);
  it('a malware noun right after the name, quoted or not: stealer, RAT, loader, backdoor, trojan, worm, spyware…', () => {
    expect(called('Let us look at the Taurus stealer.', 'Taurus')).toBe(true);
    expect(called('the Zorbo RAT', 'Zorbo')).toBe(true);
    expect(called('it deployed “Zorbo” backdoor', 'Zorbo')).toBe(true);
    for (const noun of [
      'loader',
      'trojan',
      'ransomware',
      'botnet',
      'implant',
      'dropper',
      'downloader',
      'infostealer',
      'spyware',
      'worm',
      'malware',
    ]) {
      expect(called(`the Zorbo ${noun} ran`, 'Zorbo')).toBe(true);
    }
  });
  it('"X is a … stealer" or "X, a … RAT" in the same sentence', () => {
    expect(called('Zorbo is a new information stealer sold online.', 'Zorbo')).toBe(true);
    expect(called('Zorbo, a modular backdoor, was seen.', 'Zorbo')).toBe(true);
    expect(called('Zorbo is a PowerShell based reconnaissance tool. The loader ran.', 'Zorbo')).toBe(false);
  });
  it('a malware noun naming it: "a stealer named X", "this RAT, called X"', () => {
    expect(called('this stealer, named Zorbo, is sold', 'Zorbo')).toBe(true);
    expect(called('a RAT called “Zorbo”', 'Zorbo')).toBe(true);
    expect(called('a Go loader the developers named Zorbo', 'Zorbo')).toBe(true);
    expect(called('the Remcos RAT, Zorbo and more', 'Zorbo')).toBe(false);
  });
  it('not a gang, a language or a protocol: "X ransomware gang", "PowerShell backdoor", "FTP stealer"', () => {
    expect(called('the Zorbo ransomware gang', 'Zorbo')).toBe(false);
    expect(called('a PowerShell backdoor', 'PowerShell')).toBe(false);
    expect(called('an FTP stealer', 'FTP')).toBe(false);
    expect(called('Zorbo ran. A RAT was seen.', 'Zorbo')).toBe(false);
  });
});
