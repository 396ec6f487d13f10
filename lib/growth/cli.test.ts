import { describe, expect, test } from 'vitest';
import { type ForecastErrorLine, type ForecastOutput, parseForecastFlags, processForecastLine } from './cli';

const FLAGS = { horizon: 6, asof: null };
const GOOD = JSON.stringify({ id: 'org/model', y: [0, 12, 28, 48, 61, 90, 130] });

function isError(x: ForecastOutput | ForecastErrorLine | null): x is ForecastErrorLine {
  return x !== null && 'error' in x;
}

describe('processForecastLine', () => {
  test('a good line gives id, status, params with uncertainty, fitted and the forecast months', () => {
    const out = processForecastLine(GOOD, 1, FLAGS);
    if (!out || isError(out)) throw new Error('expected a forecast');
    expect(out.id).toBe('org/model');
    expect(out.status).toBe('ok');
    expect(out.params?.m).toBe(30);
    expect(out.params?.uncertainty?.lambda).toBeGreaterThan(0);
    expect(out.fitted).toHaveLength(7);
    expect(out.forecast.map((p) => p.month)).toEqual([7, 8, 9, 10, 11, 12]);
    for (const p of out.forecast)
      expect(Object.keys(p).sort()).toEqual(['hi80', 'hi95', 'lo80', 'lo95', 'mean', 'month']);
  });

  test('--asof K uses months 0..K only', () => {
    const out = processForecastLine(GOOD, 1, { horizon: 2, asof: 4 });
    if (!out || isError(out)) throw new Error('expected a forecast');
    expect(out.asof).toBe(4);
    expect(out.fitted).toHaveLength(5);
    expect(out.forecast.map((p) => p.month)).toEqual([5, 6]);
  });

  test.each([
    ['{"id": "a", "y": [0, 1', 'invalid_json'],
    ['[1, 2, 3]', 'invalid_shape'],
    ['{"y": [0, 1, 2]}', 'missing_id'],
    ['{"id": "", "y": [0, 1, 2]}', 'missing_id'],
    ['{"id": "a"}', 'invalid_counts'],
    ['{"id": "a", "y": [0, "3"]}', 'invalid_counts'],
    ['{"id": "a", "y": []}', 'invalid_counts'],
    ['{"id": "a", "y": [0, -2]}', 'negative_count'],
    ['{"id": "a", "y": [0, 5, 3]}', 'decreasing_counts'],
  ])('%s → error %s with the line number', (line, code) => {
    const out = processForecastLine(line, 7, FLAGS);
    if (!isError(out)) throw new Error('expected an error line');
    expect(out).toMatchObject({ line: 7, error: { code } });
    expect(out.error.message.length).toBeGreaterThan(0);
  });

  test('asof beyond the data is an error line, blank lines are skipped', () => {
    expect(processForecastLine(GOOD, 3, { horizon: 1, asof: 50 })).toMatchObject({
      line: 3,
      error: { code: 'asof_beyond_data' },
    });
    expect(processForecastLine('   ', 4, FLAGS)).toBeNull();
  });

  test('a stream with bad lines still answers the good ones, in order', () => {
    const lines = [
      GOOD,
      'not json',
      '{"y":[0]}',
      JSON.stringify({ id: 'b', y: [0, 0, 1] }),
      '{"id":"c","y":[0,3,2]}',
    ];
    const outs = lines.map((l, i) => processForecastLine(l, i + 1, FLAGS));
    expect(outs.map((o) => (isError(o) ? `E${o.line}:${o.error.code}` : o?.status))).toEqual([
      'ok',
      'E2:invalid_json',
      'E3:missing_id',
      'insufficient_data',
      'E5:decreasing_counts',
    ]);
  });
});

describe('parseForecastFlags', () => {
  test.each([
    [{}, { horizon: 12, asof: null }],
    [{ horizon: '3' }, { horizon: 3, asof: null }],
    [
      { horizon: '24', asof: '6' },
      { horizon: 24, asof: 6 },
    ],
  ])('%j → %j', (raw, flags) => {
    expect(parseForecastFlags(raw)).toEqual({ ok: true, flags });
  });

  test.each([
    [{ horizon: 'abc' }],
    [{ horizon: '0' }],
    [{ horizon: '-3' }],
    [{ horizon: '2.5' }],
    [{ asof: 'x' }],
    [{ horizon: '1000' }],
  ])('%j is rejected with a message', (raw) => {
    const r = parseForecastFlags(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/--(horizon|asof)/);
  });
});
