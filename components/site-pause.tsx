interface Props {
  site: string;
  busy: boolean;
  problem: string | null;
  onToggle: () => void;
}

const problemLine = (problem: string | null) =>
  problem && (
    <p class="site-pause-problem" role="alert">
      {problem}
    </p>
  );

/** At the foot of the popup on an active site: the switch to turn Gloss off there. */
export function SitePauseBar({ site, busy, problem, onToggle }: Props) {
  return (
    <section class="site-pause" aria-label="Gloss on this site">
      <button type="button" disabled={busy} onClick={onToggle}>
        Pause Gloss on this site
      </button>
      <p class="site-pause-hint">No toolbar, no highlights and no work by Gloss in {site}’s pages until you resume.</p>
      {problemLine(problem)}
    </section>
  );
}

/** In place of the article on a paused site: the popup does not read the page there. */
export function SitePausedNotice({ site, busy, problem, onToggle }: Props) {
  return (
    <section class="notice notice-info site-paused" role="status">
      <h1>Gloss is paused on {site}</h1>
      <p>Gloss shows no toolbar and no highlights on this site and does no work in its pages. Your saved highlights are kept.</p>
      <button type="button" disabled={busy} onClick={onToggle}>
        Resume Gloss on this site
      </button>
      {problemLine(problem)}
    </section>
  );
}
