// CSV reading for imports: every problem is reported with the file, line and column, so a user can fix the file.
import { parse } from 'csv-parse/sync';

/** A malformed input file. The message names the file, the line and (when known) the column. */
export class CsvFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly column: string | null,
    detail: string,
  ) {
    const where = [file, line !== null ? `line ${line}` : null].filter(Boolean).join(' ');
    super(`${where}${column !== null ? `, column "${column}"` : ''}: ${detail}`);
    this.name = 'CsvFormatError';
  }
}

export interface CsvRow {
  /** 1-based line number of the row in the file (the header is line 1). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  file: string;
  header: string[];
  rows: CsvRow[];
  /** Column index by header name. */
  index: Map<string, number>;
}

interface CsvParseErrorShape {
  message: string;
  lines?: number;
}

/**
 * Parses a CSV text with a header line. Rows whose column count differs from the header's are
 * rejected here (a truncated download ends in such a row), so callers can index cells safely.
 */
export function parseCsvTable(text: string, file: string): CsvTable {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
  } catch (error) {
    const shaped = error as CsvParseErrorShape;
    // csv-parse messages start with "Invalid ..."; keep them, with our file prefix.
    throw new CsvFormatError(file, shaped.lines ?? null, null, shaped.message);
  }
  if (records.length === 0) throw new CsvFormatError(file, 1, null, 'the file is empty (no header line)');
  const header = records[0].record.map((name) => name.trim());
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (index.has(name)) throw new CsvFormatError(file, 1, name, 'the column appears twice in the header');
    index.set(name, i);
  });
  const rows: CsvRow[] = [];
  for (let r = 1; r < records.length; r++) {
    const { record, info } = records[r];
    if (record.length !== header.length) {
      const hint =
        r === records.length - 1 && record.length < header.length ? ' (is the file truncated?)' : '';
      throw new CsvFormatError(
        file,
        info.lines,
        null,
        `expected ${header.length} columns, found ${record.length}${hint}`,
      );
    }
    rows.push({ line: info.lines, cells: record });
  }
  return { file, header, rows, index };
}

/** Throws unless every named column is in the header. */
export function requireColumns(table: CsvTable, columns: readonly string[]): void {
  for (const column of columns) {
    if (!table.index.has(column)) throw new CsvFormatError(table.file, 1, column, 'missing column');
  }
}

const NUMBER_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A cell that must hold a finite number ("12", "12.0", "1e-15"). */
export function numberCell(table: CsvTable, row: CsvRow, column: string): number {
  const raw = cell(table, row, column).trim();
  const value = NUMBER_PATTERN.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isFinite(value)) {
    throw new CsvFormatError(table.file, row.line, column, `${JSON.stringify(raw)} is not a number`);
  }
  return value;
}

/** A cell that may be empty (returns null) or must hold a finite number. */
export function optionalNumberCell(table: CsvTable, row: CsvRow, column: string): number | null {
  return cell(table, row, column).trim() === '' ? null : numberCell(table, row, column);
}

/** A cell holding a date-time the way pandas writes it ("2024-01-22 16:30:10+00:00") or ISO 8601. */
export function dateCell(table: CsvTable, row: CsvRow, column: string): Date {
  const raw = cell(table, row, column).trim();
  const iso = raw.replace(' ', 'T');
  const hasZone = /([zZ]|[+-]\d\d:?\d\d)$/.test(iso);
  const date = /^\d{4}-\d{2}-\d{2}/.test(iso) ? new Date(hasZone ? iso : `${iso}Z`) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) {
    throw new CsvFormatError(table.file, row.line, column, `${JSON.stringify(raw)} is not a date`);
  }
  return date;
}

/** A boolean cell as pandas writes it (True/False), also accepting true/false/1/0. */
export function booleanCell(table: CsvTable, row: CsvRow, column: string): boolean {
  const raw = cell(table, row, column).trim().toLowerCase();
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new CsvFormatError(table.file, row.line, column, `${JSON.stringify(raw)} is not True or False`);
}

export function cell(table: CsvTable, row: CsvRow, column: string): string {
  const i = table.index.get(column);
  if (i === undefined) throw new CsvFormatError(table.file, 1, column, 'missing column');
  return row.cells[i];
}
