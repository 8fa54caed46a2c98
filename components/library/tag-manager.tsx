import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { FacetValue } from '@/lib/library/library-index';
import { tagKey } from '@/lib/storage/tags';
import { countOf } from '../count-words';
import { useFocusOnMount } from '../use-focus-on-mount';

interface TagManagerProps {
  tags: FacetValue[];
  busy: boolean;
  onRename: (fromKey: string, toLabel: string) => Promise<void>;
}

const highlights = (n: number) => countOf(n, 'highlight', 'highlights');

/** The field that renames a tag; it takes the focus as it opens, with the old name selected. */
function RenameField({
  tag,
  label,
  setLabel,
  cancel,
}: {
  tag: FacetValue;
  label: string;
  setLabel: (label: string) => void;
  cancel: () => void;
}) {
  const input = useFocusOnMount<HTMLInputElement>(true);
  return (
    <label>
      <span class="visually-hidden">New name for #{tag.label}</span>
      <input
        ref={input}
        value={label}
        onInput={(event) => setLabel((event.currentTarget as HTMLInputElement).value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            cancel();
          }
        }}
      />
    </label>
  );
}

interface TagRowProps extends TagManagerProps {
  tag: FacetValue;
  /** The key of the tag just renamed (or merged into): its row takes the focus back once it appears. */
  focusKey: string | null;
  setFocusKey: (key: string | null) => void;
}

function TagRow({ tag, tags, busy, onRename, focusKey, setFocusKey }: TagRowProps) {
  const [editing, setEditing] = useState(false);
  const [label, setLabel] = useState(tag.label);
  // Closing the field gives the focus back to the Rename button that opened it.
  const renameButton = useRef<HTMLButtonElement>(null);
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (editing) return;
    if (refocus || focusKey === tag.key) {
      renameButton.current?.focus();
      setRefocus(false);
      if (focusKey === tag.key) setFocusKey(null);
    }
  }, [editing, refocus, focusKey, tag.key, setFocusKey]);
  const cancel = () => {
    setEditing(false);
    setLabel(tag.label);
    setRefocus(true);
  };
  if (!editing) {
    return (
      <li>
        <span class="tag-label">#{tag.label}</span> <span class="muted">{tag.annotations}</span>
        <button ref={renameButton} type="button" class="link-button" aria-label={`Rename #${tag.label}`} onClick={() => setEditing(true)}>
          Rename
        </button>
      </li>
    );
  }
  const wanted = tagKey(label.replace(/^#+/, ''));
  const target = tags.find((other) => other.key === wanted && other.key !== tag.key);
  return (
    <li>
      <form
        class="inline-field"
        onSubmit={async (event) => {
          event.preventDefault();
          // The same name again changes nothing: close without a misleading "renamed on 0 highlights".
          if (label.trim().replace(/^#+/, '') === tag.label) return cancel();
          await onRename(tag.key, label);
          setEditing(false);
          setRefocus(true);
          setFocusKey(tagKey(label.trim().replace(/^#+/, '').replace(/\s+/g, '-')));
        }}
      >
        <RenameField tag={tag} label={label} setLabel={setLabel} cancel={cancel} />
        <button type="submit" disabled={busy || !label.trim()}>
          {target ? `Merge into #${target.label}` : 'Save'}
        </button>
        <button type="button" class="link-button" onClick={cancel}>
          Cancel
        </button>
      </form>
      {target && (
        <p class="muted">
          #{target.label} already exists ({highlights(target.annotations)}): the two become one tag, on{' '}
          {highlights(target.annotations + tag.annotations)} at most.
        </p>
      )}
    </li>
  );
}

/**
 * Every tag one set with its count; renaming to an existing tag merges the two across all pages. A note's
 * inline `#tags` are the note's own words (the Tag filter lists them): they are renamed in the note.
 */
export function TagManager(props: TagManagerProps) {
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const tags = useMemo(
    () => props.tags.filter((tag) => (tag.set ?? tag.annotations) > 0).map((tag) => ({ ...tag, annotations: tag.set ?? tag.annotations })),
    [props.tags],
  );
  const inNotesOnly = props.tags.length - tags.length;
  return (
    <details class="tag-manager">
      <summary>Manage tags ({tags.length})</summary>
      {tags.length === 0 ? (
        <p class="muted">No tags yet. Add tags to a highlight from its editor on the page.</p>
      ) : (
        <ul class="tag-list">
          {tags.map((tag) => (
            <TagRow key={tag.key} tag={tag} {...props} tags={tags} focusKey={focusKey} setFocusKey={setFocusKey} />
          ))}
        </ul>
      )}
      {inNotesOnly > 0 && (
        <p class="muted">
          {countOf(inNotesOnly, 'tag is', 'tags are')} only written in notes (<code>#tag</code>): the Tag filter lists{' '}
          {inNotesOnly === 1 ? 'it' : 'them'}, and {inNotesOnly === 1 ? 'it is' : 'they are'} renamed by editing the notes.
        </p>
      )}
    </details>
  );
}
