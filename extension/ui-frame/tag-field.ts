import { completeTag, suggestTags, tagNormalisationNote } from '@/lib/storage/tag-suggestions';
import { parseTagInput } from '@/lib/storage/tags';
import { h } from './dom';

let fieldCount = 0;

/**
 * The Tags field: a textbox with a list of suggestions (aria-autocomplete, aria-activedescendant) that
 * offers tags already in use as the person types a tag
 * (↓ and ↑ move through them, Enter takes one, Escape closes the list), and says plainly how the tags
 * will be kept when Gloss tidies them ("social engineering" is kept as #social-engineering).
 */
export function tagField(initial: string, known: Promise<string[]>, onChange: () => void): { label: HTMLElement; input: HTMLInputElement } {
  const id = `gloss-tags-${++fieldCount}`;
  const input = h('input', {
    type: 'text',
    'aria-label': 'Tags',
    // A textbox (the name and role tests and assistive technology rely on) that offers a list.
    'aria-autocomplete': 'list',
    'aria-controls': `${id}-list`,
    'aria-describedby': `${id}-hint`,
    autocomplete: 'off',
    placeholder: 'tags, separated by commas',
  });
  input.value = initial;
  const list = h('ul', { id: `${id}-list`, role: 'listbox', 'aria-label': 'Tags in use', class: 'suggestions', hidden: true });
  const hint = h('p', { id: `${id}-hint`, class: 'hint', 'aria-live': 'polite' });
  let tags: string[] = [];
  let options: string[] = [];
  let active = -1;

  const render = () => {
    list.replaceChildren(
      ...options.map((label, i) => {
        const option = h(
          'li',
          {
            id: `${id}-option-${i}`,
            role: 'option',
            'aria-selected': String(i === active),
            // Keep the focus in the field while the pointer picks a tag.
            onmousedown: (event: Event) => event.preventDefault(),
            onclick: () => choose(label),
          },
          `#${label}`,
        );
        return option;
      }),
    );
    list.hidden = options.length === 0;
    if (active >= 0) input.setAttribute('aria-activedescendant', `${id}-option-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const refresh = () => {
    options = suggestTags(tags, input.value);
    active = options.length > 0 && active >= 0 ? Math.min(active, options.length - 1) : -1;
    render();
    hint.textContent = tagNormalisationNote(input.value, parseTagInput) ?? '';
  };
  const close = () => {
    options = [];
    active = -1;
    render();
  };
  const choose = (label: string) => {
    input.value = completeTag(input.value, label);
    close();
    hint.textContent = tagNormalisationNote(input.value, parseTagInput) ?? '';
    onChange();
    input.focus();
  };

  input.addEventListener('input', () => {
    refresh();
    onChange();
  });
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (event) => {
    if (!event.isTrusted) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (options.length === 0) refresh();
      if (options.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      active = (active + step + options.length) % options.length;
      render();
    } else if (event.key === 'Enter' && active >= 0 && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === 'Escape' && options.length > 0) {
      // Closes the list only; a second Escape closes the editor.
      event.preventDefault();
      close();
    }
  });
  void known.then(
    (found) => {
      tags = found;
    },
    () => undefined,
  );
  hint.textContent = tagNormalisationNote(initial, parseTagInput) ?? '';
  const label = h('div', { class: 'tag-field' }, h('label', {}, 'Tags', input), list, hint);
  return { label, input };
}
