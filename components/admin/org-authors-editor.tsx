'use client';

import { type FormEvent, useEffect, useState } from 'react';
import { QueryState } from '@/components/ui/query-state.tsx';
import { useSetOrgAuthors } from '@/lib/hooks/use-org-authors.ts';
import { useOrgs } from '@/lib/hooks/use-orgs.ts';
import type { OrgSummary } from '@/lib/schemas/orgs.ts';

function OrgAuthorsForm({ orgs, token }: { orgs: OrgSummary[]; token: string }) {
  const [slug, setSlug] = useState(orgs[0]?.slug ?? '');
  const current = orgs.find((o) => o.slug === slug);
  const [text, setText] = useState('');
  const save = useSetOrgAuthors(token);
  useEffect(() => {
    setText(current?.authors.join('\n') ?? '');
  }, [current]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const authors = text
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    save.mutate({ slug, authors });
  };
  return (
    <form className="stack" onSubmit={submit}>
      <label className="field">
        Organisation
        <select value={slug} onChange={(e) => setSlug(e.target.value)}>
          {orgs.map((o) => (
            <option key={o.slug} value={o.slug}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      <label className="stack">
        <span className="small">
          Hub authors (one per line); an author listed under another organisation moves here
        </span>
        <textarea rows={6} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
      </label>
      <div className="control-row">
        <button type="submit" className="button" disabled={save.isPending || !slug}>
          Save authors
        </button>
      </div>
      <div aria-live="polite">
        {save.isError && (
          <p className="notice notice-error" role="alert">
            {save.error.message}
          </p>
        )}
        {save.isSuccess && (
          <p className="notice">
            Saved {save.data.authors.length} authors of {save.data.slug}
            {save.data.moved.length > 0 &&
              ` (moved here: ${save.data.moved.map((m) => `${m.author} from ${m.from}`).join(', ')})`}
            .
          </p>
        )}
      </div>
    </form>
  );
}

/** Which Hub authors make up each organisation (the mapping behind every organisation view). */
export function OrgAuthorsEditor({ token }: { token: string }) {
  const orgs = useOrgs();
  return (
    <section className="panel stack" aria-labelledby="org-authors-title">
      <h2 id="org-authors-title">Organisation authors</h2>
      <QueryState
        query={orgs}
        label="Organisations"
        isEmpty={(d) => d.items.length === 0}
        emptyMessage="No organisations yet."
      >
        {(data) => <OrgAuthorsForm orgs={data.items} token={token} />}
      </QueryState>
    </section>
  );
}
