import { QueryState } from '@/components/ui/query-state.tsx';
import { formatCount, formatDate } from '@/lib/format.ts';
import { useDerivatives } from '@/lib/hooks/use-derivatives.ts';
import { hubUrl } from '@/lib/url-state.ts';

/** The largest derivatives, linked to the Hub. */
export function DerivativesPanel({ repoId }: { repoId: string }) {
  const derivatives = useDerivatives(repoId, 10);
  return (
    <section className="panel" aria-labelledby="derivatives-title">
      <h2 id="derivatives-title">Largest derivatives</h2>
      <QueryState
        query={derivatives}
        label="The derivatives"
        isEmpty={(d) => d.items.length === 0}
        emptyMessage="No individual derivatives are known for this model (the imported data hold counts only)."
      >
        {(d) => (
          <div className="chart-table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">Largest derivatives of {repoId}</caption>
              <thead>
                <tr>
                  <th scope="col" className="text">
                    Model
                  </th>
                  <th scope="col" className="text">
                    Relation
                  </th>
                  <th scope="col" className="text">
                    Created
                  </th>
                  <th scope="col" className="num">
                    Downloads (30 days)
                  </th>
                  <th scope="col" className="num">
                    Downloads (all time)
                  </th>
                  <th scope="col" className="num">
                    Likes
                  </th>
                  <th scope="col" className="num">
                    Own derivatives
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((item) => (
                  <tr key={item.repoId}>
                    <td className="text">
                      <a href={hubUrl(item.repoId)} target="_blank" rel="noreferrer">
                        {item.repoId}
                      </a>
                    </td>
                    <td className="text">{item.relation}</td>
                    <td className="text">{formatDate(item.createdAt)}</td>
                    <td className="num">{formatCount(item.downloads30d)}</td>
                    <td className="num">{formatCount(item.downloadsAllTime)}</td>
                    <td className="num">{formatCount(item.likes)}</td>
                    <td className="num">{formatCount(item.children)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {d.total > d.items.length && (
              <p className="muted small">{formatCount(d.total)} derivatives in all.</p>
            )}
          </div>
        )}
      </QueryState>
    </section>
  );
}
