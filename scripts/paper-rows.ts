// The paper's monthly series for the backtest and the benchmark, read by the importer's validated parser.
import { type PaperMonthlyRow, paperMonthlyRows, readPaperData } from '@/lib/ingest/paper.ts';
import { resolvePaperSource } from '@/lib/ingest/paper-source.ts';

/** `dir` is the data folder (holding 2025-02-18/) or the dated folder itself. */
export async function loadPaperRows(dir: string): Promise<PaperMonthlyRow[]> {
  return paperMonthlyRows(readPaperData(await resolvePaperSource(dir)));
}
