// `thrive data fetch`: fills a data folder from the publishers (or a local copy of their files)
// so a council without the shared mirror can load its authority; DATA_MIRROR then points there.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, REPO_ROOT } from '../../config.ts';
import { fetchOpenData } from '../../modules/open-data/fetcher.ts';
import { readRegister } from '../../modules/open-data/register.ts';
import { UsageError, type CliIo, type Command } from '../command.ts';

/** Where `data fetch` puts the data unless told (gitignored). */
export const DEFAULT_DATA_FOLDER = join(REPO_ROOT, '.data', 'open-data');

const USAGE = `Usage: thrive data fetch [--only <dataset> ...] [--from <url>] [--to <folder>]

Downloads every dataset in data/sources.json from its publisher's address, checks each file's
SHA-256, resumes a broken download, and lays the files out as load-authority reads them.
Then run: npm run thrive -- load-authority E07000096 (DATA_MIRROR defaults to
.data/open-data when there is no ../shared/data; set it for another --to folder)

Options:
  --only <dataset>  fetch only these datasets (repeat, or separate with commas)
  --from <url>      fetch from this scheme and host instead, keeping each file's path
                    (a local copy laid out as the publishers lay it out); or set DATA_FETCH_FROM
  --to <folder>     the data folder to fill (default .data/open-data)
  -h, --help        show this help

Datasets: ${readRegister()
  .datasets.map((d) => d.id)
  .join(', ')}`;

export const dataCommand: Command = {
  name: 'data',
  summary: 'fetch the open data (IoD2019, wards, LSOAs, CNI) from the publishers: data fetch',
  usage: USAGE,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: {
        help: { type: 'boolean', short: 'h' },
        only: { type: 'string', multiple: true },
        from: { type: 'string' },
        to: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    const [action, ...rest] = positionals;
    if (action !== 'fetch')
      throw new UsageError(
        action === undefined
          ? 'say what to do: data fetch'
          : `unknown action "${action}" (only: fetch)`,
      );
    if (rest.length > 0)
      throw new UsageError(`unexpected "${rest[0]}" (name datasets with --only)`);
    let config;
    try {
      config = loadConfig(io.env);
    } catch (error) {
      if (error instanceof ConfigError) throw new UsageError(error.message);
      throw error;
    }
    const from = values.from ?? config.dataFetchFrom;
    if (from !== undefined && !/^https?:\/\/[^/?#\s]+/.test(from))
      throw new UsageError(
        `--from must be an http(s) address such as http://127.0.0.1:8080, not "${from}"`,
      );
    const dest = values.to ? resolve(values.to) : DEFAULT_DATA_FOLDER;
    const only = (values.only ?? [])
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean);
    let outcomes;
    try {
      outcomes = await fetchOpenData({ dest, from, only, progress: io.stderr });
    } catch (error) {
      if (error instanceof RangeError) throw new UsageError(error.message);
      throw error;
    }
    for (const o of outcomes) {
      for (const u of o.unverified)
        io.stderr(
          `${o.id}: no checksum in data/sources.json for ${u.url}; it was sha256:${u.sha256} (check it against the publisher's page, then record it)`,
        );
      if (o.message) io.stderr(o.message);
    }
    const failed = outcomes.filter((o) => o.status === 'failed').length;
    const manual = outcomes.filter((o) => o.status === 'manual').length;
    io.stderr(
      `${outcomes.filter((o) => o.status === 'fetched').length} of ${outcomes.length} datasets fetched into ${dest}` +
        (failed ? `; ${failed} failed (what was there is unchanged)` : '') +
        (manual ? `; ${manual} to download by hand (see above)` : ''),
    );
    if (failed === 0)
      io.stderr(
        `next: ${dest === config.dataMirror ? '' : `DATA_MIRROR=${dest} `}npm run thrive -- load-authority E07000096`,
      );
    return failed > 0 ? 1 : 0;
  },
};
