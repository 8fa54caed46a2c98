import { describe, expect, it } from 'vitest';
import { nestOutline, type OutlineNode } from '@/lib/outline/nest-outline';

type Item = { level: number; text: string };
const h = (level: number, text: string): Item => ({ level, text });

/** Renders a nested outline as indented lines, so expectations read like the outline itself. */
function render(nodes: OutlineNode<Item>[], depth = 0): string[] {
  return nodes.flatMap(({ item, children }) => [`${'  '.repeat(depth)}${item.text}`, ...render(children, depth + 1)]);
}

describe('nestOutline', () => {
  it('puts deeper headings under the nearest shallower one', () => {
    const nodes = nestOutline([h(2, 'A'), h(3, 'A.1'), h(3, 'A.2'), h(2, 'B'), h(3, 'B.1'), h(4, 'B.1.a')]);
    expect(render(nodes)).toEqual(['A', '  A.1', '  A.2', 'B', '  B.1', '    B.1.a']);
  });

  it('keeps headings of one level flat and in order', () => {
    expect(render(nestOutline([h(2, 'one'), h(2, 'two'), h(2, 'three')]))).toEqual(['one', 'two', 'three']);
  });

  it('nests a skipped level (h2 then h4) one step down', () => {
    expect(render(nestOutline([h(2, 'A'), h(4, 'deep'), h(3, 'mid')]))).toEqual(['A', '  deep', '  mid']);
  });

  it('keeps headings that come before any shallower heading at the top', () => {
    expect(render(nestOutline([h(3, 'intro'), h(2, 'A'), h(3, 'A.1')]))).toEqual(['intro', 'A', '  A.1']);
  });

  it('returns to the top when a shallower heading follows a deep branch', () => {
    expect(render(nestOutline([h(1, 'Top'), h(2, 'A'), h(3, 'A.1'), h(1, 'Next')]))).toEqual(['Top', '  A', '    A.1', 'Next']);
  });

  it('gives an empty outline for no headings', () => {
    expect(nestOutline([])).toEqual([]);
  });
});
