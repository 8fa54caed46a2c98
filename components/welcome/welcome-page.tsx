import { ChangeShortcutButton, ShortcutKeys, useHighlightShortcut } from '../highlight-shortcut';
import type { WelcomeServices } from './welcome-services';

/** Where each thing is, said once, with the shortcut as the browser has it. */
export function WelcomePage({ services }: { services: WelcomeServices }) {
  const keys = useHighlightShortcut(services);

  return (
    <main class="welcome">
      <header>
        <h1>Welcome to Gloss</h1>
        <p class="lead">
          Read closely: highlight passages, keep notes and tags, and see what an article mentions. Everything stays on this device.
        </p>
      </header>

      <section aria-labelledby="highlight-title">
        <h2 id="highlight-title">Highlight a passage</h2>
        <ol>
          <li>
            <strong>Select text</strong> on any web page. A small toolbar appears next to it: <em>Highlight</em>, five colours, and{' '}
            <em>Add note</em>.
          </li>
          <li>
            Or press the shortcut, <ShortcutKeys keys={keys} />.
          </li>
          <li>
            Or right-click the selection and choose <em>Highlight selection</em>.
          </li>
          <li>Click a highlight to change its colour, add a note and tags, or delete it.</li>
          <li>
            Notes are Markdown, as Obsidian writes it: <code>**bold**</code>, lists, <code>==highlights==</code> and{' '}
            <code>[[wikilinks]]</code>, which search your library for what they name; inline <code>#tags</code> search your tags.
          </li>
        </ol>
        <ChangeShortcutButton services={services} />
      </section>

      <section aria-labelledby="find-title">
        <h2 id="find-title">Find it again</h2>
        <p>
          Click Gloss’s icon in the toolbar for the page’s outline, the threat actors and other entities it mentions, and your highlights.
          The <strong>library</strong> lists every page you kept something from, with search, filters and exports to Markdown, a JSON backup
          and STIX.
        </p>
        <button type="button" onClick={() => void services.openLibrary()}>
          Open the library
        </button>
      </section>

      <section aria-labelledby="local-title">
        <h2 id="local-title">What stays on this device</h2>
        <p>
          Your highlights, notes and tags are kept in this browser’s storage for Gloss, which no web page can read. Gloss sends nothing
          anywhere. The toolbar and the note editor are drawn in Gloss’s own frame, so a page cannot see what you type. A page can see which
          passages are highlighted, because it sees how it is painted.
        </p>
      </section>

      <section aria-labelledby="pause-title">
        <h2 id="pause-title">Pause Gloss on a site</h2>
        <p>
          On a site where you want no toolbar and no highlights, open Gloss’s popup and choose <em>Pause Gloss on this site</em>. The
          settings page lists paused sites, each with <em>Resume</em>.
        </p>
      </section>

      <section aria-labelledby="settings-title">
        <h2 id="settings-title">Make it yours</h2>
        <p>
          On the settings page, choose the colour the shortcut and the context menu use, turn the toolbar off if you would rather highlight
          with the shortcut alone, see how much Gloss keeps, back it all up or erase it.
        </p>
        <button type="button" onClick={() => void services.openSettings()}>
          Open settings
        </button>
      </section>

      <p class="muted">The library’s menu opens this page again.</p>
    </main>
  );
}
