import Link from 'next/link';
import { formatInteger, formatParam } from '@/lib/format.ts';
import type { ParametersView as ParametersData } from '@/lib/schemas/parameters.ts';
import { modelPath } from '@/lib/url-state.ts';

const TABLE_ROWS = 40;

/** Table 1 style: the largest base models' parameters, failed fits marked "*". */
export function ParametersTable({ data }: { data: ParametersData }) {
  return (
    <section className="panel" aria-labelledby="table1-title">
      <h2 id="table1-title">The largest base models</h2>
      <p className="muted small">
        Table 1 style: fitted parameters of the {TABLE_ROWS} base models with the most derivatives. * marks a
        failed fit.
      </p>
      <div className="chart-table-scroll">
        <table className="data-table" data-testid="parameters-table">
          <thead>
            <tr>
              <th scope="col" className="text">
                Model
              </th>
              <th scope="col" className="num">
                Derivatives
              </th>
              <th scope="col" className="num">
                λ
              </th>
              <th scope="col" className="num">
                μ
              </th>
              <th scope="col" className="num">
                σ
              </th>
              <th scope="col" className="text">
                Fit
              </th>
            </tr>
          </thead>
          <tbody>
            {data.items.slice(0, TABLE_ROWS).map((r) => (
              <tr key={r.repoId}>
                <td className="text">
                  <Link href={modelPath(r.repoId)}>{r.repoId}</Link>
                  {r.failed && <span className="failed-mark"> *</span>}
                </td>
                <td className="num">{formatInteger(r.derivatives)}</td>
                <td className="num">{formatParam(r.lambda)}</td>
                <td className="num">{formatParam(r.mu)}</td>
                <td className="num">{formatParam(r.sigma)}</td>
                <td className={r.failed ? 'text status-bad' : 'text'}>{r.status.replaceAll('_', ' ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
