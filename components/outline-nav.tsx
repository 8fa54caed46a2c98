import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { OutlineItem } from '@/lib/outline/live-outline';
import { nestOutline, type OutlineNode } from '@/lib/outline/nest-outline';
import { previewList } from '@/lib/popup/preview-list';
import { ShowAllButton } from './show-all-button';

interface OutlineNavProps {
  items: OutlineItem[];
  onSelect: (item: OutlineItem) => void;
  /** The index in `items` of the section being read (side panel), or null. */
  current?: number | null;
  /** Show this many headings, then "Show all (n)" (popup); all when absent. */
  limit?: number;
}

/** An outline entry with its index in the whole outline (the current section is given by index). */
interface Numbered {
  item: OutlineItem;
  index: number;
  level: number;
}

function OutlineList({
  nodes,
  onSelect,
  current,
}: {
  nodes: OutlineNode<Numbered>[];
  onSelect: OutlineNavProps['onSelect'];
  current: number | null;
}) {
  return (
    <ol>
      {nodes.map(({ item: { item, index }, children }) => (
        <li key={`${item.liveIndex ?? 'x'}-${index}`} class={`level-${item.level}`}>
          <a
            href="#"
            class={index === current ? 'current' : undefined}
            aria-current={index === current ? 'location' : undefined}
            onClick={(event) => {
              event.preventDefault();
              onSelect(item);
            }}
          >
            {item.text}
          </a>
          {children.length > 0 && <OutlineList nodes={children} onSelect={onSelect} current={current} />}
        </li>
      ))}
    </ol>
  );
}

/**
 * The article's headings, nested by level; choosing one scrolls the page to it. The section being read
 * is marked (`aria-current="location"`) and kept in view within the outline's own scrolling box.
 */
export function OutlineNav({ items, onSelect, current = null, limit = Infinity }: OutlineNavProps) {
  const [expanded, setExpanded] = useState(false);
  const nav = useRef<HTMLElement>(null);
  const { shown, collapsible } = previewList(items, limit, expanded);
  useLayoutEffect(() => {
    nav.current?.querySelector('a[aria-current]')?.scrollIntoView({ block: 'nearest' });
  }, [current]);
  return (
    <nav aria-label="Outline" class="outline" ref={nav}>
      <h2 class="section-title">Outline</h2>
      {items.length === 0 ? (
        <p class="muted">This article has no headings.</p>
      ) : (
        <>
          <OutlineList
            nodes={nestOutline(shown.map((item, index) => ({ item, index, level: item.level })))}
            onSelect={onSelect}
            current={current}
          />
          {collapsible && <ShowAllButton total={items.length} expanded={expanded} onToggle={() => setExpanded(!expanded)} of="headings" />}
        </>
      )}
    </nav>
  );
}
