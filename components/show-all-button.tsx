interface ShowAllButtonProps {
  /** How many items the whole list holds. */
  total: number;
  expanded: boolean;
  onToggle: () => void;
  /** What the list holds ("highlights"), said to screen readers after the visible words. */
  of: string;
}

/** "Show all (n)" under a shortened list, and "Show fewer" once it is whole. */
export function ShowAllButton({ total, expanded, onToggle, of }: ShowAllButtonProps) {
  return (
    <button type="button" class="link-button show-all" aria-expanded={expanded} onClick={onToggle}>
      {expanded ? 'Show fewer' : `Show all (${total})`}
      <span class="visually-hidden"> {of}</span>
    </button>
  );
}
