/** "1 highlight", "2,400 highlights": a count with its noun, in the user's digit grouping. */
export function countOf(n: number, one: string, many: string): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}
