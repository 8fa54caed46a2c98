/**
 * A software family that goes by the name of an organisation Gloss lists is not meant by that name: in
 * "exfiltrated the data with Rclone to MEGA" MEGA is the file-hosting company, not the remote-access trojan
 * MISP's `rat` galaxy lists under "Mega" (with no reference); "Telegram", "McAfee" and "Cylance" are
 * ransomlook's names for obscure ransomware. Such a record loses that name; a longer one it has stays
 * ("Alphabet Ransomware"), and so does every name of a family ATT&CK lists, whose names are well known.
 */
import { formKey } from './dictionary';
import type { OrganizationRecord } from './organizations';
import type { SoftwareRecord } from './software-dictionary';

type ListedSoftware = SoftwareRecord & { mitre_id?: string };

/** The records without the names of listed organisations (a family left with no name is dropped). */
export function withoutOrganisationNames<R extends ListedSoftware>(
  records: readonly R[],
  organisations: readonly OrganizationRecord[],
): R[] {
  const taken = new Set(organisations.flatMap((o) => [o.name, ...(o.aliases ?? [])]).map(formKey));
  const kept = (form: string) => !taken.has(formKey(form));
  return records.flatMap((record): R[] => {
    if (record.mitre_id || [record.name, ...record.aliases, ...(record.weak ?? [])].every(kept)) return [record];
    const names = [record.name, ...record.aliases].filter(kept);
    if (names.length === 0) return [];
    const [name, ...aliases] = names;
    return [{ ...record, name, aliases, ...(record.weak && { weak: record.weak.filter(kept) }) }];
  });
}
