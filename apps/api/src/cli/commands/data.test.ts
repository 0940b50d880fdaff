// `thrive data fetch` as a council runs it: the address to fetch from in DATA_FETCH_FROM, a
// loopback server standing in for the publisher (nothing here reaches the internet).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import type { CliIo } from '../command.ts';
import { runCli } from '../main.ts';

const CNI = join(loadConfig({}).dataMirror, 'cni2019/cni2019_england_ward17.csv');
// The path of the CNI file in data/sources.json's address.
const CNI_PATH =
  '/humaniverse/IMD/2f6c9050afee99a40041eb63b02b6b0c58850704/data-raw/cni2019_england_ward17.csv';

function capture(env: CliIo['env']): { io: CliIo; err: string[] } {
  const err: string[] = [];
  return { io: { env, stdout: () => undefined, stderr: (line) => err.push(line) }, err };
}

describe('thrive data fetch', () => {
  let server: Server;
  let from = '';
  let folder = '';
  const paths: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      paths.push(req.url ?? '');
      if (req.url !== CNI_PATH) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/csv' }).end(readFileSync(CNI));
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    from = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    folder = mkdtempSync(join(tmpdir(), 'thrive-data-cli-'));
  });
  afterAll(async () => {
    await new Promise((closed) => server.close(closed));
    rmSync(folder, { recursive: true, force: true });
  });

  it("fetches from the host DATA_FETCH_FROM names, keeping the publisher's path", async () => {
    const { io, err } = capture({ DATA_FETCH_FROM: from });
    expect(await runCli(['data', 'fetch', '--only', 'cni2019', '--to', folder], io)).toBe(0);
    expect(paths).toEqual([CNI_PATH]);
    expect(readFileSync(join(folder, 'cni2019/cni2019_england_ward17.csv'))).toEqual(
      readFileSync(CNI),
    );
    expect(err.at(-2)).toBe(`1 of 1 datasets fetched into ${folder}`);
    expect(err.at(-1)).toBe(
      `next: DATA_MIRROR=${folder} npm run thrive -- load-authority E07000096`,
    );
  });

  it('refuses a DATA_FETCH_FROM that is not an http(s) address, as a usage mistake', async () => {
    const { io, err } = capture({ DATA_FETCH_FROM: 'ftp://copy.local' });
    expect(await runCli(['data', 'fetch', '--only', 'cni2019', '--to', folder], io)).toBe(2);
    expect(err.join('\n')).toMatch(/invalid setting DATA_FETCH_FROM \(got "ftp:\/\/copy\.local"\)/);
  });

  it('names the datasets when asked for one it does not know', async () => {
    const { io, err } = capture({});
    expect(await runCli(['data', 'fetch', '--only', 'iod2025', '--to', folder], io)).toBe(2);
    expect(err.join('\n')).toMatch(
      /unknown dataset "iod2025" \(datasets: ward-boundaries-2013, .*cni2019\)/,
    );
  });
});
