/**
 * The malware and tool dictionary: every name and alias of records shaped like
 * `data/software.json`, mapped to the families it may mean.
 *
 * Rules (from data/THREAT-ACTORS-SOURCES.md, "software.json"):
 * - `kind` ransomware and malware give the entity kind `malware`, `tool` gives `tool`;
 *   `mitre_id` is the ATT&CK software id (`S0154`);
 * - forms are compared case-insensitively, except `weak` ones (short or ordinary words: `Net`,
 *   `Maze`, `Play`), which match in their exact case and, like weak actor names, need threat context;
 *   a weak form listed in lower case only (ransomlook gang names such as `lynx`) carries no case
 *   information, so it matches in any case but still needs context;
 * - a name of two or three plain words is also found joined in camel case, in that case only and
 *   without threat context (ransomlook's weak "black suit" as `BlackSuit`; `joined-names.ts`);
 * - a name shared by several families keeps every candidate, those whose `name` it is first;
 * - placeholders and notes are cleaned out as for actors (`"prepending ransomware"`, `X (Not an
 *   official name)`);
 * - a form that is only a protocol or a generic technology (`ftp`, `Tor`, `Arp`: lists file the
 *   Windows commands under the protocol's name) is not a name of software: what a report means by
 *   "FTP clients" or "the Tor network" is the protocol. A longer form keeps it (`ftp.exe`).
 */
import { articleSpellings, formKey, textForms } from './dictionary';
import { joinedSpelling } from './joined-names';

/** One record of software.json (only the fields used here). */
export interface SoftwareRecord {
  name: string;
  aliases: string[];
  weak?: string[];
  kind?: string;
  /** MISP galaxies the record came from, e.g. `rat`, `tool`, `ransomware`. */
  galaxies?: string[];
  mitre_id?: string;
}

export type SoftwareKind = 'malware' | 'tool';

export interface Software {
  id: number;
  canonical: string;
  aliases: string[];
  kind: SoftwareKind;
  /** Ransomware, whose name is often also the name of the gang that runs it (RaaS). */
  ransomware: boolean;
  attackId?: string;
}

/** A program the lists also name by its ".exe": Windows's own commands ("certutil.exe", "schtasks.exe", "reg.exe"). */
export function namedByItsExe(software: Pick<Software, 'aliases'>): boolean {
  return software.aliases.some((alias) => /\.exe$/i.test(alias));
}

export interface SoftwareForm {
  form: string;
  caseSensitive: boolean;
  weak: boolean;
  softwareIds: number[];
}

export interface SoftwareDictionary {
  software: Software[];
  forms: SoftwareForm[];
  /** Candidate ids for a surface string, ignoring case. */
  lookupAnyCase(surface: string): number[];
}

/**
 * Remote-access trojans are malware to a researcher, though the lists file some under tools (MITRE
 * calls AsyncRAT and Remcos "tools" because they are sold openly); a record in MISP's `rat` galaxy, or
 * named as a RAT or stealer, is malware.
 */
export function softwareKind(record: Pick<SoftwareRecord, 'kind' | 'galaxies' | 'name'>): SoftwareKind {
  if (record.kind !== 'tool') return 'malware';
  if (record.galaxies?.includes('rat') || /(?:RAT|Stealer)$/.test(record.name)) return 'malware';
  return 'tool';
}

/**
 * Protocols, network technologies and formats, by their usual short names (compared in lower case).
 * Reports name them all the time ("FTP clients", "over SSH", "RDP brute force", "the Tor network");
 * they are not tools by themselves.
 */
export const PROTOCOL_WORDS: ReadonlySet<string> = new Set(
  (
    'ftp ftps sftp tftp ssh scp telnet rdp vnc smb smb2 smb3 cifs nfs afp http https http2 http3 dns doh ' +
    'tls ssl dtls vpn ipsec ike pptp l2tp openvpn wireguard socks socks4 socks5 tor i2p irc xmpp ' +
    'smtp smtps pop3 imap imaps ldap ldaps kerberos ntlm radius snmp ntp dhcp arp rarp icmp igmp tcp udp ' +
    'ip ipv4 ipv6 quic sctp gre bgp ospf mpls vlan upnp mdns llmnr netbios nbns wpad ' +
    'rpc msrpc dcom wmi winrm wsman rmi grpc soap api webdav websocket websockets mqtt amqp coap ' +
    'sip rtp rtsp voip p2p bittorrent usb bluetooth wifi wi-fi nfc gps gsm lte 5g ' +
    'json xml yaml html css csv sql nosql url uri'
  ).split(' '),
);

/** Names made only of quotes or generic words are not names of anything; nor are protocols. */
function cleanForms(raw: string): string[] {
  const unquoted = raw.replace(/^["“”']+|(?<!["“”'])["“”']+$/g, '').trim();
  return textForms(unquoted).filter(
    (f) => !/^(?:ransomware|malware|trojan|crypter|filecoder|unknown)$/i.test(f) && !PROTOCOL_WORDS.has(f.toLowerCase()),
  );
}

/** A listed form that is a name followed by a software noun: "Ryuk ransomware", "Dharma Ransomware" (the name read as in `LOWER_GROUP`, decide-candidates.ts). */
const NAME_WITH_NOUN = /^(.*\S|[\s\u00a0])[\s\u00a0]+(?:ransomware|malware|trojan|backdoor|RAT|stealer|loader|botnet)$/i;

export function buildSoftwareDictionary(records: readonly SoftwareRecord[]): SoftwareDictionary {
  const weakKeys = new Set<string>();
  for (const record of records) for (const w of record.weak ?? []) weakKeys.add(formKey(w));
  interface Pending {
    spelling: string;
    caseSensitive: boolean;
    weak: boolean;
    primary: number[];
    other: number[];
  }
  const pending = new Map<string, Pending>();
  const software: Software[] = [];
  const joins: { spelling: string; id: number; primary: boolean }[] = [];
  const enter = (key: string, spelling: string, caseSensitive: boolean, weak: boolean, id: number, primary: boolean) => {
    let entry = pending.get(key);
    if (!entry) pending.set(key, (entry = { spelling, caseSensitive, weak, primary: [], other: [] }));
    if (entry.primary.includes(id) || entry.other.includes(id)) return;
    (primary ? entry.primary : entry.other).push(id);
  };
  const add = (raw: string, id: number, primary: boolean) => {
    for (const form of cleanForms(raw)) {
      const weak = weakKeys.has(formKey(form));
      // Lower-case-only weak names (ransomlook) carry no case information.
      const caseSensitive = weak && form !== form.toLowerCase();
      const withArticle = articleSpellings(form);
      if (withArticle) for (const spelling of withArticle) enter(`=${spelling}`, spelling, true, weak, id, primary);
      else enter(caseSensitive ? `=${form}` : `~${formKey(form)}`, form, caseSensitive, weak, id, primary);
      const joined = joinedSpelling(form);
      if (joined) joins.push({ spelling: joined, id, primary });
    }
  };
  records.forEach((record, id) => {
    // "Ryuk ransomware" beside "Ryuk": the name is Ryuk, the noun stays outside (AnnoCTR's spans).
    const own = new Set([record.name, ...record.aliases].flatMap(cleanForms).map(formKey));
    const named = (raw: string) => {
      const m = NAME_WITH_NOUN.exec(raw.trim());
      return !(m && own.has(formKey(m[1])));
    };
    const seen = new Set([formKey(record.name)]);
    const aliases: string[] = [];
    for (const alias of record.aliases) {
      if (seen.has(formKey(alias))) continue;
      seen.add(formKey(alias));
      aliases.push(alias);
    }
    software.push({
      id,
      canonical: record.name,
      aliases,
      kind: softwareKind(record),
      ransomware: record.kind === 'ransomware',
      attackId: record.mitre_id,
    });
    if (named(record.name)) add(record.name, id, true);
    for (const alias of record.aliases) if (named(alias)) add(alias, id, false);
  });
  // After every listed form, so a joined spelling that is itself listed ("BlackCat") keeps its record.
  for (const { spelling, id, primary } of joins) {
    if (!pending.has(`~${formKey(spelling)}`)) enter(`=${spelling}`, spelling, true, false, id, primary);
  }
  const forms: SoftwareForm[] = [];
  const anyCase = new Map<string, number[]>();
  for (const [key, entry] of pending) {
    const softwareIds = [...entry.primary, ...entry.other];
    forms.push({ form: entry.spelling, caseSensitive: entry.caseSensitive, weak: entry.weak, softwareIds });
    const folded = formKey(key.slice(1));
    const merged = anyCase.get(folded) ?? [];
    for (const id of softwareIds) if (!merged.includes(id)) merged.push(id);
    anyCase.set(folded, merged);
  }
  return softwareDictionaryFrom({ software, forms, anyCase });
}

/** What a built dictionary holds (see `ActorDictionaryParts`): a compiled index stores these. */
export interface SoftwareDictionaryParts {
  software: Software[];
  forms: SoftwareForm[];
  anyCase: Map<string, number[]>;
}

const softwareParts = new WeakMap<SoftwareDictionary, SoftwareDictionaryParts>();

/** The parts a dictionary was made of (for compiling it). */
export function softwareDictionaryParts(dictionary: SoftwareDictionary): SoftwareDictionaryParts {
  const parts = softwareParts.get(dictionary);
  if (!parts) throw new Error('software dictionary: not made by softwareDictionaryFrom');
  return parts;
}

export function softwareDictionaryFrom(parts: SoftwareDictionaryParts): SoftwareDictionary {
  const { software, forms, anyCase } = parts;
  const dictionary: SoftwareDictionary = { software, forms, lookupAnyCase: (surface) => anyCase.get(formKey(surface)) ?? [] };
  softwareParts.set(dictionary, parts);
  return dictionary;
}
