/**
 * A reader's note drawn from its Markdown (lib/notes/note-tree.ts) as Preact elements, node by node:
 * nothing is ever set as HTML. Raw HTML in a note shows as the text typed, an image as a link to it, a
 * wikilink or an inline #tag as a search of the library.
 */
import type { ComponentChildren } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import { parseNote, type NoteElement, type NoteNode } from '@/lib/notes/note-tree';
import { NoteMarks } from './note-marks';
import { librarySearchHref, WikilinkSearch } from './wikilink-search';

/** A piece of the note's text, with the words the view marks (the library's search) marked. */
function TextRun({ text }: { text: string }) {
  const mark = useContext(NoteMarks);
  return <>{mark ? mark(text) : text}</>;
}

function drawn(nodes: readonly NoteNode[]): ComponentChildren {
  return nodes.map((node, i) => (node.type === 'text' ? <TextRun key={i} text={node.text} /> : <NoteElementView key={i} node={node} />));
}

/** A task's box, read as its state: a disabled checkbox would be a form control with no form. */
function TaskBox({ checked }: { checked: boolean }) {
  return (
    <span class="note-task" role="img" aria-label={checked ? 'Done' : 'Not done'}>
      {checked ? '☑' : '☐'}
    </span>
  );
}

/**
 * A search of the library, followed in place where the view gives a way (`WikilinkSearch`); a Ctrl-, Cmd-,
 * Shift- or middle-click is left to the browser, which opens the address.
 */
function LibrarySearchLink({
  query,
  class: className,
  title,
  children,
}: {
  query: string;
  class: string;
  title: string;
  children: ComponentChildren;
}) {
  const searchHere = useContext(WikilinkSearch);
  const onClick = (event: MouseEvent) => {
    if (!searchHere || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    searchHere(query);
  };
  return (
    <a href={librarySearchHref(query)} target={searchHere ? undefined : '_blank'} class={className} title={title} onClick={onClick}>
      {children}
    </a>
  );
}

function NoteElementView({ node }: { node: NoteElement }) {
  const content = drawn(node.children);
  const align = node.align ? { textAlign: node.align } : undefined;
  switch (node.tag) {
    case 'heading':
      // A note's heading is emphasis within a short note, not a heading of the page that shows it.
      return (
        <p class="note-heading">
          <strong>{content}</strong>
        </p>
      );
    case 'a':
      return (
        <a href={node.href} target="_blank" rel="noopener noreferrer" class={node.image ? 'note-image-link' : undefined}>
          {node.image && <span aria-hidden="true">🖼 </span>}
          {content}
        </a>
      );
    case 'wikilink':
      // An Obsidian wikilink: its words, as a search of the library for its target.
      return (
        <LibrarySearchLink query={node.target ?? ''} class="note-wikilink" title={`Search the library for “${node.target ?? ''}”`}>
          {content}
        </LibrarySearchLink>
      );
    case 'inline-tag':
      // An Obsidian inline tag: as typed, as a search of the library's tags ("#ransomware" finds them).
      return (
        <LibrarySearchLink query={`#${node.target ?? ''}`} class="note-tag" title={`Search the library for the tag #${node.target ?? ''}`}>
          {content}
        </LibrarySearchLink>
      );
    case 'li':
      return typeof node.checked === 'boolean' ? (
        <li class="note-task-item">
          <TaskBox checked={node.checked} /> {content}
        </li>
      ) : (
        <li>{content}</li>
      );
    case 'ol':
      return <ol start={node.start}>{content}</ol>;
    case 'pre':
      return (
        <pre>
          <code>{content}</code>
        </pre>
      );
    case 'table':
      return (
        <div class="note-table">
          <table>{content}</table>
        </div>
      );
    case 'th':
      return <th style={align}>{content}</th>;
    case 'td':
      return <td style={align}>{content}</td>;
    case 'blockquote':
      // An Obsidian callout is a titled box coloured by its type; role "note" says it is an aside.
      return node.callout ? (
        <div class="note-callout" data-callout={node.callout} role="note">
          {content}
        </div>
      ) : (
        <blockquote>{content}</blockquote>
      );
    case 'callout-title':
      return (
        <p class="note-callout-title">
          <strong>{content}</strong>
        </p>
      );
    case 'mark':
      return <mark class="note-highlight">{content}</mark>;
    case 'hr':
      return <hr />;
    case 'br':
      return <br />;
    default: {
      const Tag = node.tag;
      return <Tag>{content}</Tag>;
    }
  }
}

/** The note's Markdown drawn inside `class="note note-markdown"`; a note too deeply nested to draw, as typed. */
export function NoteMarkdown({ text }: { text: string }) {
  // The library re-renders its notes at each key typed in its search: read each note once.
  const tree = useMemo(() => parseNote(text), [text]);
  if (!tree)
    return (
      <p class="note">
        <TextRun text={text} />
      </p>
    );
  return <div class="note note-markdown">{drawn(tree.children)}</div>;
}
