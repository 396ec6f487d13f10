'use client';

import Link from 'next/link';
import { useQueryStates } from 'nuqs';
import { useEffect, useState } from 'react';
import { seriesColor } from '@/components/charts/chart-theme.ts';
import { CopyLinkButton } from '@/components/ui/copy-link-button.tsx';
import { QueryState } from '@/components/ui/query-state.tsx';
import { formatInteger, formatParam } from '@/lib/format.ts';
import { useOrgsCompare } from '@/lib/hooks/use-orgs-compare.ts';
import type { OrgList, OrgsCompare } from '@/lib/schemas/orgs.ts';
import { orgPath, orgsViewParsers } from '@/lib/url-state.ts';
import { OrgAggregates } from './org-aggregates.tsx';
import { OrgDensities } from './org-densities.tsx';
import { OrgSpreads } from './org-spreads.tsx';

/** Organisations compared: totals, densities at 2/6/12 months (Fig. 3) and parameter spreads, with a λ filter. */
export function OrgsCompareView({
  orgs,
  initial,
}: {
  orgs: OrgList;
  initial: { lmin: number; lmax: number; data: OrgsCompare | null };
}) {
  const [{ lmin, lmax }, setView] = useQueryStates({
    lmin: orgsViewParsers.lmin,
    lmax: orgsViewParsers.lmax,
  });
  const [draft, setDraft] = useState({ lmin: String(lmin), lmax: String(lmax) });
  useEffect(() => setDraft({ lmin: String(lmin), lmax: String(lmax) }), [lmin, lmax]);
  const same = lmin === initial.lmin && lmax === initial.lmax;
  const compare = useOrgsCompare(
    { lambdaMin: lmin, lambdaMax: lmax },
    same ? (initial.data ?? undefined) : undefined,
  );
  // The comparison names organisations by slug; colours follow the table's order so they stay put when the filter changes.
  const indexOf = (org: string) => orgs.items.findIndex((o) => o.slug === org || o.name === org);
  const colorOf = (org: string) => seriesColor(Math.max(0, indexOf(org)));
  const nameOf = (org: string) => orgs.items[indexOf(org)]?.name ?? org;

  function apply() {
    const a = Number(draft.lmin);
    const b = Number(draft.lmax);
    if (Number.isFinite(a) && Number.isFinite(b) && a >= 0 && a <= b) void setView({ lmin: a, lmax: b });
  }

  return (
    <div className="stack">
      <header className="page-header">
        <h1>Organisations</h1>
        <p className="lead">
          Who attracts derivatives, how fast, and how their models' growth parameters differ.
        </p>
      </header>
      <section className="panel" aria-labelledby="orgs-list-title">
        <h2 id="orgs-list-title">All organisations</h2>
        <div className="chart-table-scroll">
          <table className="data-table" data-testid="orgs-table">
            <thead>
              <tr>
                <th scope="col" className="text">
                  Organisation
                </th>
                <th scope="col" className="text">
                  Hub accounts
                </th>
                <th scope="col" className="num">
                  Base models
                </th>
                <th scope="col" className="num">
                  Derivatives
                </th>
                <th scope="col" className="num">
                  Median λ
                </th>
              </tr>
            </thead>
            <tbody>
              {orgs.items.map((o) => (
                <tr key={o.slug}>
                  <td className="text">
                    <Link href={orgPath(o.slug)}>{o.name}</Link>
                  </td>
                  <td className="text muted">
                    {o.authors.slice(0, 4).join(', ')}
                    {o.authors.length > 4 ? ', …' : ''}
                  </td>
                  <td className="num">{formatInteger(o.models)}</td>
                  <td className="num">{formatInteger(o.derivatives)}</td>
                  <td className="num">{formatParam(o.medianLambda)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="stack" aria-labelledby="orgs-density-title">
        <div className="toolbar">
          <div>
            <h2 id="orgs-density-title">Distributions by organisation</h2>
            <p className="muted small">
              Base models whose fitted λ lies in the range (the paper uses 1 ≤ λ ≤ 10).
            </p>
          </div>
          <form
            className="control-row"
            onSubmit={(event) => {
              event.preventDefault();
              apply();
            }}
          >
            <label className="field">
              <span>λ from</span>
              <input
                type="number"
                step="0.5"
                min="0"
                value={draft.lmin}
                onChange={(e) => setDraft({ ...draft, lmin: e.target.value })}
                style={{ width: '5rem' }}
              />
            </label>
            <label className="field">
              <span>to</span>
              <input
                type="number"
                step="0.5"
                min="0"
                value={draft.lmax}
                onChange={(e) => setDraft({ ...draft, lmax: e.target.value })}
                style={{ width: '5rem' }}
              />
            </label>
            <button type="submit" className="button-small">
              Apply
            </button>
            <CopyLinkButton />
          </form>
        </div>
        <QueryState
          query={compare}
          label="The comparison"
          height={260}
          isEmpty={(d) => d.densities.length === 0 && d.params.every((p) => p.n === 0)}
          emptyMessage="No models in this λ range."
        >
          {(data) => (
            <>
              <OrgDensities data={data} colorOf={colorOf} nameOf={nameOf} />
              <OrgAggregates data={data} colorOf={colorOf} nameOf={nameOf} />
              <h3 className="section-gap">Growth parameters of the selected models</h3>
              <OrgSpreads data={data} nameOf={nameOf} />
            </>
          )}
        </QueryState>
      </section>
    </div>
  );
}
