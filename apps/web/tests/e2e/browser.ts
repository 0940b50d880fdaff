// Finds and launches Chromium for the e2e tests. A missing browser is reported in one
// line and the tests are skipped, unless THRIVE_REQUIRE_E2E=1 (CI), where it is a failure.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
const required = process.env.THRIVE_REQUIRE_E2E === '1';

if (!hasChromium) {
  const line = `browser tests did not run: no Chromium at ${chromiumPath} (install it with "apt-get install -y chromium" or set CHROMIUM_PATH)`;
  if (required) throw new Error(`${line}; THRIVE_REQUIRE_E2E=1 makes this a failure`);
  process.stderr.write(`thrive: ${line}\n`);
}

// Software WebGL so MapLibre renders headless; no background networking on a closed network.
const ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches headless Chromium with the flags checked in ENVIRONMENT.md. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: ARGS });
}

/** Where screenshots go (a CI artefact folder, gitignored). */
export function screenshotPath(name: string): string {
  const dir = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.png`);
}
