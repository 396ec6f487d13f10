import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { columnsOf, csvResponse, toCsv } from './csv.ts';

type Row = { name: string; value: number | null; note: string };

describe('csv', () => {
  const rows: Row[] = [
    { name: 'Qwen/Qwen2.5-7B', value: 12.5, note: 'plain' },
    { name: 'a,b', value: null, note: 'say "hi"\nthere' },
  ];

  test('header row, escaping, empty cells for null', () => {
    const csv = toCsv(columnsOf<Row>(['name', 'value', 'note']), rows);
    expect(csv.split('\r\n')[0]).toBe('name,value,note');
    expect(csv).toContain('"a,b",,"say ""hi""\nthere"');
  });

  test('round trip', () => {
    const parsed = parse(toCsv(columnsOf<Row>(['name', 'value', 'note']), rows), { columns: true });
    expect(parsed).toEqual([
      { name: 'Qwen/Qwen2.5-7B', value: '12.5', note: 'plain' },
      { name: 'a,b', value: '', note: 'say "hi"\nthere' },
    ]);
  });

  test.each([Number.NaN, Number.POSITIVE_INFINITY])('non-finite number %s is an empty cell', (v) => {
    expect(toCsv([{ header: 'x', value: () => v }], [{}])).toBe('x\r\n\r\n');
  });

  test('response headers', async () => {
    const res = csvResponse('a\r\n1\r\n', 'Qwen/Qwen2.5 series.csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="Qwen_Qwen2.5_series.csv"');
    expect(await res.text()).toBe('a\r\n1\r\n');
  });
});
