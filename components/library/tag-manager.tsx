import { useState } from 'preact/hooks';
import type { FacetValue } from '@/lib/library/library-index';
import { tagKey } from '@/lib/storage/tags';
import { countOf } from '../count-words';

interface TagManagerProps {
  tags: FacetValue[];
  busy: boolean;
  onRename: (fromKey: string, toLabel: string) => Promise<void>;
}

const highlights = (n: number) => countOf(n, 'highlight', 'highlights');

function TagRow({ tag, tags, busy, onRename }: { tag: FacetValue } & TagManagerProps) {
  const [editing, setEditing] = useState(false);
  const [label, setLabel] = useState(tag.label);
  if (!editing) {
    return (
      <li>
        <span class="tag-label">#{tag.label}</span> <span class="muted">{tag.annotations}</span>
        <button type="button" class="link-button" aria-label={`Rename #${tag.label}`} onClick={() => setEditing(true)}>Rename</button>
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
          await onRename(tag.key, label);
          setEditing(false);
        }}
      >
        <label>
          <span class="visually-hidden">New name for #{tag.label}</span>
          <input value={label} onInput={(event) => setLabel((event.currentTarget as HTMLInputElement).value)} autoFocus
            onKeyDown={(event) => { if (event.key === 'Escape') { setEditing(false); setLabel(tag.label); } }} />
        </label>
        <button type="submit" disabled={busy || !label.trim()}>{target ? `Merge into #${target.label}` : 'Save'}</button>
        <button type="button" class="link-button" onClick={() => { setEditing(false); setLabel(tag.label); }}>Cancel</button>
      </form>
      {target && (
        <p class="muted">
          #{target.label} already exists ({highlights(target.annotations)}): the two become one tag, on {highlights(target.annotations + tag.annotations)} at most.
        </p>
      )}
    </li>
  );
}

/** Every tag with its count; renaming to an existing tag merges the two across all pages. */
export function TagManager(props: TagManagerProps) {
  return (
    <details class="tag-manager">
      <summary>Manage tags ({props.tags.length})</summary>
      {props.tags.length === 0 ? (
        <p class="muted">No tags yet. Add tags to a highlight from its editor on the page.</p>
      ) : (
        <ul class="tag-list">
          {props.tags.map((tag) => <TagRow key={tag.key} tag={tag} {...props} />)}
        </ul>
      )}
    </details>
  );
}
