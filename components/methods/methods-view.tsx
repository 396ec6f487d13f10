import { formatDate, formatInteger, formatParam, formatPercent } from '@/lib/format.ts';
import type { MethodsView as MethodsData } from '@/lib/schemas/methods.ts';

const SOURCE_NAMES: Record<string, string> = {
  paper: "The paper's published data (Bhandari et al., arXiv 2502.15987)",
  hub: 'Hugging Face Hub crawl',
  hub_dump: 'Hugging Face Hub dump',
  simulated: 'Simulator (not real models)',
};

function detailText(details: Record<string, unknown>): string {
  return Object.entries(details)
    .filter(
      ([key, value]) =>
        key !== 'loadedAt' &&
        (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'),
    )
    .slice(0, 6)
    .map(([key, value]) => `${key}: ${typeof value === 'number' ? formatInteger(value) : String(value)}`)
    .join(' · ');
}

/** How the numbers are made: the model, the data and their freshness, and the measured forecast accuracy. */
export function MethodsView({ data }: { data: MethodsData }) {
  const { backtest, calibration } = data;
  const horizons = backtest?.horizons ?? [];
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Methods</h1>
        <p className="lead">
          What the curves are, where the data come from, and how good the forecasts have been.
        </p>
      </header>

      <section className="panel" aria-labelledby="model-title">
        <h2 id="model-title">The growth model</h2>
        <p>
          Each base model's cumulative number of derivatives t months after its release follows the
          Wang–Song–Barabási curve, first proposed for citations of scientific papers and applied to Hugging
          Face by Bhandari, Chen and Gao (2025):
        </p>
        <p className="formula">
          c(t) = m · ( e<sup>λ · Φ((ln t − μ) / σ)</sup> − 1 )
        </p>
        <ul>
          <li>
            <strong>λ, fitness</strong>: how strongly the model attracts derivatives. The eventual count is
            m(e<sup>λ</sup> − 1), so each unit of λ multiplies it by about e ≈ 2.7.
          </li>
          <li>
            <strong>μ, immediacy</strong>: when attention peaks, about e<sup>μ</sup> months after release.
          </li>
          <li>
            <strong>σ, longevity</strong>: how long attention lasts; a larger σ spreads the same growth over
            more months.
          </li>
          <li>
            <strong>m</strong>: the initial attractiveness, fixed (m = 30 in our fits, m = 1 in the paper's).
            Φ is the standard normal CDF.
          </li>
        </ul>
        <p>
          Our fits (method version {data.methodVersion}) use months, shrink λ towards what similar models show
          (an empirical-Bayes prior), forecast from the last observed count rather than from the curve's
          start, and report fits that do not converge as failed instead of returning the starting point. The
          current, incomplete month is shown but never fitted. Prediction intervals widen with the horizon.
        </p>
      </section>

      <section className="panel" aria-labelledby="sources-title">
        <h2 id="sources-title">Data sources</h2>
        {data.sources.length === 0 ? (
          <p className="muted">No data loaded yet.</p>
        ) : (
          <div className="chart-table-scroll">
            <table className="data-table" data-testid="sources-table">
              <thead>
                <tr>
                  <th scope="col" className="text">
                    Source
                  </th>
                  <th scope="col" className="text">
                    Loaded
                  </th>
                  <th scope="col" className="text">
                    Details
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.sources.map((s) => (
                  <tr key={s.key}>
                    <td className="text">{SOURCE_NAMES[s.key] ?? s.key}</td>
                    <td className="text">{formatDate(s.loadedAt)}</td>
                    <td className="text muted" style={{ whiteSpace: 'normal' }}>
                      {detailText(s.details)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="backtest-title">
        <h2 id="backtest-title">Forecast accuracy</h2>
        {!backtest ? (
          <p className="muted">No backtest has been run on these data yet (npm run backtest).</p>
        ) : (
          <>
            <p className="muted small">
              Leave-future-out backtest over {formatInteger(backtest.cases)} cases from{' '}
              {formatInteger(backtest.models)} base models: each method sees months 0..K only (K ∈{' '}
              {backtest.cutoffs.join(', ')}) and predicts month K + H. Error = |ln(1 + forecast) − ln(1 +
              actual)|; 0.1 is about 10% off. Computed {formatDate(backtest.computedAt)}.
            </p>
            <div className="chart-table-scroll">
              <table className="data-table" data-testid="backtest-table">
                <thead>
                  <tr>
                    <th scope="col" className="text">
                      Method
                    </th>
                    <th scope="col" className="num">
                      Cases
                    </th>
                    <th scope="col" className="num">
                      Median error
                    </th>
                    {horizons.map((h) => (
                      <th key={h} scope="col" className="num">
                        H = {h}
                      </th>
                    ))}
                    <th scope="col" className="num">
                      Mean error
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {backtest.methods.map((m) => (
                    <tr key={m.method}>
                      <td className="text">{m.method}</td>
                      <td className="num">{formatInteger(m.cases)}</td>
                      <td className="num">{formatParam(m.medianError)}</td>
                      {horizons.map((h) => (
                        <td key={h} className="num">
                          {formatParam(m.byHorizon.find((b) => b.horizon === h)?.medianError)}
                        </td>
                      ))}
                      <td className="num">{formatParam(m.meanError)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        <h3 style={{ marginTop: '1rem' }}>Calibration of the prediction intervals</h3>
        {!calibration ? (
          <p className="muted">Not measured yet.</p>
        ) : (
          <>
            <p className="muted small">
              Share of backtest cases whose actual value fell inside the interval. An 80% interval should hold
              about 80% of them.
            </p>
            <div className="chart-table-scroll">
              <table className="data-table" data-testid="calibration-table">
                <thead>
                  <tr>
                    <th scope="col" className="text">
                      Horizon
                    </th>
                    <th scope="col" className="num">
                      Inside 80% interval
                    </th>
                    <th scope="col" className="num">
                      Inside 95% interval
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <td className="text">All ({formatInteger(calibration.cases)} cases)</td>
                    <td className="num">{formatPercent(calibration.coverage80, 1)}</td>
                    <td className="num">{formatPercent(calibration.coverage95, 1)}</td>
                  </tr>
                  {calibration.byHorizon.map((h) => (
                    <tr key={h.horizon}>
                      <td className="text">{h.horizon} months ahead</td>
                      <td className="num">{formatPercent(h.coverage80, 1)}</td>
                      <td className="num">{formatPercent(h.coverage95, 1)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
