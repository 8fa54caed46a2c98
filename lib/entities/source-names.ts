/**
 * The threat-actor lists' source ids in words, one spelling everywhere the details, the alias picker and
 * the "why" text name a list: "Microsoft naming map", not "Microsoft" in one place and the map in another.
 */
export const SOURCE_NAMES: Readonly<Record<string, string>> = {
  'mitre-attack': 'MITRE ATT&CK',
  'misp-galaxy': 'MISP galaxy',
  microsoft: 'Microsoft naming map',
  'gloss-remote-access': 'Gloss’s list of remote-access software',
  'gloss-dual-use': 'Gloss’s list of dual-use tools',
};

/** A record's source ids: `sources` where several lists gave it, else its one `source`. */
export const sourceIdsOf = (record: { source?: string; sources?: readonly string[] } | undefined): readonly string[] =>
  record?.sources ?? (record?.source ? [record.source] : []);

/** The words for a source id; an unknown id as it is. */
export const sourceName = (id: string): string => SOURCE_NAMES[id] ?? id;
