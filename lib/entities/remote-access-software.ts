/**
 * Remote-support products sold openly for IT work (AnyDesk, TeamViewer, ScreenConnect, Atera…), which
 * intruders install to keep access (ATT&CK T1219, Remote Access Software). To a researcher they are
 * tools, and a STIX bundle should say `tool`; but MISP's `rat` galaxy files twenty-two of them beside real
 * trojans, so without this list "tools like AnyDesk" reads as malware. Several that advisories name
 * (Atera, Splashtop, SimpleHelp, MeshCentral) are in no list at all.
 *
 * `data/remote-access-software.json` is Gloss's own list (names, aliases and the vendor's site). A
 * shipped record that goes by one of its names becomes a tool, keeps its own sources and references and
 * gains the list's; a product no record has is added as a tool of its own.
 */
import { formKey } from './dictionary';
import type { SoftwareRecord } from './software-dictionary';
import { sourceIdsOf } from './source-names';

/** One product of `data/remote-access-software.json`. */
export interface RemoteAccessProduct {
  name: string;
  aliases: string[];
  refs: string[];
}

/** The source id of Gloss's list, as records and details carry it (`source-names.ts`). */
export const REMOTE_ACCESS_SOURCE = 'gloss-remote-access';

/** The fields of a software record this reads and writes (the shipped records have more). */
export interface ShippedSoftwareRecord extends SoftwareRecord {
  source?: string;
  sources?: string[];
  refs?: string[];
}

/** A product's or record's names, as the dictionaries compare them. */
export const formsOf = (names: { name: string; aliases: readonly string[] }): string[] => [names.name, ...names.aliases].map(formKey);

function uniqueBy<T>(values: readonly T[], key: (value: T) => string): T[] {
  const seen = new Set<string>();
  return values.filter((value) => !seen.has(key(value)) && seen.add(key(value)));
}

/** A product of one of Gloss's own lists of tools (this one, `dual-use-tools.ts`). */
export interface ListedTool extends RemoteAccessProduct {
  /** Forms that are ordinary words ("Certify"): exact case and threat context, as the shipped lists' `weak`. */
  weak?: string[];
}

function asTool(record: ShippedSoftwareRecord, product: ListedTool, source: string): ShippedSoftwareRecord {
  const galaxies = record.galaxies?.filter((galaxy) => galaxy !== 'rat');
  return {
    ...record,
    kind: 'tool',
    // The product's own name too, where the record goes by one of its aliases ("Brute Ratel C4").
    aliases: uniqueBy(
      [...record.aliases, product.name, ...product.aliases].filter((a) => formKey(a) !== formKey(record.name)),
      formKey,
    ),
    ...(galaxies && { galaxies }),
    sources: [...sourceIdsOf(record), source],
    refs: uniqueBy([...(record.refs ?? []), ...product.refs], (url) => url),
  };
}

/**
 * The shipped records with every product of one of Gloss's own tool lists a tool (its record keeps its
 * sources and gains `source`), and the products no record has added as tools of `source`.
 */
export function withListedTools<R extends ShippedSoftwareRecord>(
  records: readonly R[],
  products: readonly ListedTool[],
  source: string,
): ShippedSoftwareRecord[] {
  const productByForm = new Map<string, ListedTool>();
  for (const product of products) for (const form of formsOf(product)) productByForm.set(form, product);
  const matched = new Set<ListedTool>();
  const out: ShippedSoftwareRecord[] = records.map((record) => {
    const product = formsOf(record)
      .map((form) => productByForm.get(form))
      .find((found) => found !== undefined);
    if (!product) return record;
    matched.add(product);
    return asTool(record, product, source);
  });
  for (const product of products)
    if (!matched.has(product))
      out.push({
        name: product.name,
        aliases: [...product.aliases],
        kind: 'tool',
        source,
        refs: [...product.refs],
        ...(product.weak && { weak: [...product.weak] }),
      });
  return out;
}

/** The shipped records with every remote-support product a tool, and those no record has added. */
export function withRemoteAccessSoftware<R extends ShippedSoftwareRecord>(
  records: readonly R[],
  products: readonly RemoteAccessProduct[],
): ShippedSoftwareRecord[] {
  return withListedTools(records, products, REMOTE_ACCESS_SOURCE);
}
