// `thrive import-indicators FILE.csv --definitions FILE.json`
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BadRequestError } from '../../errors.ts';
import { importIndicators } from '../../modules/imports/import-indicators.ts';
import { InputError, UsageError, type CliIo, type Command } from '../command.ts';
import { configFrom, withDatabase } from '../with-database.ts';

const USAGE = `Usage: thrive import-indicators VALUES.csv --definitions DEFINITIONS.json

Loads indicator values in long format, header:
  indicator_id,area_code,period,value,numerator,denominator,lower_ci,upper_ci
(empty = missing; "1,296" is read as 1296), with a JSON array of indicator definitions:
  [{ "id", "title", "unit", "valueType", "polarity", "source", "licence", "definition",
     optional "shortLabel", "multiplier", "decimals", "theme" }]
Every row is checked first: a bad row aborts with its line number, unknown area codes are
listed, and nothing is written. Re-running updates values instead of duplicating them.

Options:
  --definitions FILE  the indicator definitions (JSON)
  -h, --help          show this help`;

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    throw new InputError(`${path}: cannot be read (does it exist?)`);
  }
}

export const importIndicatorsCommand: Command = {
  name: 'import-indicators',
  summary: 'load indicator values (long CSV) with their definitions (JSON)',
  usage: USAGE,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: { definitions: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0) throw new UsageError('give exactly one values CSV file');
    if (!values.definitions) throw new UsageError('--definitions FILE.json is required');
    const csvPath = resolve(file);
    const [csv, definitions] = await Promise.all([readText(csvPath), readText(resolve(values.definitions))]);
    const config = configFrom(io);
    try {
      const report = await withDatabase(config, ({ db }) => importIndicators(db, csv, definitions));
      io.stderr(`loaded ${report.indicators} indicator definitions and ${report.values} values from ${basename(csvPath)}`);
    } catch (error) {
      if (error instanceof BadRequestError) throw new InputError(`${error.message}; nothing was written`);
      throw error;
    }
    return 0;
  },
};
