/**
 * The STIX 2.1 rules Gloss's export relies on, as a checker returning every broken rule (an empty
 * list means valid). Written from the OASIS STIX 2.1 specification, independently of the exporter:
 * - 2.9 identifiers: `<type>--<UUID>`; Gloss's are version 5 with the RFC 4122 variant;
 * - 3.2 common properties: type, spec_version "2.1", id, created, modified (modified ≥ created);
 * - 3.3 timestamps: RFC 3339 in UTC (`Z`); created/modified to the millisecond;
 * - 3.x lists: never empty;
 * - 4.x required properties per object type, and every `*_refs` id present in the bundle;
 * - 4.5 identity: `identity_class` from identity-class-ov (Gloss keeps to the vocabulary);
 * - 4.10 location: at least one of `region`, `country`, or `latitude` and `longitude`; latitude and
 *   longitude only together, in range, and `precision` only with them; `region` from region-ov, `country`
 *   an ISO 3166-1 alpha-2 code (two letters);
 * - 8 bundles: type "bundle", an id, objects; no spec_version;
 * - 9 patterning: the comparison expressions Gloss writes, with string literals escaped.
 */

type Json = Record<string, unknown>;

const UUID_V5 = '[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';
const MILLISECOND_TIMESTAMP = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
const TIMESTAMP = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d+)?Z$/;

const STRING_LITERAL = "'(?:[^'\\\\]|\\\\['\\\\])*'";
const HEX_LITERAL = (length: number) => `'[0-9a-f]{${length}}'`;
/** `[object-path = literal]` for each object path Gloss writes. */
const PATTERN = new RegExp(
  '^\\[(?:' +
    [
      `(?:ipv4-addr|ipv6-addr|domain-name|url|email-addr):value = ${STRING_LITERAL}`,
      `file:hashes\\.MD5 = ${HEX_LITERAL(32)}`,
      `file:hashes\\.'SHA-1' = ${HEX_LITERAL(40)}`,
      `file:hashes\\.'SHA-256' = ${HEX_LITERAL(64)}`,
    ].join('|') +
    ')\\]$',
);

const REQUIRED: Record<string, Record<string, 'string' | 'timestamp' | 'refs' | 'strings' | 'boolean'>> = {
  report: { name: 'string', published: 'timestamp', report_types: 'strings', object_refs: 'refs' },
  'intrusion-set': { name: 'string' },
  indicator: { pattern: 'string', pattern_type: 'string', valid_from: 'timestamp' },
  note: { content: 'string', object_refs: 'refs' },
  malware: { name: 'string', is_family: 'boolean' },
  tool: { name: 'string' },
  vulnerability: { name: 'string' },
  'attack-pattern': { name: 'string' },
  identity: { name: 'string' },
  location: {},
};

/** region-ov (section 10): the UN M49 regions as STIX spells them. */
const REGIONS = new Set(
  (
    'africa eastern-africa middle-africa northern-africa southern-africa western-africa americas latin-america-caribbean ' +
    'south-america caribbean central-america northern-america asia central-asia eastern-asia southern-asia south-eastern-asia ' +
    'western-asia europe eastern-europe northern-europe southern-europe western-europe oceania antarctica ' +
    'australia-new-zealand melanesia micronesia polynesia'
  ).split(' '),
);
const IDENTITY_CLASSES = new Set(['individual', 'group', 'system', 'organization', 'class', 'unknown']);
/** tool-type-ov (section 10). */
const TOOL_TYPES = new Set([
  'denial-of-service',
  'exploitation',
  'information-gathering',
  'network-capture',
  'credential-exploitation',
  'remote-access',
  'vulnerability-scanning',
  'unknown',
]);

/** Section 4.10's rules for where a location is. */
function locationProblems(object: Json): string[] {
  const id = String(object.id);
  const problems: string[] = [];
  const has = (name: string) => object[name] !== undefined;
  if (!has('region') && !has('country') && !(has('latitude') && has('longitude'))) {
    problems.push(`${id}: a location needs region, country, or latitude and longitude`);
  }
  if (has('latitude') !== has('longitude')) problems.push(`${id}: latitude and longitude go together`);
  if (has('precision') && !has('latitude')) problems.push(`${id}: precision needs latitude and longitude`);
  const inRange = (name: string, limit: number) => !has(name) || (typeof object[name] === 'number' && Math.abs(object[name]) <= limit);
  if (!inRange('latitude', 90) || !inRange('longitude', 180)) problems.push(`${id}: latitude or longitude out of range`);
  if (has('region') && !REGIONS.has(object.region as string)) problems.push(`${id}: region ${String(object.region)} is not in region-ov`);
  if (has('country') && !(typeof object.country === 'string' && /^[A-Za-z]{2}$/.test(object.country))) {
    problems.push(`${id}: country ${String(object.country)} is not an ISO 3166-1 alpha-2 code`);
  }
  for (const name of ['name', 'administrative_area', 'city']) {
    if (has(name) && !(typeof object[name] === 'string' && object[name] !== '')) problems.push(`${id}.${name} must be a non-empty string`);
  }
  return problems;
}

export function isStixId(id: unknown, type?: string): boolean {
  return typeof id === 'string' && new RegExp(`^${type ?? '[a-z][a-z0-9-]*'}--${UUID_V5}$`).test(id);
}

export function isStixPattern(pattern: unknown): boolean {
  return typeof pattern === 'string' && PATTERN.test(pattern);
}

const isTimestamp = (value: unknown, exact = MILLISECOND_TIMESTAMP) =>
  typeof value === 'string' && exact.test(value) && Number.isFinite(Date.parse(value));

function checkProperty(object: Json, name: string, kind: string, ids: Set<string>): string[] {
  const value = object[name];
  const where = `${String(object.id)}.${name}`;
  switch (kind) {
    case 'string':
      return typeof value === 'string' && value.length > 0 ? [] : [`${where} must be a non-empty string`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${where} must be a boolean`];
    case 'timestamp':
      return isTimestamp(value, TIMESTAMP) ? [] : [`${where} must be a UTC timestamp`];
    case 'strings':
      return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string') ? [] : [`${where} must list strings`];
    default: {
      if (!Array.isArray(value) || value.length === 0) return [`${where} must be a non-empty list`];
      return value.filter((ref) => !isStixId(ref) || !ids.has(ref as string)).map((ref) => `${where} refers to missing ${String(ref)}`);
    }
  }
}

function checkObject(object: Json, ids: Set<string>): string[] {
  const problems: string[] = [];
  const { type, id } = object;
  if (typeof type !== 'string' || !(type in REQUIRED)) return [`${String(id)}: unexpected type ${String(type)}`];
  if (object.spec_version !== '2.1') problems.push(`${String(id)}: spec_version must be "2.1"`);
  if (!isStixId(id, type)) problems.push(`${String(id)}: id must be ${type}--<UUIDv5>`);
  for (const name of ['created', 'modified']) {
    if (!isTimestamp(object[name])) problems.push(`${String(id)}.${name} must be a UTC timestamp to the millisecond`);
  }
  if (String(object.modified) < String(object.created)) problems.push(`${String(id)}: modified before created`);
  for (const [name, kind] of Object.entries(REQUIRED[type])) problems.push(...checkProperty(object, name, kind, ids));
  for (const [name, value] of Object.entries(object)) {
    if (Array.isArray(value) && value.length === 0) problems.push(`${String(id)}.${name} is an empty list`);
  }
  const references = (object.external_references ?? []) as Json[];
  if (!references.every((r) => typeof r.source_name === 'string' && r.source_name.length > 0)) {
    problems.push(`${String(id)}: an external reference lacks source_name`);
  }
  if (type === 'identity' && !IDENTITY_CLASSES.has(object.identity_class as string)) {
    problems.push(`${String(id)}: identity_class ${String(object.identity_class)} is not in identity-class-ov`);
  }
  if (type === 'tool' && object.tool_types !== undefined && !(object.tool_types as unknown[]).every((t) => TOOL_TYPES.has(t as string))) {
    problems.push(`${String(id)}: tool_types ${String(object.tool_types)} are not all in tool-type-ov`);
  }
  if (type === 'location') problems.push(...locationProblems(object));
  if (type === 'indicator' && (object.pattern_type !== 'stix' || !isStixPattern(object.pattern))) {
    problems.push(`${String(id)}: pattern ${String(object.pattern)} is not one Gloss writes`);
  }
  return problems;
}

/** Every STIX 2.1 rule `bundle` breaks; empty when it is valid. */
export function stixViolations(bundle: unknown): string[] {
  const b = bundle as Json;
  const problems: string[] = [];
  if (b?.type !== 'bundle') problems.push('bundle: type must be "bundle"');
  if (!isStixId(b?.id, 'bundle')) problems.push('bundle: id must be bundle--<UUIDv5>');
  if (b && 'spec_version' in b) problems.push('bundle: a 2.1 bundle has no spec_version');
  if (!Array.isArray(b?.objects) || b.objects.length === 0) return [...problems, 'bundle: objects must be a non-empty list'];
  const objects = b.objects as Json[];
  const ids = new Set<string>();
  for (const object of objects) {
    if (ids.has(object.id as string)) problems.push(`${String(object.id)}: duplicate id`);
    ids.add(object.id as string);
  }
  for (const object of objects) problems.push(...checkObject(object, ids));
  return problems;
}
