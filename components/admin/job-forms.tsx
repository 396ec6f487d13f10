'use client';

import { type FormEvent, useState } from 'react';
import { useStartJob } from '@/lib/hooks/use-jobs.ts';
import type { StartJobInput } from '@/lib/schemas/jobs.ts';

const RELATIONS = ['finetune', 'adapter', 'quantized', 'merge'] as const;

const words = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Start a crawl, the paper import or a refit; the server runs it in the background. */
export function JobForms({ token }: { token: string }) {
  const start = useStartJob(token);
  const [bases, setBases] = useState('');
  const [authors, setAuthors] = useState('');
  const [top, setTop] = useState('');
  const [depth, setDepth] = useState('1');
  const [relations, setRelations] = useState<string[]>([...RELATIONS]);
  const [from, setFrom] = useState('');
  const [force, setForce] = useState(false);

  const submit = (input: StartJobInput) => (event: FormEvent) => {
    event.preventDefault();
    start.mutate(input);
  };
  const crawl: StartJobInput = {
    kind: 'crawl',
    params: {
      bases: words(bases),
      authors: words(authors),
      top: top ? Number(top) : null,
      depth: Number(depth) || 1,
      relations: RELATIONS.filter((r) => relations.includes(r)),
    },
  };

  return (
    <section className="panel stack" aria-labelledby="jobs-start-title">
      <h2 id="jobs-start-title">Start a job</h2>
      <form className="stack" onSubmit={submit(crawl)} aria-label="Crawl the Hub">
        <h3>Crawl the Hub</h3>
        <div className="control-row">
          <label className="field">
            Base models
            <input value={bases} onChange={(e) => setBases(e.target.value)} placeholder="Qwen/Qwen2.5-7B …" />
          </label>
          <label className="field">
            Authors
            <input
              value={authors}
              onChange={(e) => setAuthors(e.target.value)}
              placeholder="mistralai google"
            />
          </label>
          <label className="field">
            Top N
            <input
              type="number"
              min={1}
              max={1_000_000}
              value={top}
              onChange={(e) => setTop(e.target.value)}
            />
          </label>
          <label className="field">
            Depth
            <input type="number" min={1} max={10} value={depth} onChange={(e) => setDepth(e.target.value)} />
          </label>
        </div>
        <fieldset className="control-row">
          <legend className="small muted">Relations</legend>
          {RELATIONS.map((r) => (
            <label key={r} className="field">
              <input
                type="checkbox"
                checked={relations.includes(r)}
                onChange={(e) =>
                  setRelations((list) => (e.target.checked ? [...list, r] : list.filter((x) => x !== r)))
                }
              />
              {r}
            </label>
          ))}
        </fieldset>
        <div className="control-row">
          <button type="submit" className="button" disabled={start.isPending}>
            Start crawl
          </button>
          <button
            type="button"
            className="button"
            disabled={start.isPending}
            onClick={() => start.mutate({ kind: 'crawl', params: { resume: true } })}
          >
            Resume last crawl
          </button>
        </div>
      </form>

      <form
        className="stack"
        onSubmit={submit({ kind: 'import', source: 'paper', from: from.trim() || undefined })}
        aria-label="Import the paper's data"
      >
        <h3>Import the paper's data</h3>
        <div className="control-row">
          <label className="field">
            From (folder or URL on the server; empty: the authors' repository)
            <input value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <button type="submit" className="button" disabled={start.isPending}>
            Start import
          </button>
        </div>
      </form>

      <form className="stack" onSubmit={submit({ kind: 'fit', force })} aria-label="Refit">
        <h3>Refit</h3>
        <div className="control-row">
          <label className="field">
            <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} />
            Refit every series, even unchanged ones
          </label>
          <button type="submit" className="button" disabled={start.isPending}>
            Start refit
          </button>
        </div>
      </form>

      <div aria-live="polite">
        {start.isError && (
          <p className="notice notice-error" role="alert">
            {start.error.message}
          </p>
        )}
        {start.isSuccess && (
          <p className="notice">
            Started {start.data.kind} job {start.data.id}.
          </p>
        )}
      </div>
    </section>
  );
}
