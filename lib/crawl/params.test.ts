import { describe, expect, test } from 'vitest';
import { paramsKey, parseCrawlArgs, UsageError } from '@/lib/crawl/params.ts';

describe('parseCrawlArgs', () => {
  test('lists, numbers and relations', () => {
    const { params, resume } = parseCrawlArgs([
      '--base',
      'Qwen/Qwen2.5-7B',
      'meta-llama/Llama-3.1-8B',
      '--author=mistralai',
      '--top',
      '50',
      '--relations',
      'quantized,finetune',
      '--depth',
      '2',
    ]);
    expect(params).toEqual({
      bases: ['Qwen/Qwen2.5-7B', 'meta-llama/Llama-3.1-8B'],
      authors: ['mistralai'],
      top: 50,
      relations: ['finetune', 'quantized'],
      depth: 2,
      pageSize: 1000,
    });
    expect(resume).toBe(false);
    expect(parseCrawlArgs(['--resume']).resume).toBe(true);
  });

  test.each([
    [[], /nothing to crawl/],
    [['--top', '0'], /--top/],
    [['--relations', 'finetune,forks'], /not: forks/],
    [['--base', 'not an id'], /not a Hub id/],
    [['Qwen/Qwen2.5-7B'], /unexpected argument/],
    [['--fast'], /unknown option/],
  ])('%j is refused', (argv, message) => {
    expect(() => parseCrawlArgs(argv)).toThrow(UsageError);
    expect(() => parseCrawlArgs(argv)).toThrow(message);
  });

  test('the same crawl has the same key, whatever the flag order', () => {
    const a = parseCrawlArgs(['--base', 'a/b', '--depth', '2']).params;
    const b = parseCrawlArgs(['--depth', '2', '--base', 'a/b']).params;
    expect(paramsKey(a)).toBe(paramsKey(b));
    expect(paramsKey(a)).not.toBe(paramsKey({ ...a, depth: 1 }));
  });
});
