/** The `rel="next"` URL of an RFC 8288 Link header, resolved against the request URL; null on the last page. */
export function nextLink(header: string | null, base: string): string | null {
  if (!header) return null;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /<([^>]*)>\s*;(.*)$/.exec(part.trim());
    if (match && /(?:^|;)\s*rel="?next"?\s*(?:;|$)/i.test(match[2]))
      return new URL(match[1], base).toString();
  }
  return null;
}
