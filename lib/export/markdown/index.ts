/** Markdown export: a saved page as an Obsidian-ready note. */
export { markdownFileName } from './file-name';
export { NO_HIGHLIGHTS, inDocumentOrder, pageMarkdown } from './page-markdown';
export { fragmentAddress, textDirective, textFragmentUrl, type FragmentAddress } from './text-fragment';
export { frontMatter, yamlString } from './yaml';
export { escapeMarkdownLine, markdownBlockquote, markdownInline, markdownLinkDestination } from './escape';
export { markdownNote } from './note-markdown';
export { blockId, uniqueBlockIds } from './block-id';
export { obsidianTag, obsidianTags } from './obsidian-tag';
