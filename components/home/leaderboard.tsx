import Link from 'next/link';
import { useQueryStates } from 'nuqs';
import { useState } from 'react';
import { QueryState } from '@/components/ui/query-state.tsx';
import { formatCount, formatInteger, formatParam, formatPercentile } from '@/lib/format.ts';
import { useModels } from '@/lib/hooks/use-models.ts';
import type { ModelList } from '@/lib/schemas/models.ts';
import { leaderboardParsers, modelPath, orgPath, type SortKey } from '@/lib/url-state.ts';

const PAGE = 25;

const COLUMNS: { key: SortKey; label: string; title: string }[] = [
  { key: 'derivatives', label: 'Derivatives', title: 'Derivatives of all relations, last observed month' },
  { key: 'growth3m', label: 'Last 3 mo', title: 'Derivatives added over the last 3 observed months' },
  { key: 'lambda', label: 'λ fitness', title: 'Fitness λ of our latest fit' },
  { key: 'eventual', label: 'Eventual', title: 'Eventual count m(e^λ − 1)' },
  { key: 'forecast12', label: 'In 12 mo', title: 'Mean forecast 12 months after the last observed month' },
  {
    key: 'percentile',
    label: 'Breakout',
    title: 'Percentile against models released within ±3 months, at the same age',
  },
];

/** The base-model leaderboard, sortable by every number column (sort and direction live in the URL). */
export function Leaderboard({
  initial,
}: {
  initial: { sort: SortKey; dir: 'asc' | 'desc'; data: ModelList };
}) {
  const [{ sort, dir }, setSort] = useQueryStates(leaderboardParsers);
  const [offset, setOffset] = useState(0);
  const same = sort === initial.sort && dir === initial.dir && offset === 0;
  const models = useModels({ sort, dir, limit: PAGE, offset }, same ? initial.data : undefined);

  function sortBy(key: SortKey) {
    setOffset(0);
    void setSort(key === sort ? { dir: dir === 'desc' ? 'asc' : 'desc' } : { sort: key, dir: 'desc' });
  }

  return (
    <section className="panel" aria-labelledby="leaderboard-title">
      <h2 id="leaderboard-title">Base models</h2>
      <p className="muted small">
        Sorted by {COLUMNS.find((c) => c.key === sort)?.title.toLowerCase()},{' '}
        {dir === 'desc' ? 'largest' : 'smallest'} first. Failed fits are marked *.
      </p>
      <QueryState
        query={models}
        label="The leaderboard"
        height={600}
        isEmpty={(d) => d.items.length === 0}
        emptyMessage="No base models in the database yet. Import data with npm run import."
      >
        {(data) => (
          <>
            <div className="chart-table-scroll" style={{ maxHeight: 'none' }}>
              <table className="data-table" data-testid="leaderboard">
                <caption className="visually-hidden">Base models, sortable</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      #
                    </th>
                    <th scope="col" className="text">
                      Model
                    </th>
                    <th scope="col" className="text">
                      Organisation
                    </th>
                    {COLUMNS.map((c) => (
                      <th
                        key={c.key}
                        scope="col"
                        className="num"
                        aria-sort={sort === c.key ? (dir === 'desc' ? 'descending' : 'ascending') : 'none'}
                        title={c.title}
                      >
                        <button
                          type="button"
                          className="sort-button"
                          aria-pressed={sort === c.key}
                          onClick={() => sortBy(c.key)}
                        >
                          {c.label}
                          {sort === c.key ? (dir === 'desc' ? ' ↓' : ' ↑') : ''}
                        </button>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((m, i) => (
                    <tr key={m.repoId}>
                      <td className="num muted">{offset + i + 1}</td>
                      <td className="text">
                        <Link href={modelPath(m.repoId)}>{m.repoId}</Link>
                      </td>
                      <td className="text">
                        {m.org ? (
                          <Link href={orgPath(m.org.slug)}>{m.org.name}</Link>
                        ) : (
                          <span className="muted">{m.author}</span>
                        )}
                      </td>
                      <td className="num">{formatInteger(m.derivatives)}</td>
                      <td className="num">{m.growth3m === null ? '–' : `+${formatCount(m.growth3m)}`}</td>
                      <td className="num">
                        {formatParam(m.lambda)}
                        {m.fitStatus && m.fitStatus !== 'ok' && (
                          <span className="failed-mark" title={`fit: ${m.fitStatus.replaceAll('_', ' ')}`}>
                            *
                          </span>
                        )}
                      </td>
                      <td className="num">{formatCount(m.eventual)}</td>
                      <td className="num">{formatCount(m.forecast12)}</td>
                      <td className="num">{formatPercentile(m.percentile)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <nav className="pager" aria-label="Leaderboard pages">
              <span className="muted">
                {offset + 1}–{offset + data.items.length} of {formatInteger(data.total)}
              </span>
              <button
                type="button"
                className="button-small"
                disabled={offset === 0}
                onClick={() => setOffset(Math.max(0, offset - PAGE))}
              >
                Previous
              </button>
              <button
                type="button"
                className="button-small"
                disabled={offset + PAGE >= data.total}
                onClick={() => setOffset(offset + PAGE)}
              >
                Next
              </button>
            </nav>
          </>
        )}
      </QueryState>
    </section>
  );
}
