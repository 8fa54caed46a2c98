import type { AnnotationTarget } from '../anchoring/types';

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** How each colour is named to people (and to screen readers). */
export const COLOR_LABELS: Record<HighlightColor, string> = {
  yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink', purple: 'Purple',
};

/** A page the user has annotated, keyed by its normalised URL (lib/url/normalize-url.ts). */
export interface PageRecord {
  url: string;
  title: string;
  siteName: string | null;
  createdAt: number;
  updatedAt: number;
}

/** One highlight with its note and tags. */
export interface AnnotationRecord {
  id: string;
  pageUrl: string;
  target: AnnotationTarget;
  color: HighlightColor;
  note: string;
  tags: string[];
  createdAt: number;
  updatedAt: number;
}

/** A tag as the user typed it; `key` is its case-folded form, so "APT" and "apt" are one tag. */
export interface TagRecord {
  key: string;
  label: string;
  createdAt: number;
}
