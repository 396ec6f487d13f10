'use client';

import { useQueryStates } from 'nuqs';
import { CopyLinkButton } from '@/components/ui/copy-link-button.tsx';
import { QueryState } from '@/components/ui/query-state.tsx';
import { Segmented } from '@/components/ui/segmented.tsx';
import { formatInteger } from '@/lib/format.ts';
import { useParameters } from '@/lib/hooks/use-parameters.ts';
import type { ParametersView as ParametersData } from '@/lib/schemas/parameters.ts';
import { parametersViewParsers } from '@/lib/url-state.ts';
import { ParameterFigures } from './parameter-figures.tsx';
import { ParametersTable } from './parameters-table.tsx';

/** Fig. 2 and Table 1: every fit's λ, μ, σ, for our method or the paper's. */
export function ParametersView({ initial }: { initial: ParametersData }) {
  const [{ method }, setView] = useQueryStates(parametersViewParsers);
  const parameters = useParameters(method, initial);
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Growth parameters</h1>
        <p className="lead">
          λ (fitness), μ (immediacy) and σ (longevity) of every base model's fitted curve. Our fits measure
          time in months with m = 30; the paper's in years with m = 1, so their values are not comparable one
          to one.
        </p>
      </header>
      <div className="toolbar">
        <Segmented
          label="Fits"
          value={method}
          options={[
            { value: 'wsb-eb', label: 'Our fits' },
            { value: 'paper-published', label: "The paper's fits" },
          ]}
          onChange={(m) => void setView({ method: m })}
        />
        <CopyLinkButton />
      </div>
      <QueryState
        query={parameters}
        label="The parameters"
        height={500}
        isEmpty={(d) => d.items.length === 0}
        emptyMessage="No fits yet."
      >
        {(data) => (
          <>
            <p className="muted small">
              {Object.entries(data.byStatus)
                .map(([status, n]) => `${formatInteger(n)} ${status.replaceAll('_', ' ')}`)
                .join(' · ')}{' '}
              · μ and σ in {data.unit}s.
            </p>
            <ParameterFigures data={data} />
            <ParametersTable data={data} />
          </>
        )}
      </QueryState>
    </div>
  );
}
