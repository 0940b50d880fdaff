// Reads the open-data mirror (DATA_MIRROR) through the dataset register in data/sources.json,
// so file names live in one place and a missing file is reported by what it is.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { register, type DatasetEntry, type DatasetId } from '../open-data/datasets.ts';

/** A required input is not where the register says; the message names the file and the setting. */
export class MirrorFileMissingError extends Error {
  override name = 'MirrorFileMissingError';
}

/** Access to the mirror's files by dataset. */
export class Mirror {
  readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  /** The register entry of a dataset. */
  dataset(id: DatasetId): DatasetEntry {
    const entry = register.datasets.find((d) => d.id === id);
    if (!entry) throw new Error(`dataset ${id} is not in data/sources.json`);
    return entry;
  }

  /** Absolute path of a dataset's file, or of a file inside a dataset's folder. */
  path(id: DatasetId, file?: string): string {
    const base = join(this.root, this.dataset(id).mirror);
    return file ? join(base, file) : base;
  }

  /** True when the file exists. */
  has(id: DatasetId, file?: string): boolean {
    return existsSync(this.path(id, file));
  }

  /** Reads a dataset's text file, with a clear error when it is missing. */
  readText(id: DatasetId, file?: string): string {
    const path = this.path(id, file);
    if (!existsSync(path)) {
      throw new MirrorFileMissingError(
        `${this.dataset(id).title}: ${path} not found (DATA_MIRROR is ${this.root}).`,
      );
    }
    return readFileSync(path, 'utf8');
  }

  /** Files in a dataset's folder. */
  list(id: DatasetId): string[] {
    const path = this.path(id);
    return existsSync(path) ? readdirSync(path).sort() : [];
  }

  /** True when the mirror folder exists with the IoD files (enough to load an authority). */
  usable(): boolean {
    return this.has('iod2019-domains') && this.has('ward-boundaries-2013');
  }
}
