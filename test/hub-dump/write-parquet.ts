// Writes Hub-dump parquet files with the schema of cfahlgren1/hub-stats models.parquet (tags as a LIST of
// strings, baseModels as a struct with a list of {_id, id}), one row group per batch, for tests and the bench.
import { fileWriter, ParquetWriter } from 'hyparquet-writer';
import type { HubDumpRow } from '@/lib/ingest/hub-dump.ts';

type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]['schema'][number];

const text = (name: string): SchemaElement => ({
  name,
  type: 'BYTE_ARRAY',
  converted_type: 'UTF8',
  repetition_type: 'OPTIONAL',
});

export const HUB_DUMP_SCHEMA: SchemaElement[] = [
  { name: 'root', num_children: 11 },
  text('_id'),
  text('id'),
  text('author'),
  { name: 'createdAt', type: 'INT64', converted_type: 'TIMESTAMP_MILLIS', repetition_type: 'OPTIONAL' },
  { name: 'downloads', type: 'INT64', repetition_type: 'OPTIONAL' },
  { name: 'downloadsAllTime', type: 'INT64', repetition_type: 'OPTIONAL' },
  { name: 'likes', type: 'INT64', repetition_type: 'OPTIONAL' },
  { name: 'tags', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
  { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
  text('element'),
  text('pipeline_tag'),
  text('library_name'),
  { name: 'baseModels', repetition_type: 'OPTIONAL', num_children: 2 },
  text('relation'),
  { name: 'models', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
  { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
  { name: 'element', repetition_type: 'OPTIONAL', num_children: 2 },
  text('_id'),
  text('id'),
];

const big = (value: number | bigint | null | undefined) =>
  value === null || value === undefined ? null : BigInt(value);

/** Writes the batches as consecutive row groups; returns the number of rows. */
export async function writeHubDumpParquet(
  file: string,
  batches: Iterable<HubDumpRow[]> | AsyncIterable<HubDumpRow[]>,
): Promise<number> {
  const writer = new ParquetWriter({ writer: fileWriter(file), schema: HUB_DUMP_SCHEMA });
  let rows = 0;
  for await (const batch of batches) {
    if (batch.length === 0) continue;
    rows += batch.length;
    writer.write({
      rowGroupSize: batch.length,
      columnData: [
        { name: '_id', data: batch.map((r) => r._id ?? null) },
        { name: 'id', data: batch.map((r) => (typeof r.id === 'string' ? r.id : null)) },
        { name: 'author', data: batch.map((r) => r.author ?? null) },
        {
          name: 'createdAt',
          data: batch.map((r) =>
            r.createdAt instanceof Date ? r.createdAt : r.createdAt ? new Date(String(r.createdAt)) : null,
          ),
        },
        { name: 'downloads', data: batch.map((r) => big(r.downloads)) },
        { name: 'downloadsAllTime', data: batch.map((r) => big(r.downloadsAllTime)) },
        { name: 'likes', data: batch.map((r) => big(r.likes)) },
        { name: 'tags', data: batch.map((r) => r.tags ?? null) },
        { name: 'pipeline_tag', data: batch.map((r) => r.pipeline_tag ?? null) },
        { name: 'library_name', data: batch.map((r) => r.library_name ?? null) },
        { name: 'baseModels', data: batch.map((r) => (r.baseModels as object | null | undefined) ?? null) },
      ],
    });
  }
  writer.finish();
  return rows;
}
