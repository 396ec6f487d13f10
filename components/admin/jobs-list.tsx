'use client';

import { QueryState } from '@/components/ui/query-state.tsx';
import { formatDate, formatInteger, formatPercent } from '@/lib/format.ts';
import { useJobs } from '@/lib/hooks/use-jobs.ts';
import type { Job } from '@/lib/schemas/jobs.ts';

function progressText(job: Job): string {
  if (job.total === null) return job.status === 'running' ? `${formatInteger(job.done)} done` : '–';
  return `${formatInteger(job.done)} / ${formatInteger(job.total)}`;
}

/** The latest jobs with their progress, polled while one runs. */
export function JobsList() {
  const jobs = useJobs({ limit: 20 });
  return (
    <section className="panel stack" aria-labelledby="jobs-title">
      <h2 id="jobs-title">Jobs</h2>
      <QueryState query={jobs} label="Jobs" isEmpty={(d) => d.items.length === 0} emptyMessage="No jobs yet.">
        {(data) => (
          <div className="chart-table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Job</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Status</th>
                  <th scope="col">Progress</th>
                  <th scope="col">Started</th>
                  <th scope="col">Error</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((job) => (
                  <tr key={job.id}>
                    <td className="num">{job.id}</td>
                    <td>{job.kind}</td>
                    <td
                      className={
                        job.status === 'failed'
                          ? 'status-bad'
                          : job.status === 'succeeded'
                            ? 'status-ok'
                            : undefined
                      }
                    >
                      {job.status}
                    </td>
                    <td>
                      {job.progress !== null && (
                        <progress value={job.progress} max={1} aria-label={`Job ${job.id} progress`}>
                          {formatPercent(job.progress)}
                        </progress>
                      )}{' '}
                      <span className="small">{progressText(job)}</span>
                    </td>
                    <td>{formatDate(job.startedAt)}</td>
                    <td className="small">{job.error ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
    </section>
  );
}
