/**
 * Where a view marks words in the notes it draws (the library, the words its search found): each piece
 * of a note's text, given as written, comes back with its marks. Without one, text shows as it is.
 */
import { createContext, type ComponentChildren } from 'preact';

export type MarkText = (text: string) => ComponentChildren;

export const NoteMarks = createContext<MarkText | null>(null);
