import { describe, expect, test } from 'vitest';
import { CsvFormatError, dateCell, numberCell, parseCsvTable, requireColumns } from '@/lib/ingest/csv.ts';

const GOOD =
  'model,0-month,1-month,created_at\na/b,0,3.0,2024-01-22 16:30:10+00:00\nc/d,0,,2024-02-01 00:00:00+00:00\n';

describe('parseCsvTable', () => {
  test('reads the header, rows and their line numbers', () => {
    const table = parseCsvTable(GOOD, 'X.csv');
    expect(table.header).toEqual(['model', '0-month', '1-month', 'created_at']);
    expect(table.rows.map((r) => r.line)).toEqual([2, 3]);
    expect(numberCell(table, table.rows[0], '1-month')).toBe(3);
    expect(dateCell(table, table.rows[0], 'created_at').toISOString()).toBe('2024-01-22T16:30:10.000Z');
  });

  test.each([
    [
      'a truncated last row',
      `${GOOD}e/f,0,1`,
      'X.csv line 4: expected 4 columns, found 3 (is the file truncated?)',
    ],
    ['an unclosed quote', `${GOOD}"e/f,0,1,2024`, 'X.csv line 4: '],
    ['an empty file', '', 'X.csv line 1: the file is empty (no header line)'],
    ['a duplicated column', 'a,a\n1,2\n', 'X.csv line 1, column "a": the column appears twice in the header'],
  ])('rejects %s', (_name, text, message) => {
    expect(() => parseCsvTable(text, 'X.csv')).toThrow(CsvFormatError);
    expect(() => parseCsvTable(text, 'X.csv')).toThrow(message);
  });

  test.each([
    ['abc', '"abc" is not a number'],
    ['1,5', '"1,5" is not a number'],
    ['0x10', '"0x10" is not a number'],
    ['', '"" is not a number'],
  ])('numberCell rejects %j', (raw, detail) => {
    const table = parseCsvTable(`model,12-month\na/b,"${raw}"\n`, 'Meta.csv');
    expect(() => numberCell(table, table.rows[0], '12-month')).toThrow(
      `Meta.csv line 2, column "12-month": ${detail}`,
    );
  });

  test.each([
    ['12', 12],
    ['12.0', 12],
    ['1.18e-15', 1.18e-15],
    ['-3', -3],
  ])('numberCell reads %s', (raw, value) => {
    const table = parseCsvTable(`v\n${raw}\n`, 'X.csv');
    expect(numberCell(table, table.rows[0], 'v')).toBe(value);
  });

  test('requireColumns names the missing column', () => {
    const table = parseCsvTable(GOOD, 'X.csv');
    expect(() => requireColumns(table, ['model', 'lambda_i'])).toThrow(
      'X.csv line 1, column "lambda_i": missing column',
    );
  });
});
