import type { PageEntity } from '@/lib/entities/page-entities';
import { INDICATOR_TYPE_LABELS } from '@/lib/popup/entity-labels';

interface EntityButtonProps {
  entity: PageEntity;
  expanded: boolean;
  panelId: string;
  onToggle: () => void;
}

/**
 * One entity: its name as the page wrote it, what it resolves to, and its mention count. Its accessible
 * name is what it shows, "Storm-1152 (17)", "Octo Tempest → Scattered Spider (1)", "4d5e… SHA-256 (1)",
 * "google.com Domain · popular site (1)" (an indicator on a MISP warninglist), so
 * a person using voice control can say what they see (WCAG 2.5.3); the description then says in words what
 * the arrow means ("Resolved to Scattered Spider"), with a verdict and a pick among an ambiguous name's actors.
 */
export function EntityButton({ entity, expanded, panelId, onToggle }: EntityButtonProps) {
  // A technique labelled by its id and ATT&CK name ("T1078 Valid Accounts") already says what it is.
  const resolved =
    entity.kind === 'technique'
      ? !entity.name.toLowerCase().includes(entity.canonical.toLowerCase())
      : entity.canonical !== entity.name && entity.canonical.toLowerCase() !== entity.name.toLowerCase();
  const verdictId = `${panelId}-verdict`;
  const confirmed = entity.verdict === 'confirmed';
  const typeLabel = entity.kind === 'indicator' && entity.indicatorType ? INDICATOR_TYPE_LABELS[entity.indicatorType] : null;
  const picked = entity.ambiguous?.some((a) => a.pick !== null) ?? false;
  const description = [
    resolved ? `Resolved to ${entity.canonical}` : null,
    confirmed ? 'Confirmed by you' : null,
    picked ? 'Picked by you' : null,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <>
      <button
        type="button"
        class={`entity-button kind-${entity.kind}${confirmed ? ' confirmed' : ''}`}
        aria-expanded={expanded}
        aria-controls={expanded ? panelId : undefined}
        aria-describedby={description ? verdictId : undefined}
        onClick={onToggle}
      >
        <span class="entity-label">
          <span class="entity-name">{entity.name}</span>
          {typeLabel && <span class="entity-type"> {typeLabel}</span>}
          {entity.kind === 'indicator' && entity.warning && <span class="entity-warning"> · {entity.warning.short}</span>}
          {resolved && <span class="entity-resolved"> → {entity.canonical}</span>}
          {confirmed && (
            <span class="entity-verdict" aria-hidden="true" title="Confirmed by you">
              {' '}
              ✓
            </span>
          )}
        </span>
        <span class="entity-count"> ({entity.mentions.length})</span>
      </button>
      {description && (
        <span id={verdictId} hidden>
          {description}
        </span>
      )}
    </>
  );
}
