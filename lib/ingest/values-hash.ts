// One definition of Series.valuesHash, shared by JavaScript writers and the SQL derivation.
import { createHash } from 'node:crypto';

/**
 * sha256 (hex) of the values written as JavaScript numbers joined by ",". PostgreSQL prints float8
 * the same way for the integers and short decimals series hold (below 1e15), so `VALUES_HASH_SQL`
 * gives the same hash inside the database.
 */
export function hashValues(values: readonly number[]): string {
  return createHash('sha256')
    .update(values.map((v) => String(v)).join(','))
    .digest('hex');
}

/** The SQL expression of `hashValues` over a float8[] expression. */
export function valuesHashSql(arrayExpression: string): string {
  return `encode(sha256(convert_to(array_to_string(${arrayExpression}, ','), 'UTF8')), 'hex')`;
}

/** sha256 (hex) of a list of parts, for input hashes of fits. */
export function hashParts(parts: readonly (string | number | boolean)[]): string {
  return createHash('sha256').update(parts.map(String).join('|')).digest('hex');
}
