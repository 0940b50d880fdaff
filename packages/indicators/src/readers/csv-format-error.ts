// The one error every reader throws for input it cannot read, saying where and why.

/** Where and why a CSV input was rejected. @see CsvFormatError */
export interface CsvFormatProblem {
  /** Name of the input, e.g. its file name. */
  readonly source: string;
  /** 1-based line in the file (the header is line 1); for a record spanning lines, the line it ends on. */
  readonly line: number;
  /** Header name of the column, or null when the problem is the whole row or file. */
  readonly column: string | null;
  /** What is wrong, e.g. `missing required column` or `"12a" is not a number`. */
  readonly reason: string;
}

/**
 * A CSV input is malformed: a required column is missing, a value is not a number, a row has
 * the wrong number of fields (a truncated file), a quoted field is never closed. The message is
 * one line naming the source, line and column.
 * @see https://www.rfc-editor.org/rfc/rfc4180 (CSV format)
 */
export class CsvFormatError extends Error implements CsvFormatProblem {
  override name = 'CsvFormatError';
  readonly source: string;
  readonly line: number;
  readonly column: string | null;
  readonly reason: string;

  constructor(problem: CsvFormatProblem) {
    const where =
      problem.column === null
        ? `line ${problem.line}`
        : `line ${problem.line}, column "${problem.column}"`;
    super(`${problem.source}: ${where}: ${problem.reason}`);
    this.source = problem.source;
    this.line = problem.line;
    this.column = problem.column;
    this.reason = problem.reason;
  }
}
