// Text from the database printed to a terminal: a control character in a name (ESC starts an
// escape sequence that can retitle the window, hide lines or fake output) is printed as a
// visible escape such as \x1b instead.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\\]/g;

/** The text with backslashes and control characters written as visible escapes (\\, \t, \n, \x1b, \u2028). */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (c) => {
    if (c === '\\') return '\\\\';
    if (c === '\t') return '\\t';
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
  });
}
