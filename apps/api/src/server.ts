// Entry point: config from the environment, listen, and shut down gracefully on
// SIGTERM/SIGINT (stop accepting, let in-flight requests finish, close the database).
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { loadDemoIfEmpty } from './modules/imports/demo.ts';
import { Mirror } from './modules/imports/mirror.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`thrive: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const app = await buildApp(config);
  // Progress goes to the terminal in plain words: this is what a person starting the app watches.
  if (config.loadDemo) await loadDemoIfEmpty(app.db.db, new Mirror(config.dataMirror), (line) => process.stderr.write(`thrive: ${line}\n`));
  closeWithGrace({ delay: config.shutdownGraceMs }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
  });
  await app.listen({ port: config.port, host: config.host });
  // Server-side rendering fetches /api through this, not through the public origin.
  const local = app.addresses()[0];
  if (local && typeof local !== 'string') {
    const host = local.family === 'IPv6' ? `[${local.address}]` : local.address;
    process.env.THRIVE_INTERNAL_ORIGIN ??= `http://${host}:${local.port}`;
  }
  app.log.info(`Thrive is ready at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (${app.db.engine})`);
}

main().catch((error: unknown) => {
  process.stderr.write(`thrive: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
