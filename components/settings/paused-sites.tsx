import { useCallback, useEffect, useState } from 'preact/hooks';
import type { PausedSiteRecord } from '@/lib/storage/records';
import type { PausedSiteServices } from './settings-services';

/** The sites where Gloss is paused, each with a way to resume it. */
export function PausedSites({ services }: { services: PausedSiteServices }) {
  const [sites, setSites] = useState<PausedSiteRecord[] | null>(null);
  const [resuming, setResuming] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setSites(await services.list());
    } catch (error) {
      setProblem(`Gloss could not read the paused sites: ${error instanceof Error ? error.message : String(error)}`);
    }
  }, [services]);
  useEffect(() => {
    void load();
    return services.subscribe(() => void load());
  }, [services, load]);

  const resume = async (site: string) => {
    setResuming(site);
    setProblem(null);
    try {
      await services.resume(site);
      await load();
    } catch (error) {
      setProblem(`Gloss could not resume on ${site}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setResuming(null);
    }
  };

  return (
    <section class="settings-section paused-sites" aria-labelledby="paused-sites-title">
      <h2 id="paused-sites-title">Paused sites</h2>
      {sites && sites.length === 0 && (
        <p class="muted">
          Gloss is not paused on any site. To pause it on one, open Gloss on a page of that site and choose Pause Gloss on this site.
        </p>
      )}
      {sites && sites.length > 0 && (
        <>
          <p class="muted">No toolbar, highlights or work by Gloss on these sites until you resume it.</p>
          <ul class="paused-site-list">
            {sites.map(({ site }) => (
              <li key={site}>
                <span class="paused-site">{site}</span>
                <button type="button" aria-label={`Resume Gloss on ${site}`} disabled={resuming !== null} onClick={() => void resume(site)}>
                  Resume
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
