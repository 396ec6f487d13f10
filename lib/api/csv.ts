// CSV downloads of chart data: one header row, then one row per record, numbers written as JSON writes them.

export type CsvCell = string | number | boolean | null | undefined;

/** One CSV column: its header and how to read it from a row. */
export type CsvColumn<T> = { header: string; value: (row: T) => CsvCell };

function escapeCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  const text = typeof cell === 'number' ? (Number.isFinite(cell) ? String(cell) : '') : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 text with a header row and CRLF line ends. */
export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  const lines = [columns.map((c) => escapeCell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => escapeCell(c.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Columns that copy the named keys of a flat record. */
export function columnsOf<T extends Record<string, CsvCell>>(
  keys: readonly (keyof T & string)[],
): CsvColumn<T>[] {
  return keys.map((key) => ({ header: key, value: (row: T) => row[key] }));
}

/** A text/csv response offered as a download named `filename`. */
export function csvResponse(csv: string, filename: string, init: ResponseInit = {}): Response {
  const safe = filename.replace(/[^A-Za-z0-9._-]+/g, '_');
  return new Response(csv, {
    ...init,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${safe}"`,
      ...init.headers,
    },
  });
}
