import type { OutlineItem } from '@/lib/outline/live-outline';
import { nestOutline, type OutlineNode } from '@/lib/outline/nest-outline';

interface OutlineNavProps {
  items: OutlineItem[];
  onSelect: (item: OutlineItem) => void;
}

function OutlineList({ nodes, onSelect }: { nodes: OutlineNode<OutlineItem>[]; onSelect: OutlineNavProps['onSelect'] }) {
  return (
    <ol>
      {nodes.map(({ item, children }, index) => (
        <li key={`${item.liveIndex ?? 'x'}-${index}`} class={`level-${item.level}`}>
          <a
            href="#"
            onClick={(event) => {
              event.preventDefault();
              onSelect(item);
            }}
          >
            {item.text}
          </a>
          {children.length > 0 && <OutlineList nodes={children} onSelect={onSelect} />}
        </li>
      ))}
    </ol>
  );
}

/** The article's headings, nested by level; choosing one scrolls the page to it. */
export function OutlineNav({ items, onSelect }: OutlineNavProps) {
  return (
    <nav aria-label="Outline" class="outline">
      <h2 class="section-title">Outline</h2>
      {items.length === 0 ? (
        <p class="muted">This article has no headings.</p>
      ) : (
        <OutlineList nodes={nestOutline(items)} onSelect={onSelect} />
      )}
    </nav>
  );
}
