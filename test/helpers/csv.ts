// Reads CSV downloads back in tests (API responses, chart exports) with the same parser the importer uses.
import { parse } from 'csv-parse/sync';

/** A CSV text with a header row → records of strings keyed by header. */
export function parseCsv(text: string): Record<string, string>[] {
  return parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
}
