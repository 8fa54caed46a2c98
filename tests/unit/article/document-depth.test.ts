// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isNestedDeeperThan } from '@/lib/article/document-depth';

function nested(levels: number): Element {
  const root = document.createElement('div');
  let current = root;
  for (let i = 1; i < levels; i++) current = current.appendChild(document.createElement('div'));
  return root;
}

describe('isNestedDeeperThan', () => {
  it('counts the root as level one', () => {
    expect(isNestedDeeperThan(nested(1), 1)).toBe(false);
    expect(isNestedDeeperThan(nested(2), 1)).toBe(true);
  });

  it('finds a deep branch after shallow siblings', () => {
    const root = document.createElement('div');
    root.innerHTML = `<p>a</p><p>b</p><section><div><div><div><span>deep</span></div></div></div></section><p>c</p>`;
    expect(isNestedDeeperThan(root, 5)).toBe(true);
    expect(isNestedDeeperThan(root, 6)).toBe(false);
  });

  it('walks wide trees without mistaking width for depth', () => {
    const root = document.createElement('ul');
    root.innerHTML = '<li><a>x</a></li>'.repeat(1_000);
    expect(isNestedDeeperThan(root, 3)).toBe(false);
    expect(isNestedDeeperThan(root, 2)).toBe(true);
  });

  it('copes with nesting far past the limit without recursion', () => {
    expect(isNestedDeeperThan(nested(2_000), 300)).toBe(true);
  });

  it('does not walk past the root into its siblings', () => {
    const parent = document.createElement('div');
    parent.innerHTML = '<div id="root"><p>x</p></div><div><div><div><div>deep sibling</div></div></div></div>';
    expect(isNestedDeeperThan(parent.querySelector('#root') as Element, 2)).toBe(false);
  });
});
