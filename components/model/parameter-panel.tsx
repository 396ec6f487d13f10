import { Stat } from '@/components/ui/stat.tsx';
import { formatCount, formatParam, formatParamWithError } from '@/lib/format.ts';
import type { ForecastView } from '@/lib/schemas/forecast.ts';
import type { ModelDetail } from '@/lib/schemas/models.ts';

const STATUS_TEXT: Record<string, string> = {
  ok: 'fit converged',
  insufficient_data: 'too little data to fit',
  not_converged: 'the fit did not converge',
  impact_beyond_data: 'the peak lies beyond the data: parameters are uncertain',
  start_point: 'the optimiser never left its starting point',
  degenerate: 'degenerate fit (curve pushed into the tail)',
  failed: 'the fit failed',
};

function unitWord(granularity: 'month' | 'day', value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const rounded = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  return `${rounded.toLocaleString('en-US')} ${granularity}${rounded === 1 ? '' : 's'}`;
}

/** λ, μ, σ with their uncertainty and what each means in plain words; the paper's fit beside ours. */
export function ParameterPanel({
  forecast,
  paperFit,
}: {
  forecast: ForecastView;
  paperFit: ModelDetail['paperFit'];
}) {
  const { fit, granularity } = forecast;
  const p = fit.params;
  const u = fit.uncertainty;
  return (
    <section className="panel" aria-labelledby="params-title">
      <h2 id="params-title">Growth parameters</h2>
      <p className="muted small">
        Wang–Song–Barabási curve c(t) = m(e<sup>λΦ((ln t − μ)/σ)</sup> − 1), fitted by {fit.method}{' '}
        {fit.version} on data up to {granularity} {forecast.asOf.index}; t in {granularity}s
        {p ? `, m = ${formatParam(p.m)}` : ''}. Status:{' '}
        <span className={fit.status === 'ok' ? 'status-ok' : 'status-bad'} data-testid="fit-status">
          {STATUS_TEXT[fit.status] ?? fit.status}
        </span>
        .
      </p>
      <div className="stat-grid">
        <Stat
          label="λ fitness"
          value={formatParamWithError(p?.lambda, u?.lambda)}
          hint="How strongly the model attracts derivatives: the eventual count grows like e^λ."
          testId="param-lambda"
        />
        <Stat
          label="μ immediacy"
          value={formatParamWithError(p?.mu, u?.mu)}
          hint={`Attention peaks about e^μ = ${unitWord(granularity, fit.impactTime)} after release.`}
          testId="param-mu"
        />
        <Stat
          label="σ longevity"
          value={formatParamWithError(p?.sigma, u?.sigma)}
          hint={`How long attention lasts: larger σ, slower decay${fit.halfLife !== null ? ` (half of the eventual count after ${unitWord(granularity, fit.halfLife)})` : ''}.`}
          testId="param-sigma"
        />
        <Stat
          label="Eventual count"
          value={formatCount(fit.eventual)}
          hint={`m(e^λ − 1): where the curve levels off if nothing changes.`}
          testId="param-eventual"
        />
      </div>
      {paperFit && (
        <div className="paper-fit" data-testid="paper-fit">
          <h3>The paper's published fit</h3>
          <p className="muted small">
            Bhandari et al. (arXiv 2502.15987), t in years, m = 1.{' '}
            {paperFit.status !== 'ok' && (
              <strong>* failed fit ({STATUS_TEXT[paperFit.status] ?? paperFit.status}).</strong>
            )}
          </p>
          <dl className="inline-dl">
            <dt>λ</dt>
            <dd>{formatParam(paperFit.lambda)}</dd>
            <dt>μ</dt>
            <dd>{formatParam(paperFit.mu)}</dd>
            <dt>σ</dt>
            <dd>{formatParam(paperFit.sigma)}</dd>
          </dl>
        </div>
      )}
    </section>
  );
}
