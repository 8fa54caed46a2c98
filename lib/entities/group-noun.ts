/** The group noun that closes a gang's name as a text writes it: "the TrickBot gang", "the 8Base group". */
const GROUP_NOUNS = ['gang', 'group', 'crew', 'syndicate', 'cartel'];

/** `name` without a closing group noun and the space before it ("8Base gang" → "8Base"); string operations only. */
export function withoutGroupNoun(name: string): string {
  const lower = name.toLowerCase();
  const noun = GROUP_NOUNS.find((each) => lower.endsWith(each) && /\s/.test(name.charAt(name.length - each.length - 1)));
  return noun ? name.slice(0, name.length - noun.length).trimEnd() : name;
}
