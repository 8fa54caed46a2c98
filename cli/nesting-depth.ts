/**
 * How deep a page's elements nest, measured before jsdom builds the page.
 *
 * jsdom's cost for inserting a node grows with its depth (every insertion notifies each ancestor), so
 * parsing is quadratic in the nesting: 5,000 nested `<div>`s took 10 s, 200 KB of them over a minute,
 * and then Readability overflowed the stack. parse5 (the parser inside jsdom, so the tree is the one
 * jsdom would build) reads the same 200 KB in a quarter of a second, and the depth is counted without
 * recursion. Real pages nest a few dozen levels (at most 39 in the fixtures); Chromium's parser stops
 * nesting at 512 and hangs deeper elements on the 512th instead, so no browser shows a deeper page.
 */
import { parse } from 'parse5';

/** Deeper pages are refused: Chromium's parser does not nest deeper either. */
export const MAX_NESTING = 512;

interface TreeNode {
  childNodes?: TreeNode[];
  /** A `<template>`'s contents, outside `childNodes`. */
  content?: TreeNode;
}

/** The deepest nesting of nodes in `html` as an HTML parser builds it (the document is depth 0). */
export function nestingDepth(html: string): number {
  const pending: [TreeNode, number][] = [[parse(html) as TreeNode, 0]];
  let deepest = 0;
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, depth] = next;
    deepest = Math.max(deepest, depth);
    for (const child of node.childNodes ?? []) pending.push([child, depth + 1]);
    if (node.content) pending.push([node.content, depth + 1]);
  }
  return deepest;
}
