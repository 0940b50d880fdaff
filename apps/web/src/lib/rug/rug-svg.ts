// The rug as a standalone SVG image for reports, built from the model rather than screenshotted
// from the page: the rows in the order shown, every cell's colour and text, the benchmark rows,
// the legend and the attribution, so a pasted image carries its own explanation. Pure, so the
// layout is unit-tested; the page turns the string into a file (and a PNG via a canvas).
import type { RugBody } from '#lib/api.ts';
import { tokenOf } from './rug-tokens.ts';
import { themeGroups } from './rug-themes.ts';
import type { RugRow } from './types.ts';

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
const MARGIN = 16;
const CELL_WIDTH = 66;
const CELL_HEIGHT = 24;
const THEME_ROW = 22;
const BENCHMARK_GAP = 10;
const SWATCH = 16;
const LEGEND_ITEM = 170;
const LINE = 16;
// Rough widths of a character of the system font at 13px (names), 12px (sentences, wrapped
// to fit) and 11px (column labels): SVG text does not wrap or measure itself, and the export
// must not depend on a browser to lay it out.
const NAME_CHAR = 7.6;
const CHAR_WIDTH = 6.4;
const LABEL_CHAR = 6.4;
const BOLD_LABEL_CHAR = 7;
const INK = '#1b1b1f';
const RULE = '#d0d0d8';

/** Text safe inside SVG elements and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The text, shortened with an ellipsis to at most `chars` characters. */
export function fit(text: string, chars: number): string {
  const max = Math.max(1, Math.floor(chars));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Splits a sentence into lines of at most `width` characters, breaking at spaces. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

export interface RugSvgInput {
  rug: RugBody;
  /** Area rows in the order (and selection) shown on the page. */
  rows: readonly RugRow[];
  /** Heading printed at the top. */
  title: string;
}

export interface RugSvg {
  svg: string;
  width: number;
  height: number;
}

function text(x: number, y: number, content: string, attributes = ''): string {
  return `<text x="${x}" y="${y}"${attributes ? ' ' + attributes : ''}>${escapeXml(content)}</text>`;
}

function rowName(row: RugRow): string {
  return row.kind === 'parent' ? `${row.name} (authority)` : row.name;
}

function rowSvg(row: RugRow, y: number, nameWidth: number): string {
  const parts = [
    text(
      MARGIN,
      y + CELL_HEIGHT / 2 + 4,
      rowName(row),
      row.kind === 'area' ? '' : 'font-weight="600"',
    ),
  ];
  row.cells.forEach((cell, i) => {
    const token = tokenOf(cell.token);
    const x = MARGIN + nameWidth + i * CELL_WIDTH;
    parts.push(
      `<rect x="${x}" y="${y}" width="${CELL_WIDTH}" height="${CELL_HEIGHT}" fill="${token.background}" stroke="#ffffff"/>`,
    );
    if (token.pattern === 'hatch')
      parts.push(
        `<rect x="${x}" y="${y}" width="${CELL_WIDTH}" height="${CELL_HEIGHT}" fill="url(#hatch)"/>`,
      );
    parts.push(
      text(
        x + CELL_WIDTH / 2,
        y + CELL_HEIGHT / 2 + 4,
        cell.text,
        `fill="${token.text}" text-anchor="middle" font-size="11"`,
      ),
    );
  });
  return parts.join('');
}

/** The rug as an SVG document with its size. */
export function buildRugSvg({ rug, rows, title }: RugSvgInput): RugSvg {
  const columns = rug.columns;
  // Sized to the longest name and label, so nothing runs into the cells or the theme row.
  const longest = (texts: readonly string[]) => Math.max(0, ...texts.map((t) => t.length));
  const nameWidth = Math.ceil(longest([...rows, ...rug.benchmarks].map(rowName)) * NAME_CHAR) + 16;
  const labelRow = Math.ceil(longest(columns.map((c) => c.shortLabel)) * LABEL_CHAR) + 16;
  const tableWidth = nameWidth + columns.length * CELL_WIDTH;
  const width = MARGIN * 2 + Math.max(tableWidth, 4 * LEGEND_ITEM);
  const wrapAt = Math.floor((width - MARGIN * 2) / CHAR_WIDTH);
  const body: string[] = [];
  let y = MARGIN + 18;

  body.push(text(MARGIN, y, title, 'font-size="18" font-weight="700"'));
  y += 12;

  // Theme groups, then the column labels written upwards so 28 columns fit a page.
  let x = MARGIN + nameWidth;
  for (const group of themeGroups(columns)) {
    const groupWidth = group.span * CELL_WIDTH;
    body.push(
      `<rect x="${x}" y="${y}" width="${groupWidth}" height="${THEME_ROW}" fill="#f4f4f7" stroke="${RULE}"/>`,
    );
    body.push(
      text(
        x + 4,
        y + 15,
        fit(group.name, (groupWidth - 8) / BOLD_LABEL_CHAR),
        'font-size="11" font-weight="600"',
      ),
    );
    x += groupWidth;
  }
  y += THEME_ROW;
  columns.forEach((column, i) => {
    const cx = MARGIN + nameWidth + i * CELL_WIDTH + CELL_WIDTH / 2 + 4;
    body.push(
      `<text transform="translate(${cx} ${y + labelRow - 6}) rotate(-90)" font-size="11">${escapeXml(column.shortLabel)}</text>`,
    );
  });
  body.push(text(MARGIN, y + labelRow - 8, 'Area', 'font-weight="600"'));
  y += labelRow;

  for (const row of rows) {
    body.push(rowSvg(row, y, nameWidth));
    y += CELL_HEIGHT;
  }
  y += BENCHMARK_GAP;
  body.push(
    `<line x1="${MARGIN}" x2="${MARGIN + tableWidth}" y1="${y - BENCHMARK_GAP / 2}" y2="${y - BENCHMARK_GAP / 2}" stroke="${INK}"/>`,
  );
  for (const row of rug.benchmarks) {
    body.push(rowSvg(row, y, nameWidth));
    y += CELL_HEIGHT;
  }

  // Legend: every token with its symbol and label, then the method in words.
  y += 20;
  const perLine = Math.max(1, Math.floor((width - MARGIN * 2) / LEGEND_ITEM));
  rug.legend.tokens.forEach((legendToken, i) => {
    const token = tokenOf(legendToken.id);
    const lx = MARGIN + (i % perLine) * LEGEND_ITEM;
    const ly = y + Math.floor(i / perLine) * (SWATCH + 8);
    body.push(
      `<rect x="${lx}" y="${ly}" width="${SWATCH}" height="${SWATCH}" fill="${token.background}" stroke="${INK}" stroke-width="0.5"/>`,
    );
    if (token.pattern === 'hatch')
      body.push(
        `<rect x="${lx}" y="${ly}" width="${SWATCH}" height="${SWATCH}" fill="url(#hatch)"/>`,
      );
    body.push(text(lx + SWATCH + 6, ly + 12, `${token.symbol} ${token.label}`, 'font-size="12"'));
  });
  y += Math.ceil(rug.legend.tokens.length / perLine) * (SWATCH + 8) + 8;
  for (const line of [
    ...wrapText(rug.legend.summary, wrapAt),
    ...wrapText(rug.attribution, wrapAt),
  ]) {
    body.push(text(MARGIN, y + 12, line, 'font-size="12"'));
    y += LINE;
  }
  const height = y + MARGIN;

  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT)}" font-size="13" fill="${INK}">` +
    `<title>${escapeXml(title)}</title>` +
    '<defs><pattern id="hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">' +
    '<line x1="0" y1="0" x2="0" y2="6" stroke="#000000" stroke-opacity="0.18" stroke-width="1.5"/></pattern></defs>' +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>` +
    body.join('') +
    '</svg>';
  return { svg, width, height };
}
