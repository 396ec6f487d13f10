import { QueryState } from '@/components/ui/query-state.tsx';
import { formatInteger } from '@/lib/format.ts';
import { useEcosystem } from '@/lib/hooks/use-ecosystem.ts';
import type { EcosystemView } from '@/lib/schemas/ecosystem.ts';
import { CurvesByYearPanel } from './curves-by-year-panel.tsx';
import { NewPerMonthPanel } from './new-per-month-panel.tsx';

/** The ecosystem at a glance: Fig. 1 and Fig. 4 of the paper on the current data. */
export function EcosystemOverview({ initial }: { initial?: EcosystemView }) {
  const ecosystem = useEcosystem(initial);
  return (
    <section aria-labelledby="ecosystem-title" className="stack">
      <h2 id="ecosystem-title">The ecosystem</h2>
      <QueryState query={ecosystem} label="The ecosystem" height={300}>
        {(data) => (
          <>
            <p className="muted">
              {formatInteger(data.totals.baseModels)} base models with{' '}
              {formatInteger(data.totals.derivatives)} derivatives in all.
            </p>
            <div className="two-col">
              <NewPerMonthPanel data={data} />
              <CurvesByYearPanel data={data} />
            </div>
          </>
        )}
      </QueryState>
    </section>
  );
}
