/**
 * A made-up but realistic library for benchmarks: pages and highlights as Gloss stores them, from a seeded
 * generator, so every run (and every machine) searches the same text.
 *
 * Quotes are 40–400 characters of threat-report prose: ordinary words, security terms and actor names, a
 * few accented words (so folding has work to do) and some indicators. About 30% of highlights carry a note,
 * most carry one to three tags from a pool of about 200 (some in a second spelling, as people type them),
 * pages come from about 300 sites and four in ten name one to three actors.
 */
import type { PageRecord, AnnotationRecord, HighlightColor } from '../../lib/storage/records';
import { HIGHLIGHT_COLORS } from '../../lib/storage/records';
import { actorKey } from '../../lib/entities/entity-key';

export interface LibraryData {
  pages: PageRecord[];
  annotations: AnnotationRecord[];
}

export interface LibraryDataOptions {
  pages?: number;
  annotations?: number;
  seed?: number;
}

/** sfc32: small, fast and good enough for test data; never Math.random, so runs repeat exactly. */
function seededRandom(seed: number): () => number {
  let a = 0x9e3779b9,
    b = 0x243f6a88,
    c = 0xb7e15162,
    d = seed >>> 0;
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) + t;
    return t / 4294967296;
  };
  for (let i = 0; i < 16; i++) next();
  return next;
}

const WORDS = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an ' +
  'they you were their one all we can her has there been if more when will would who so no out up into do ' +
  'than only other new some could time these two may then first any like now my such make over our even ' +
  'most after also made many before must through back years where much your way well down should because ' +
  'each just those people how too little state good very great world still own see men work long here get ' +
  'both between life being under never day same another know while last might us great old year off come ' +
  'since against go came right used take three attack attacker attackers campaign operators group actor ' +
  'victims victim organisations companies sector government telecom financial healthcare energy access ' +
  'network networks server servers domain domains account accounts password passwords credential ' +
  'credentials session token tokens cloud tenant identity helpdesk support employee employees social ' +
  'engineering phishing spearphishing smishing vishing lure lures email emails message messages link ' +
  'payload payloads loader dropper backdoor implant beacon malware ransomware encryptor extortion leak ' +
  'site data exfiltration exfiltrated stolen theft persistence privilege escalation lateral movement ' +
  'discovery reconnaissance infrastructure command control channel traffic proxy vpn remote desktop tool ' +
  'tools script scripts powershell registry scheduled task service process memory injection evasion ' +
  'defense detection detections analysts researchers report reported observed activity activities ' +
  'cluster overlap overlaps tracked tracks assess assessed confidence moderate high low likely linked ' +
  'affiliate affiliates broker brokers initial foothold vulnerability vulnerabilities exploit exploited ' +
  'exploitation patch patched unpatched zero-day firmware edge device devices appliance appliances ' +
  'mobile sim swapping mfa fatigue push notifications okta azure entra aws vmware esxi hypervisor ' +
  'backup backups wiper destructive espionage intelligence state-sponsored financially motivated'
).split(' ');

const ACCENTED = ['café', 'naïve', 'résumé', 'Zürich', 'São Paulo', 'Malmö', 'façade', 'coöperation', 'Bogotá', 'Kraków'];

const ACTORS = [
  'Scattered Spider',
  'UNC3944',
  'Octo Tempest',
  'Storm-1152',
  'LockBit',
  'ALPHV',
  'BlackCat',
  'APT29',
  'Midnight Blizzard',
  'Cozy Bear',
  'APT28',
  'Fancy Bear',
  'Forest Blizzard',
  'Lazarus Group',
  'Sandworm',
  'Volt Typhoon',
  'Salt Typhoon',
  'FIN7',
  'Cl0p',
  'TA505',
  'Kimsuky',
  'Turla',
  'Charming Kitten',
  'Mustang Panda',
  'Star Blizzard',
  'Storm-0558',
  'LAPSUS$',
  'Black Basta',
  'Royal',
  'Akira',
];

const INDICATORS = ['CVE-2023-4966', 'CVE-2024-3400', 'T1566.002', 'T1078', '185.220.101.4', 'evil-login[.]com', 'hxxps://okta-sso[.]net'];

const TAG_BASES = [
  'phishing',
  'ransomware',
  'initial-access',
  'persistence',
  'exfiltration',
  'credential-theft',
  'mfa',
  'social-engineering',
  'helpdesk',
  'sim-swap',
  'cloud',
  'identity',
  'espionage',
  'extortion',
  'wiper',
  'supply-chain',
  'zero-day',
  'edge-devices',
  'lateral-movement',
  'c2',
  'infostealer',
  'loader',
  'botnet',
  'ddos',
  'hacktivism',
  'financial',
  'healthcare',
  'telecom',
  'energy',
  'government',
  'attribution',
  'ioc',
  'detection',
  'hunting',
  'yara',
  'sigma',
  'todo',
  'follow-up',
  'quote',
  'key-finding',
];

function tagPool(random: () => number): string[] {
  const pool = [...TAG_BASES, ...ACTORS.map((name) => name.replace(/\s+/g, '-'))];
  for (let n = 0; pool.length < 200; n++) pool.push(`${TAG_BASES[n % TAG_BASES.length]}-${2019 + (n % 7)}`);
  // A few second spellings that differ in case only, as people type them: one tag, two labels.
  return pool.map((tag) => (random() < 0.05 ? tag.toUpperCase() : tag));
}

function sitePool(random: () => number): { host: string; name: string | null }[] {
  const parts = ['threat', 'cyber', 'secure', 'intel', 'news', 'labs', 'blog', 'research', 'watch', 'defense', 'net', 'ops'];
  const tlds = ['com', 'net', 'org', 'io', 'co.uk', 'de', 'fr'];
  const sites: { host: string; name: string | null }[] = [];
  for (let i = 0; sites.length < 300; i++) {
    const first = parts[i % parts.length];
    const second = parts[Math.floor(i / parts.length) % parts.length];
    const host = `${random() < 0.3 ? 'www.' : ''}${first}${second}${i}.${tlds[i % tlds.length]}`;
    const name = random() < 0.6 ? `${first[0].toUpperCase()}${first.slice(1)} ${second[0].toUpperCase()}${second.slice(1)}` : null;
    sites.push({ host, name });
  }
  return sites;
}

class TextMaker {
  constructor(readonly random: () => number) {}

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)];
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  word(): string {
    const r = this.random();
    if (r < 0.04) return this.pick(ACTORS);
    if (r < 0.05) return this.pick(INDICATORS);
    if (r < 0.055) return this.pick(ACCENTED);
    return this.pick(WORDS);
  }

  /** Sentences of words, capitalised and stopped, cut to `length` characters at a word boundary. */
  prose(length: number): string {
    let text = '';
    let start = true;
    while (text.length < length) {
      let word = this.word();
      if (start) word = word[0].toUpperCase() + word.slice(1);
      text += (text ? ' ' : '') + word;
      start = this.random() < 0.08;
      if (start) text += this.random() < 0.2 ? ',' : '.';
    }
    const cut = text.lastIndexOf(' ', length);
    return (cut > length / 2 ? text.slice(0, cut) : text.slice(0, length)).trim();
  }
}

const hex = (random: () => number, digits: number): string =>
  Array.from({ length: digits }, () => Math.floor(random() * 16).toString(16)).join('');

const uuid = (random: () => number): string =>
  `${hex(random, 8)}-${hex(random, 4)}-4${hex(random, 3)}-a${hex(random, 3)}-${hex(random, 12)}`;

const EPOCH = Date.UTC(2023, 0, 1);
const DAY = 86_400_000;

function makePage(make: TextMaker, sites: ReturnType<typeof sitePool>, index: number): PageRecord {
  const site = make.pick(sites);
  const title = make.prose(make.int(30, 90)).replace(/[.,]$/, '');
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60);
  const createdAt = EPOCH + make.int(0, 700) * DAY + make.int(0, DAY - 1);
  const actors = make.random() < 0.4 ? [...new Set(Array.from({ length: make.int(1, 3) }, () => actorKey(make.pick(ACTORS))))] : [];
  return {
    url: `https://${site.host}/${2023 + (index % 3)}/${slug}-${index}`,
    title,
    siteName: site.name,
    createdAt,
    updatedAt: createdAt + make.int(0, 30) * DAY,
    actors,
  };
}

function makeAnnotation(make: TextMaker, random: () => number, page: PageRecord, start: number, tags: string[]): AnnotationRecord {
  const exact = make.prose(make.int(40, 400));
  const createdAt = page.createdAt + make.int(0, page.updatedAt - page.createdAt);
  const tagCount = random() < 0.15 ? 0 : make.int(1, 3);
  return {
    id: uuid(random),
    pageUrl: page.url,
    target: {
      quote: { type: 'TextQuoteSelector', exact, prefix: make.prose(32).slice(-32), suffix: make.prose(32).slice(0, 32) },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
    },
    color: make.pick(HIGHLIGHT_COLORS) as HighlightColor,
    note: random() < 0.3 ? make.prose(make.int(10, 240)) : '',
    tags: [...new Set(Array.from({ length: tagCount }, () => make.pick(tags)))],
    createdAt,
    updatedAt: createdAt + (random() < 0.2 ? make.int(0, 5) * DAY : 0),
  };
}

/** N pages and M highlights (spread evenly, the remainder on the first pages), the same for the same seed. */
export function generateLibrary({ pages = 5_000, annotations = 100_000, seed = 1 }: LibraryDataOptions = {}): LibraryData {
  const random = seededRandom(seed);
  const make = new TextMaker(random);
  const tags = tagPool(random);
  const sites = sitePool(random);
  const pageRecords = Array.from({ length: pages }, (_, i) => makePage(make, sites, i));
  const annotationRecords: AnnotationRecord[] = [];
  pageRecords.forEach((page, i) => {
    const count = Math.floor(annotations / pages) + (i < annotations % pages ? 1 : 0);
    let position = make.int(0, 2_000);
    for (let k = 0; k < count; k++) {
      const record = makeAnnotation(make, random, page, position, tags);
      annotationRecords.push(record);
      position = record.target.position.end + make.int(20, 3_000);
    }
  });
  return { pages: pageRecords, annotations: annotationRecords };
}
