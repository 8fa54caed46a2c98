/**
 * The words ATT&CK names its techniques with ("credential", "dumping", "phishing", "injection"), lower
 * case, for the technique tagger's "is this an ATT&CK word" feature. Read from data/attack-techniques.json
 * (MITRE ATT&CK®, © The MITRE Corporation; attribution in public/NOTICE.txt). Short and function words
 * are left out: they say nothing about a technique.
 */
import type { AttackTechniqueData } from '../../attack-techniques';

const FUNCTION_WORDS = new Set(['and', 'the', 'for', 'from', 'with', 'other', 'non', 'via', 'into', 'over', 'through', 'use']);

export function techniqueVocabulary(data: AttackTechniqueData): Set<string> {
  const words = new Set<string>();
  for (const { name } of data.techniques)
    for (const word of name.toLowerCase().split(/[^a-z0-9]+/)) if (word.length >= 3 && !FUNCTION_WORDS.has(word)) words.add(word);
  return words;
}
