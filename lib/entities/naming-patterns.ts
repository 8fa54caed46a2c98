/**
 * Vendor naming schemes for threat actors (shared/data/microsoft-naming.md), as regular expressions
 * that propose names no list has yet. The dictionary decides which actor a name refers to; these only
 * find candidates.
 *
 * Schemes whose words are also ordinary English ("Heavy Rain", "Giant Panda", "Water Works") only
 * count on a threat-related page (see `looksThreatRelated`) and never with a stop-listed adjective.
 */
import { isAtNameBoundary } from './match-names';

export interface NamingPattern {
  /** Vendor and scheme, e.g. "Microsoft Storm-####". */
  scheme: string;
  regex: RegExp;
  /** Needs a threat-related page; the words are common outside threat reports. */
  needsContext: boolean;
}

const MS_FAMILIES =
  'Typhoon|Sandstorm|Blizzard|Sleet|Rain|Hail|Dust|Cyclone|Gale|Monsoon|Whirlwind|Lightning|Squall|Derecho|Haze|Frost|Tornado|Gust|Vortex|Tempest|Tsunami|Flood';
const CS_FAMILIES = [
  'Bear',
  'Panda',
  'Kitten',
  'Chollima',
  'Spider',
  'Jackal',
  'Tiger',
  'Leopard',
  'Buffalo',
  'Crane',
  'Wolf',
  'Ocelot',
  'Lynx',
];
// CrowdStrike writes "FANCY BEAR" or "Fancy Bear"; both words in the same style.
const CS_TITLE = CS_FAMILIES.join('|');
const CS_CAPS = CS_FAMILIES.map((f) => f.toUpperCase()).join('|');
const NATO =
  'Alpha|Bravo|Charlie|Delta|Echo|Foxtrot|Golf|Hotel|India|Juliett?|Kilo|Lima|Mike|November|Oscar|Papa|Quebec|Romeo|Sierra|Tango|Uniform|Victor|Whiskey|X-?ray|Yankee|Zulu';

/**
 * Microsoft's names before 2023: chemical elements in capitals (STRONTIUM, HAFNIUM, ZINC). Only the elements
 * no ordinary word or other vendor's scheme spells (not LEAD, TIN, GOLD, IRON, CARBON, NEON, IODINE).
 */
const MS_ELEMENTS = (
  'LITHIUM BERYLLIUM SODIUM MAGNESIUM ALUMINIUM POTASSIUM CALCIUM SCANDIUM TITANIUM VANADIUM CHROMIUM MANGANESE ' +
  'NICKEL ZINC GALLIUM GERMANIUM SELENIUM RUBIDIUM STRONTIUM YTTRIUM ZIRCONIUM NIOBIUM MOLYBDENUM TECHNETIUM ' +
  'RUTHENIUM RHODIUM PALLADIUM CADMIUM INDIUM TELLURIUM CAESIUM CESIUM BARIUM LANTHANUM CERIUM PRASEODYMIUM ' +
  'NEODYMIUM PROMETHIUM SAMARIUM EUROPIUM GADOLINIUM TERBIUM DYSPROSIUM HOLMIUM ERBIUM THULIUM YTTERBIUM LUTETIUM ' +
  'HAFNIUM TANTALUM RHENIUM OSMIUM IRIDIUM THALLIUM BISMUTH POLONIUM FRANCIUM RADIUM ACTINIUM THORIUM ' +
  'PROTACTINIUM NEPTUNIUM PLUTONIUM AMERICIUM CURIUM BERKELIUM CALIFORNIUM EINSTEINIUM FERMIUM MENDELEVIUM ' +
  'NOBELIUM LAWRENCIUM RUTHERFORDIUM DUBNIUM SEABORGIUM BOHRIUM HASSIUM MEITNERIUM DARMSTADTIUM ROENTGENIUM ' +
  'COPERNICIUM NIHONIUM FLEROVIUM MOSCOVIUM LIVERMORIUM PHOSPHORUS'
)
  .split(' ')
  .join('|');

export const NAMING_PATTERNS: readonly NamingPattern[] = [
  { scheme: 'Microsoft Storm-####', regex: /\bStorm-\d{4}\b/g, needsContext: false },
  { scheme: 'Microsoft DEV-#### (legacy)', regex: /\bDEV-\d{4}\b/g, needsContext: false },
  { scheme: 'Microsoft CovertNetwork-####', regex: /\bCovertNetwork-\d{4}\b/g, needsContext: false },
  { scheme: 'Microsoft weather name', regex: new RegExp(`\\b[A-Z][a-z]+ (?:${MS_FAMILIES})\\b`, 'g'), needsContext: true },
  { scheme: 'Microsoft element name, before 2023', regex: new RegExp(`\\b(?:${MS_ELEMENTS})\\b`, 'g'), needsContext: true },
  { scheme: 'Mandiant APT##', regex: /\bAPT ?\d{1,2}\b/g, needsContext: false },
  { scheme: 'Mandiant UNC####', regex: /\bUNC\d{3,5}\b/g, needsContext: false },
  { scheme: 'Mandiant FIN##', regex: /\bFIN\d{1,2}\b/g, needsContext: false },
  { scheme: 'Mandiant TEMP.Name', regex: /\bTEMP\.[A-Z][A-Za-z]+\b/g, needsContext: false },
  { scheme: 'CrowdStrike (caps)', regex: new RegExp(`\\b[A-Z]{3,} (?:${CS_CAPS})\\b`, 'g'), needsContext: true },
  { scheme: 'CrowdStrike', regex: new RegExp(`\\b[A-Z][a-z]+ (?:${CS_TITLE})\\b`, 'g'), needsContext: true },
  {
    scheme: 'Secureworks',
    regex: /\b(?:GOLD|BRONZE|IRON|COBALT|NICKEL|TIN|TUNGSTEN|ZINC|COPPER|PLATINUM) [A-Z]{3,}\b/g,
    needsContext: true,
  },
  { scheme: 'Secureworks TG-####', regex: /\b(?:TG-|Threat Group[- ])\d{4}\b/g, needsContext: false },
  { scheme: 'Proofpoint TA###', regex: /\bTA(?!00)\d{3,4}\b/g, needsContext: false },
  { scheme: 'Proofpoint UNK_', regex: /\bUNK_[A-Z][A-Za-z]+\b/g, needsContext: false },
  { scheme: 'Unit 42 constellation', regex: /\b[A-Z][a-z]+ (?:Ursa|Taurus|Serpens|Pisces|Libra|Scorpius)\b/g, needsContext: true },
  { scheme: 'Unit 42 CL/TGR', regex: /\b(?:CL|TGR)-(?:STA|CRI|UNK)-\d{4}\b/g, needsContext: false },
  { scheme: 'Trend Micro Earth/Water', regex: /\b(?:Earth|Water) [A-Z][a-z]+\b/g, needsContext: true },
  {
    scheme: 'Recorded Future colour+NATO',
    regex: new RegExp(`\\b(?:Red|Blue|Green|Purple|Gray|Grey)(?:${NATO})\\b`, 'g'),
    needsContext: false,
  },
  { scheme: 'Recorded Future TAG-##', regex: /\bTAG-\d{2,3}\b/g, needsContext: false },
  { scheme: 'IBM X-Force', regex: /\b(?:ITG\d{2}|Hive\d{4})\b/g, needsContext: false },
  { scheme: 'Cisco Talos UAT', regex: /\bUAT-?\d{4,5}\b/g, needsContext: false },
  { scheme: 'CERT-UA UAC', regex: /\bUAC-\d{4}\b/g, needsContext: false },
  { scheme: 'Volexity UTA', regex: /\bUTA\d{4}\b/g, needsContext: false },
  { scheme: 'Elastic/Sophos', regex: /\b(?:REF|STAC)\d{4}\b/g, needsContext: false },
  { scheme: 'Qihoo 360 / QiAnXin', regex: /\bAPT-(?:C-\d{2}|Q-\d{1,3})\b/g, needsContext: false },
  { scheme: 'NSHC', regex: /\bSector[A-Z]\d{2}\b/g, needsContext: false },
];

/**
 * First words that make a context-gated match ordinary English: weather ("Super Typhoon", "Heavy
 * Rain"), animals ("Giant Panda"), places ("Water Street") and sentence openers ("The Flood").
 */
const STOP_ADJECTIVES = new Set(
  (
    'Super Tropical Heavy Flash Freezing Winter Severe Major Arctic Desert Snow Dust Sand Ice Hail Thunder Summer Spring ' +
    'Giant Red Black Brown Polar Grizzly Teddy Snow White Bengal Siberian Clouded Grey Gray Gold Golden Great Big Little Baby ' +
    'The This That These Those A An And Or Of In On At By For With From Our Their Its His Her My Your New Old First Last ' +
    'Drinking Fresh Salt Clean Waste Ground Surface Hot Cold Warm Deep Street Tap Bottled Heavy Light High Low ' +
    'Crypto Paper Lone Sea Wild Young Mother Father'
  ).split(' '),
);

/** Last words that make a context-gated match an organisation's name ("The Water Project", "Earth Institute"). */
const ORGANISATION_NOUN =
  /^(?:Project|Projects|Institute|Foundation|Company|Corporation|Council|Agency|Authority|Association|Society|University|College|School|Hospital|Museum|Bank|Fund|Trust|Alliance|Coalition|Initiative|Network|Networks|Services|Solutions|Systems|Technologies|Day|Week|Summit|Conference|Festival|Awards?|Resources|Management|District|Department|Board|Commission|Committee)$/;

const THREAT_CONTEXT =
  /\b(?:threat actors?|threat groups?|threat intelligence|tracks? (?:as|this|the)|tracked as|APT\d|ransomware|malware|espionage|cyber ?attacks?|phishing|Storm-\d{4}|adversar(?:y|ies)|intrusion set|nation-state)\b/i;

/** Whether the page reads like a threat report, which licenses the context-gated schemes. */
export function looksThreatRelated(text: string): boolean {
  return THREAT_CONTEXT.test(text);
}

export interface PatternMatch {
  start: number;
  end: number;
  text: string;
  scheme: string;
}

/** Candidate actor names by vendor scheme, in text order; overlapping candidates are all kept. */
export function findNamingPatterns(text: string, threatContext = looksThreatRelated(text)): PatternMatch[] {
  const out: PatternMatch[] = [];
  for (const { scheme, regex, needsContext } of NAMING_PATTERNS) {
    if (needsContext && !threatContext) continue;
    for (const m of text.matchAll(new RegExp(regex.source, regex.flags))) {
      const start = m.index;
      const end = start + m[0].length;
      if (needsContext && STOP_ADJECTIVES.has(m[0].split(' ')[0])) continue;
      // "The Water Project", "Earth Institute": an organisation named with the scheme's words.
      if (needsContext && ORGANISATION_NOUN.test(m[0].split(' ').pop()!)) continue;
      if (!isAtNameBoundary(text, start, end)) continue;
      out.push({ start, end, text: m[0], scheme });
    }
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}
