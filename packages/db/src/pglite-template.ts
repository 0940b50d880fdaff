// A new PGlite database starts from a copy of a freshly initialised cluster instead of running
// initdb: initdb in WebAssembly takes most of the time and memory of creating a database
// (seconds of CPU, over 1 GB at its peak), and its result is the same every time for one PGlite
// release. The copy is PGlite's own dump of a new cluster (what PGlite's clone() restores from),
// made once per PGlite version and kept with the other tools (THRIVE_TOOLS_DIR, default
// ~/.cache/thrive); migrations then run on it as on any new database. See
// docs/decisions/0024-pglite-new-databases-and-wasm-compiler.md.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';

/** The PGlite release in use, read from its package (the copy is only valid for it). */
function pgliteVersion(): string {
  const entry = fileURLToPath(import.meta.resolve('@electric-sql/pglite'));
  // dist/index.js → the package folder.
  const manifest = join(dirname(entry), '..', 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** Where the copy for this PGlite release is kept. */
export function templatePath(env: NodeJS.ProcessEnv = process.env): string {
  const tools = env.THRIVE_TOOLS_DIR ?? join(homedir(), '.cache', 'thrive');
  return join(tools, 'pglite', `fresh-cluster-${pgliteVersion()}.tar`);
}

/**
 * A tar of a freshly initialised cluster for `new PGlite({ loadDataDir })`: read from the cache,
 * or made (initdb once, in memory) and cached when missing. Concurrent first calls each make
 * one; the rename makes whichever lands last the copy, and every one of them is whole.
 */
export async function freshClusterTemplate(PGliteClass: typeof PGlite): Promise<Blob> {
  const path = templatePath();
  if (existsSync(path)) return new Blob([readFileSync(path)]);
  const fresh = new PGliteClass();
  let tar: Blob;
  try {
    await fresh.waitReady;
    await fresh.exec('checkpoint');
    tar = await fresh.dumpDataDir('none');
  } finally {
    await fresh.close();
  }
  const bytes = new Uint8Array(await tar.arrayBuffer());
  const partial = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.partial`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(partial, bytes);
    renameSync(partial, path);
  } catch {
    // A read-only cache only costs the next database its own initdb.
    rmSync(partial, { force: true });
  }
  return new Blob([bytes]);
}
