import Link from 'next/link';
import { formatCount, formatDate, formatInteger, formatParam, formatPercentile } from '@/lib/format.ts';
import type { ModelSummary } from '@/lib/schemas/models.ts';
import { modelPath } from '@/lib/url-state.ts';

/** An organisation's base models with their headline numbers; failed fits marked "*". */
export function OrgModelsTable({ models, limit = 50 }: { models: readonly ModelSummary[]; limit?: number }) {
  const shown = [...models].sort((a, b) => b.derivatives - a.derivatives).slice(0, limit);
  return (
    <div className="chart-table-scroll">
      <table className="data-table" data-testid="org-models">
        <caption className="visually-hidden">Base models of the organisation</caption>
        <thead>
          <tr>
            <th scope="col" className="text">
              Model
            </th>
            <th scope="col" className="text">
              Created
            </th>
            <th scope="col" className="num">
              Derivatives
            </th>
            <th scope="col" className="num">
              Last 3 mo
            </th>
            <th scope="col" className="num">
              λ
            </th>
            <th scope="col" className="num">
              Eventual
            </th>
            <th scope="col" className="num">
              In 12 mo
            </th>
            <th scope="col" className="num">
              Breakout
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((m) => (
            <tr key={m.repoId}>
              <td className="text">
                <Link href={modelPath(m.repoId)}>{m.repoId}</Link>
              </td>
              <td className="text">{formatDate(m.createdAt)}</td>
              <td className="num">{formatInteger(m.derivatives)}</td>
              <td className="num">{m.growth3m === null ? '–' : `+${formatCount(m.growth3m)}`}</td>
              <td className="num">
                {formatParam(m.lambda)}
                {m.fitStatus && m.fitStatus !== 'ok' && <span className="failed-mark">*</span>}
              </td>
              <td className="num">{formatCount(m.eventual)}</td>
              <td className="num">{formatCount(m.forecast12)}</td>
              <td className="num">{formatPercentile(m.percentile)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {models.length > shown.length && (
        <p className="muted small">
          The {shown.length} largest of {formatInteger(models.length)} base models.
        </p>
      )}
    </div>
  );
}
