import { useState } from 'preact/hooks';
import type { PageMatch } from '@/lib/library/search';
import { snippet, type SnippetSegment } from '@/lib/library/snippet';
import { COLOR_LABELS, type AnnotationRecord } from '@/lib/storage/records';
import type { AnnotationChanges } from '@/lib/storage/annotation-store';
import { HighlightEditControls } from '../highlight-edit-controls';
import { ClampedNote } from '../note/clamped-note';
import { NoteMarks } from '../note/note-marks';
import { useDeletionUndo } from '../use-deletion-undo';
import { countOf } from '../count-words';
import type { HighlightEditServices } from './library-services';

/** Highlights shown per page before "Show all". */
const HIGHLIGHTS_SHOWN = 3;

export interface ResultActions {
  open: (url: string, annotationId: string | null) => void;
  exportPage: (url: string, copy: boolean) => void;
  actorName: (key: string) => string;
  /** Edit, delete and undo, through the background (open tabs of the page repaint). */
  highlights: HighlightEditServices;
}

function Marked({ segments }: { segments: SnippetSegment[] }) {
  return <>{segments.map((segment, i) => (segment.hit ? <mark key={i}>{segment.text}</mark> : segment.text))}</>;
}

/**
 * A note as its Markdown draws it, its first lines at first; one the search found words in is shown whole,
 * with the words marked where they show.
 */
function LibraryNote({ note, query }: { note: string; query: string }) {
  if (!snippet(note, query).some((segment) => segment.hit)) return <ClampedNote text={note} />;
  const mark = (text: string) => <Marked segments={snippet(text, query, text.length)} />;
  return (
    <NoteMarks.Provider value={mark}>
      <ClampedNote text={note} startWhole />
    </NoteMarks.Provider>
  );
}

interface HighlightItemProps {
  record: AnnotationRecord;
  url: string;
  query: string;
  actions: ResultActions;
  onDeleted: (record: AnnotationRecord) => void;
}

function HighlightItem({ record, url, query, actions, onDeleted }: HighlightItemProps) {
  const quoteId = `library-quote-${record.id}`;
  const save = async (changes: AnnotationChanges) =>
    (await actions.highlights.update(record.id, changes)) ? null : 'That highlight no longer exists.';
  const remove = async () => {
    await actions.highlights.remove(record.id);
    onDeleted(record);
  };
  return (
    <li class="result-highlight">
      <span class="swatch" data-color={record.color} title={COLOR_LABELS[record.color]} aria-hidden="true" />
      <div class="result-highlight-body">
        <button
          type="button"
          id={quoteId}
          class="quote-button"
          onClick={() => actions.open(url, record.id)}
          title="Open the page at this highlight"
        >
          <q>
            <Marked segments={snippet(record.target.quote.exact, query)} />
          </q>
        </button>
        {record.note && <LibraryNote note={record.note} query={query} />}
        {record.tags.length > 0 && (
          <ul class="tags" aria-label="Tags">
            {record.tags.map((tag) => (
              <li key={tag}>#{tag}</li>
            ))}
          </ul>
        )}
        <HighlightEditControls record={record} quoteId={quoteId} save={save} remove={() => void remove()} />
      </div>
    </li>
  );
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

interface PageCardProps {
  match: PageMatch;
  query: string;
  actions: ResultActions;
  complete: boolean;
  onDeleted: (record: AnnotationRecord) => void;
}

function PageCard({ match, query, actions, complete, onDeleted }: PageCardProps) {
  const [expanded, setExpanded] = useState(false);
  const { page, annotations } = match;
  const shown = expanded ? annotations : annotations.slice(0, HIGHLIGHTS_SHOWN);
  const headingId = `page-${encodeURIComponent(page.url)}`;
  return (
    <article class="page-card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <button type="button" class="title-button" onClick={() => actions.open(page.url, null)}>
          <Marked segments={snippet(page.title || page.url, query)} />
        </button>
      </h2>
      <p class="page-meta">
        {page.pdf && (
          <span class="pdf-badge" title="A PDF, opened in Gloss’s PDF viewer">
            PDF
          </span>
        )}
        <span>{page.site}</span>
        <span>{dateFormat.format(page.updatedAt)}</span>
        {complete && <span>{countOf(page.highlightCount, 'highlight', 'highlights')}</span>}
      </p>
      {page.pdf?.local && (
        <p class="local-pdf">
          A PDF opened from a file on this computer; Gloss keeps your notes on it, not the file.{' '}
          <button type="button" class="link-button" onClick={() => actions.open(page.url, null)}>
            Open the PDF viewer to choose it again
          </button>
        </p>
      )}
      {(page.tags.length > 0 || page.actors.length > 0) && (
        <ul class="chips" aria-label="Tags and threat actors">
          {page.actors.map((key) => (
            <li key={`a:${key}`} class="actor-chip">
              {actions.actorName(key)}
            </li>
          ))}
          {page.tags.slice(0, 12).map((tag) => (
            <li key={`t:${tag}`}>#{tag}</li>
          ))}
        </ul>
      )}
      {shown.length > 0 && (
        <ul class="result-highlights" aria-label="Highlights">
          {shown.map((record) => (
            <HighlightItem key={record.id} record={record} url={page.url} query={query} actions={actions} onDeleted={onDeleted} />
          ))}
        </ul>
      )}
      <div class="card-actions">
        {annotations.length > HIGHLIGHTS_SHOWN && (
          <button type="button" class="link-button" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
            {expanded ? 'Show fewer' : `Show all ${annotations.length} matching highlights`}
          </button>
        )}
        <button
          type="button"
          class="link-button"
          aria-label={`Export Markdown of ${page.title}`}
          onClick={() => actions.exportPage(page.url, false)}
        >
          Markdown
        </button>
        <button
          type="button"
          class="link-button"
          aria-label={`Copy Markdown of ${page.title}`}
          onClick={() => actions.exportPage(page.url, true)}
        >
          Copy
        </button>
      </div>
    </article>
  );
}

/** The matching pages, newest first, a step at a time so that a library of thousands paints at once. */
interface PageResultsProps {
  matches: PageMatch[];
  query: string;
  limit: number;
  /** False while only the pages are read: counts are not known yet. */
  complete: boolean;
  onMore: () => void;
  actions: ResultActions;
}

export function PageResults({ matches, query, limit, complete, onMore, actions }: PageResultsProps) {
  // Above the cards: the deleted highlight's card may be gone with it.
  const { notice, onDeleted } = useDeletionUndo(actions.highlights.restore);
  return (
    <div class="results">
      {notice}
      {matches.slice(0, limit).map((match) => (
        <PageCard key={match.page.url} match={match} query={query} actions={actions} complete={complete} onDeleted={onDeleted} />
      ))}
      {matches.length > limit && (
        <button type="button" class="more-button" onClick={onMore}>
          Show more pages ({matches.length - limit} more)
        </button>
      )}
    </div>
  );
}
