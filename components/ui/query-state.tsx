import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  /** True when the data hold nothing to show. */
  isEmpty?: (data: T) => boolean;
  emptyMessage?: ReactNode;
  /** Height of the skeleton, so the layout does not jump when data arrive. */
  height?: number;
  label?: string;
}

/** The one loading / error / empty wrapper for client widgets. */
export function QueryState<T>({
  query,
  children,
  isEmpty,
  emptyMessage = 'No data yet.',
  height = 160,
  label,
}: QueryStateProps<T>) {
  if (query.isPending) {
    return (
      <div
        className="skeleton"
        style={{ height }}
        role="status"
        aria-label={label ? `Loading ${label}` : 'Loading'}
      />
    );
  }
  if (query.isError) {
    return (
      <div className="notice notice-error" role="alert">
        <p>
          {label ? `${label} could not be loaded: ` : ''}
          {query.error.message}
        </p>
        <button type="button" className="button-small" onClick={() => void query.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  if (isEmpty?.(query.data)) return <div className="notice">{emptyMessage}</div>;
  return (
    <div
      className={query.isPlaceholderData || query.isFetching ? 'is-refreshing' : undefined}
      aria-busy={query.isFetching}
    >
      {children(query.data)}
    </div>
  );
}
