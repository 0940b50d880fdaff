// One CSV record, quoted as RFC 4180 requires: a field holding a comma, a double quote or a
// line break goes in double quotes, inner quotes doubled. Anything else is written as is.

const NEEDS_QUOTES = /[",\r\n]/;

/** A CSV line (without line ending) from fields; null or undefined is an empty (missing) field. @see https://www.rfc-editor.org/rfc/rfc4180 */
export function csvLine(fields: readonly (string | number | null | undefined)[]): string {
  return fields.map(csvField).join(',');
}

function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Sends CSV text as the response (UTF-8, optionally as a download). */
export function sendCsv(reply: { type(t: string): unknown; header(k: string, v: string): unknown; serializer(fn: (p: unknown) => string): { send(p: unknown): unknown } }, text: string, filename?: string): void {
  reply.type('text/csv; charset=utf-8');
  if (filename) reply.header('content-disposition', `attachment; filename="${filename}"`);
  reply.serializer((payload) => String(payload)).send(text);
}
