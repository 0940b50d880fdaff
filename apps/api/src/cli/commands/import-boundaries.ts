// `thrive import-boundaries FILE --level L [--code-prop P] [--name-prop P] [--parent CODE] [--replace]`
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AREA_LEVELS, type AreaLevel } from '@thrive/db';
import { BadRequestError } from '../../errors.ts';
import { importBoundaries } from '../../modules/imports/import-boundaries.ts';
import { InputError, UsageError, type CliIo, type Command } from '../command.ts';
import { configFrom, withDatabase } from '../with-database.ts';

const LEVELS = AREA_LEVELS.filter((l) => l !== 'country');

const USAGE = `Usage: thrive import-boundaries FILE.geojson --level ${LEVELS.join('|')} [--code-prop P] [--name-prop P] [--parent CODE] [--replace]

Loads areas from a GeoJSON FeatureCollection of Polygons/MultiPolygons in WGS84 lon/lat
(British National Grid files are refused with how to reproject them). The code and name
properties are guessed (WD13CD, LSOA11CD, code, name, …) when not given, and the guess is said.
One transaction: a bad feature aborts with its index and reason, and nothing is written.
Re-running updates the areas instead of duplicating them.

Options:
  --level L        ${LEVELS.join(', ')}
  --code-prop P    property holding the area code
  --name-prop P    property holding the area name
  --parent CODE    code of the area these belong to (e.g. the local authority)
  --replace        move areas that already exist at another level or under another parent
  -h, --help       show this help`;

export const importBoundariesCommand: Command = {
  name: 'import-boundaries',
  summary: 'load areas (wards, LSOAs, estates, …) from a GeoJSON file',
  usage: USAGE,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        level: { type: 'string' },
        'code-prop': { type: 'string' },
        'name-prop': { type: 'string' },
        parent: { type: 'string' },
        replace: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0) throw new UsageError('give exactly one GeoJSON file');
    if (!values.level || !(LEVELS as readonly string[]).includes(values.level)) throw new UsageError(`--level must be one of ${LEVELS.join(', ')}`);
    const path = resolve(file);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      throw new InputError(`${path}: cannot be read (does it exist?)`);
    }
    const config = configFrom(io);
    io.stderr(`validating ${basename(path)}…`);
    try {
      const report = await withDatabase(config, ({ db }) =>
        importBoundaries(db, text, {
          level: values.level as AreaLevel,
          codeProp: values['code-prop'],
          nameProp: values['name-prop'],
          parent: values.parent,
          replace: values.replace,
          source: basename(path),
        }),
      );
      if (report.guessed.length > 0) io.stderr(`guessed: ${report.guessed.join('; ')} (say --code-prop/--name-prop to choose)`);
      for (const warning of report.warnings) io.stderr(`warning: ${warning}`);
      io.stderr(`loaded ${report.areas} ${values.level} areas from ${basename(path)}`);
    } catch (error) {
      if (error instanceof BadRequestError) throw new InputError(`${basename(path)}: ${error.message}; nothing was written`);
      throw error;
    }
    return 0;
  },
};
