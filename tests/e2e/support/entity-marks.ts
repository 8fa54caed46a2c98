/** Scripts run in the page's main world to read Gloss's entity marks from the highlight registry. */

/** For each entity highlight name: its ranges' text, and whether each lies inside the article body. */
export const ENTITY_MARKS_SCRIPT = `(() => {
  const marks = {};
  if (!globalThis.CSS || !CSS.highlights) return marks;
  CSS.highlights.forEach((highlight, name) => {
    if (!name.startsWith('gloss-entity-')) return;
    marks[name] = [...highlight].map((range) => ({
      text: range.toString(),
      inArticle: Boolean(range.startContainer.parentElement && range.startContainer.parentElement.closest('.entry-content')),
      top: Math.round(range.getBoundingClientRect().top + window.scrollY),
    }));
  });
  return marks;
})()`;

/** The page as markup, minus nothing: used to check that clearing marks leaves it exactly as it was. */
export const PAGE_MARKUP_SCRIPT = `document.documentElement.outerHTML`;
