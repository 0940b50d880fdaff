// `thrive load-authority <LAD code> [...]`: loads English local authorities from the mirror.
import { parseArgs } from 'node:util';
import { CsvFormatError, LsoaJoinError } from '@thrive/indicators';
import { BadRequestError } from '../../errors.ts';
import { loadAuthority } from '../../modules/imports/load-authority.ts';
import { Mirror, MirrorFileMissingError } from '../../modules/imports/mirror.ts';
import { readNationalData } from '../../modules/imports/national-data.ts';
import { InputError, UsageError, type CliIo, type Command } from '../command.ts';
import { configFrom, withDatabase } from '../with-database.ts';

const USAGE = `Usage: thrive load-authority <LAD code> [<LAD code> ...]

Loads English local authorities (2019 codes, e.g. E07000096 Dacorum) from the data mirror
(DATA_MIRROR): wards, LSOAs, the LSOA→ward best fit, IoD2019 and CNI values, and aggregates
for the wards, the authority and England. Each authority is one transaction: on any error
nothing of it is written. Re-running updates the rows instead of duplicating them.
Writes to DATABASE_URL when set, otherwise to the embedded database (PGLITE_DIR).

Options:
  -h, --help  show this help`;

const GSS_LAD = /^E0[6-9]\d{6}$/;

export const loadAuthorityCommand: Command = {
  name: 'load-authority',
  summary: 'load a local authority (wards, LSOAs, IoD2019, CNI) from the data mirror',
  usage: USAGE,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseArgs({ args: [...args], options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (positionals.length === 0) throw new UsageError('give at least one local authority code, e.g. E07000096');
    const bad = positionals.find((c) => !GSS_LAD.test(c));
    if (bad) throw new UsageError(`"${bad}" is not an English local authority district code (E06…, E07…, E08… or E09… and 8 digits)`);
    const config = configFrom(io);
    const mirror = new Mirror(config.dataMirror);
    try {
      const national = readNationalData(mirror, io.stderr);
      await withDatabase(config, async ({ db, engine }) => {
        for (const code of positionals) {
          const started = performance.now();
          const report = await loadAuthority(db, mirror, national, code, io.stderr);
          io.stderr(`loaded ${report.name} (${code}) into ${engine}: ${report.wards} wards, ${report.lsoas} LSOAs, ${report.values.toLocaleString('en-GB')} values in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        }
      });
    } catch (error) {
      if (error instanceof BadRequestError || error instanceof MirrorFileMissingError || error instanceof CsvFormatError || error instanceof LsoaJoinError) {
        throw new InputError(error.message);
      }
      throw error;
    }
    return 0;
  },
};
