// `thrive imd-summary --level lad --out FILE.csv`: IoD2019 summary measures of every English
// local authority district (average rank, proportion of LSOAs in the most deprived 10%, extent,
// local concentration, for the IMD and its seven domains) from the data mirror's File 2 and File 6.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CsvFormatError,
  IOD_DOMAINS,
  LsoaJoinError,
  buildLsoaFrame,
  readIodDomains,
  readPopulationDenominators,
  summariseAuthorities,
  type AuthoritySummary,
} from '@thrive/indicators';
import { ConfigError, loadConfig } from '../../config.ts';
import { InputError, UsageError, type CliIo, type Command } from '../command.ts';
import { csvLine } from '../../csv-line.ts';

const FILE_2 = 'imd2019/File_2_IoD2019_Domains_of_Deprivation.csv';
const FILE_6 = 'imd2019/File_6_IoD2019_Population_Denominators.csv';
const MEASURES = ['average_rank', 'proportion', 'extent', 'local_concentration'] as const;

const USAGE = `Usage: thrive imd-summary [--level lad] [--out FILE.csv]

IoD2019 summary measures for every English local authority district (317, 2019 codes), as
MHCLG's File 10 defines them, from File 2 (ranks) and File 6 (mid-2015 populations) in the
data mirror (DATA_MIRROR, default ../shared/data from the repository root).

One row per authority, sorted by code: lad_code, lad_name, then for imd, income, employment,
education, health, crime, housing, environment: <prefix>_average_rank,
<prefix>_proportion, <prefix>_extent, <prefix>_local_concentration.
Average rank and local concentration use File 10's ranking (most deprived LSOA = 32,844,
so higher = more deprived); proportion and extent are fractions 0–1. Employment is weighted
by the working-age population, everything else by total population.

Options:
  --level lad     the only level: ward summaries need an authority's LSOA-to-ward lookup
  --out FILE.csv  where to write the CSV (default: standard output)
  -h, --help      show this help`;

/** The CSV header: lad_code, lad_name, then the four measures of the IMD and each domain. */
export function imdSummaryHeader(): string[] {
  return [
    'lad_code',
    'lad_name',
    ...IOD_DOMAINS.flatMap((domain) => MEASURES.map((measure) => `${domain}_${measure}`)),
  ];
}

/** One CSV row per authority; numbers in full precision (JavaScript's default), null as empty. */
export function imdSummaryRow(authority: AuthoritySummary): (string | number | null)[] {
  return [
    authority.key,
    authority.ladName,
    ...IOD_DOMAINS.flatMap((domain) => {
      const m = authority.measures[domain];
      return [m.averageRank, m.proportion, m.extent, m.localConcentration];
    }),
  ];
}

export const imdSummaryCommand: Command = {
  name: 'imd-summary',
  summary: 'IoD2019 summary measures (File 10) for every local authority district, as CSV',
  usage: USAGE,
  run: async (args, io) => {
    const options = parseOptions(args);
    if (options.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    await writeImdSummary(mirrorFolder(io), options.out, io);
    return 0;
  },
};

function parseOptions(args: readonly string[]): { help: boolean; out: string | undefined } {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        level: { type: 'string', default: 'lad' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)} (try --help)`);
  }
  if (values.level !== 'lad') {
    throw new UsageError(
      `--level ${values.level} is not supported: only --level lad is (ward-level summaries need a loaded authority's LSOA-to-ward lookup)`,
    );
  }
  return { help: values.help, out: values.out };
}

function mirrorFolder(io: CliIo): string {
  try {
    return loadConfig(io.env).dataMirror;
  } catch (error) {
    if (error instanceof ConfigError) throw new InputError(error.message);
    throw error;
  }
}

async function writeImdSummary(mirror: string, out: string | undefined, io: CliIo): Promise<void> {
  const started = performance.now();
  const domains = await readInput(mirror, FILE_2, readIodDomains);
  io.stderr(`reading ${FILE_2}… ${domains.length.toLocaleString('en-GB')} LSOAs`);
  const populations = await readInput(mirror, FILE_6, readPopulationDenominators);
  io.stderr(`reading ${FILE_6}… ${populations.length.toLocaleString('en-GB')} LSOAs`);

  const computing = performance.now();
  let authorities: AuthoritySummary[];
  try {
    authorities = summariseAuthorities(buildLsoaFrame(domains, populations));
  } catch (error) {
    if (error instanceof LsoaJoinError)
      throw new InputError(`${FILE_2} and ${FILE_6} do not match: ${error.message}`);
    throw error;
  }
  const ms = Math.round(performance.now() - computing);
  io.stderr(
    `computing ${authorities.length} authorities × ${IOD_DOMAINS.length} domains × ${MEASURES.length} measures… ${ms} ms`,
  );

  const csv =
    [imdSummaryHeader(), ...authorities.map(imdSummaryRow)].map(csvLine).join('\n') + '\n';
  if (out === undefined) {
    io.stdout(csv);
  } else {
    const path = resolve(out);
    try {
      await writeFile(path, csv, 'utf8');
    } catch (error) {
      throw new InputError(
        `cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    io.stderr(`wrote ${path} (${authorities.length} rows) in ${seconds} s`);
  }
}

async function readInput<T>(
  mirror: string,
  file: string,
  read: (text: string, source: string) => T[],
): Promise<T[]> {
  const path = join(mirror, file);
  if (!existsSync(path))
    throw new InputError(`missing input ${path} (is DATA_MIRROR the data mirror folder?)`);
  try {
    return read(await readFile(path, 'utf8'), path);
  } catch (error) {
    if (error instanceof CsvFormatError) throw new InputError(`malformed input ${error.message}`);
    throw error;
  }
}
