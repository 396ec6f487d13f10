import Link from 'next/link';
import { Stat } from '@/components/ui/stat.tsx';
import { formatCount, formatDate, formatInteger, formatPercentile } from '@/lib/format.ts';
import type { ModelDetail } from '@/lib/schemas/models.ts';
import { hubUrl, orgPath } from '@/lib/url-state.ts';

const SOURCE_TEXT: Record<ModelDetail['source'], string> = {
  hub: 'Hugging Face Hub crawl',
  hub_dump: 'Hugging Face Hub dump',
  paper: "the paper's published data (to 18 Feb 2025)",
  simulated: 'the simulator',
};

/** Name, links and headline numbers of a base model. */
export function ModelHeader({ detail }: { detail: ModelDetail }) {
  return (
    <header className="page-header">
      <p className="eyebrow">
        {detail.org ? <Link href={orgPath(detail.org.slug)}>{detail.org.name}</Link> : detail.author} · base
        model
      </p>
      <h1 className="model-title">{detail.repoId}</h1>
      <p className="muted">
        Created {formatDate(detail.createdAt)}
        {detail.pipelineTag && <> · {detail.pipelineTag}</>}
        {detail.libraryName && <> · {detail.libraryName}</>} · data from {SOURCE_TEXT[detail.source]} ·{' '}
        <a href={hubUrl(detail.repoId)} target="_blank" rel="noreferrer">
          View on the Hub ↗
        </a>
      </p>
      <div className="stat-grid">
        <Stat
          label="Derivatives"
          value={formatInteger(detail.derivatives)}
          hint={detail.age !== null ? `after ${detail.age} months` : undefined}
          testId="stat-derivatives"
        />
        <Stat
          label="Last 3 months"
          value={detail.growth3m === null ? '–' : `+${formatCount(detail.growth3m)}`}
          hint="derivatives added"
        />
        <Stat
          label="Forecast in 12 months"
          value={formatCount(detail.forecast12)}
          hint="mean of our forecast"
        />
        <Stat
          label="Breakout percentile"
          value={formatPercentile(detail.percentile)}
          hint="against models released within ±3 months, at the same age"
        />
        {detail.downloadsAllTime !== null && (
          <Stat
            label="Downloads"
            value={formatCount(detail.downloadsAllTime)}
            hint={
              detail.downloads30d !== null
                ? `${formatCount(detail.downloads30d)} in the last 30 days`
                : 'all time'
            }
          />
        )}
      </div>
    </header>
  );
}
