import { formKey, type ThreatActorRecord } from './dictionary';

/**
 * An actor's other names as Gloss lists them (the candidates of an ambiguous name, the exports' actor
 * profiles): Microsoft's name, then the aliases, in data order, each once as the dictionary compares
 * names (formKey), and never the actor's own name.
 */
export function actorOtherNames(record: ThreatActorRecord): string[] {
  const seen = new Set([formKey(record.name)]);
  const names: string[] = [];
  for (const name of [record.microsoft_name, ...record.aliases]) {
    if (!name || seen.has(formKey(name))) continue;
    seen.add(formKey(name));
    names.push(name);
  }
  return names;
}
