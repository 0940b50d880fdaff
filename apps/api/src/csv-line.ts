// The one CSV writer for every file the app writes. A record is quoted as RFC 4180 requires: a
// field holding a comma, a double quote or a line break goes in double quotes, inner quotes
// doubled. A text field a spreadsheet would run as a formula (starting with =, +, -, @, tab or
// CR) gets a leading ' as OWASP advises, so it shows as text; numbers are written as numbers.
// Comment lines (# …) are kept to one line each whatever text they carry.

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;
// eslint-disable-next-line no-control-regex
const LINE_BREAKS_AND_CONTROLS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g;

/** A CSV cell for a text value: neutralised when a spreadsheet would read it as a formula. @see https://owasp.org/www-community/attacks/CSV_Injection */
export function csvText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A comment line ("# " and the text on one line: line breaks and control characters become a space). */
export function csvComment(text: string): string {
  return `# ${text.replace(LINE_BREAKS_AND_CONTROLS, ' ')}`;
}

/** A CSV line (without line ending) from fields; null or undefined is an empty (missing) field. @see https://www.rfc-editor.org/rfc/rfc4180 */
export function csvLine(fields: readonly (string | number | null | undefined)[]): string {
  return fields.map(csvField).join(',');
}

function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : csvText(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Sends CSV text as the response (UTF-8, optionally as a download). */
export function sendCsv(reply: { type(t: string): unknown; header(k: string, v: string): unknown; serializer(fn: (p: unknown) => string): { send(p: unknown): unknown } }, text: string, filename?: string): void {
  reply.type('text/csv; charset=utf-8');
  if (filename) reply.header('content-disposition', `attachment; filename="${filename}"`);
  reply.serializer((payload) => String(payload)).send(text);
}
