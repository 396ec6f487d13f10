import { describe, expect, test } from 'vitest';
import { creationDate, isDerivative, parentsOf } from '@/lib/crawl/lineage.ts';
import type { HubModelRecord } from '@/lib/hub/schemas.ts';

const model = (extra: Partial<HubModelRecord>): HubModelRecord => ({ id: 'me/model', ...extra });

describe('parentsOf', () => {
  test.each<[string, Partial<HubModelRecord>, string[]]>([
    ['a base', { tags: ['transformers'] }, []],
    ['relation tags', { tags: ['base_model:a/b', 'base_model:quantized:a/b'] }, ['a/b quantized tags']],
    [
      'a merge of two',
      { tags: ['base_model:merge:a/b', 'base_model:merge:c/d'] },
      ['a/b merge tags', 'c/d merge tags'],
    ],
    [
      'baseModels when the tags lack the relation',
      { tags: ['base_model:a/b'], baseModels: { relation: 'adapter', models: [{ _id: 'x', id: 'a/b' }] } },
      ['a/b adapter card_data'],
    ],
    [
      'cardData with an explicit relation',
      { cardData: { base_model: 'a/b', base_model_relation: 'quantized' } },
      ['a/b quantized card_data'],
    ],
    [
      'cardData with a list is a merge',
      { cardData: { base_model: ['a/b', 'c/d'] } },
      ['a/b merge card_data', 'c/d merge card_data'],
    ],
    ['cardData of odd types is ignored', { cardData: { base_model: [null, 3] } }, []],
    ['itself is never a parent', { tags: ['base_model:finetune:me/model'] }, []],
    [
      'an unknown relation in baseModels is ignored',
      { baseModels: { relation: 'fork', models: [{ id: 'a/b' }] } },
      [],
    ],
  ])('%s', (_name, extra, expected) => {
    expect(parentsOf(model(extra)).map((p) => `${p.parent} ${p.relation} ${p.source}`)).toEqual(expected);
  });

  test('the parent _id comes from baseModels', () => {
    const [link] = parentsOf(
      model({
        tags: ['base_model:finetune:a/b'],
        baseModels: { relation: 'finetune', models: [{ _id: 'abc', id: 'a/b' }] },
      }),
    );
    expect(link).toMatchObject({ parent: 'a/b', source: 'tags', parentHubId: 'abc' });
    expect(isDerivative(model({ tags: ['base_model:finetune:a/b'] }))).toBe(true);
  });
});

describe('creationDate', () => {
  test.each([
    ['2022-03-02T23:29:04.000Z', null],
    ['2022-03-02T23:29:05.000Z', null],
    ['2022-03-03T00:00:00.000Z', null],
    ['2024-05-01T10:00:00.000Z', '2024-05-01T10:00:00.000Z'],
    ['garbage', null],
    [undefined, null],
  ])('%s → %s', (input, expected) => {
    expect(creationDate(input)?.toISOString() ?? null).toBe(expected);
  });
});
