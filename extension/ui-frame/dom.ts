type Attributes = Record<string, string | number | boolean | EventListener | undefined>;

/**
 * Builds an element of Gloss's in-page UI. Page-derived strings only ever go in as text children or
 * attribute values, never as markup. Listeners act only on trusted events: input from the person,
 * never an event some script dispatched.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Array<Node | string | null | undefined | false>
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), trustedOnly(value));
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

/** Wraps a listener so that it ignores synthetic events. */
export function trustedOnly(listener: EventListener): EventListener {
  return (event) => {
    if (event.isTrusted) listener(event);
  };
}
