import { useState } from 'react';

/** Copies the current URL (the whole view lives in it) to the clipboard. */
export function CopyLinkButton() {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setState('copied');
    } catch {
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2000);
  }
  return (
    <button type="button" className="button" onClick={copy} data-testid="copy-link">
      <span aria-live="polite">
        {state === 'copied' ? 'Link copied' : state === 'failed' ? 'Copy failed' : 'Copy link'}
      </span>
    </button>
  );
}
