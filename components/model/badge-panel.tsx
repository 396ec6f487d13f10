import { useEffect, useState } from 'react';
import { modelApiPath } from '@/lib/hooks/api-fetch.ts';
import { modelPath } from '@/lib/url-state.ts';

/** The model's README badge (served from our database, never a live Hub call) with copyable Markdown. */
export function BadgePanel({ repoId }: { repoId: string }) {
  const [origin, setOrigin] = useState('');
  const [copied, setCopied] = useState(false);
  // The absolute URL is only known in the browser; the server renders the relative one.
  useEffect(() => setOrigin(window.location.origin), []);
  const badge = modelApiPath(repoId, '/badge.svg');
  const markdown = `[![Derivatives of ${repoId}](${origin}${badge})](${origin}${modelPath(repoId)})`;
  async function copy() {
    try {
      await navigator.clipboard.writeText(markdown);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  }
  return (
    <section className="panel" aria-labelledby="badge-title">
      <h2 id="badge-title">Badge for a README</h2>
      <div className="badge-row">
        {/* biome-ignore lint/performance/noImgElement: an SVG from our own API, shown as users will embed it */}
        <img src={badge} alt={`Derivatives of ${repoId}: history and forecast`} height={40} />
        <code className="badge-code">{markdown}</code>
        <button type="button" className="button-small" onClick={copy}>
          <span aria-live="polite">{copied ? 'Copied' : 'Copy Markdown'}</span>
        </button>
      </div>
    </section>
  );
}
