import { parse } from 'csv-parse/sync';

/** One row of the paper's finetune CSV: monthly cumulative derivative counts from the release month. */
export type PaperRow = {
  id: string;
  company: string;
  /** y[k] = cumulative derivatives k months after creation; trailing empty cells dropped. */
  y: number[];
  stored: { lambda: number; mu: number; sigma: number; approx: boolean };
};

/**
 * Parses the text of one `finetune/<Company>.csv` file of the paper's data (pure: takes the text).
 * Throws on a missing `model` column or a non-numeric observed cell.
 */
export function parsePaperFinetuneCsv(text: string): PaperRow[] {
  const records = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const rows: PaperRow[] = [];
  for (const r of records) {
    if (r.model === undefined) throw new Error('finetune CSV has no "model" column');
    const y: number[] = [];
    for (let k = 0; ; k++) {
      const cell = r[`${k}-month`];
      if (cell === undefined || cell === '') break;
      const v = Number(cell);
      if (!Number.isFinite(v)) throw new Error(`${r.model}: ${k}-month = "${cell}" is not a number`);
      y.push(v);
    }
    rows.push({
      id: r.model,
      company: r.company ?? '',
      y,
      stored: {
        lambda: Number(r.lambda_i),
        mu: Number(r.mu_i),
        sigma: Number(r.sigma_i),
        approx: r.approx_condition === 'True',
      },
    });
  }
  return rows;
}
