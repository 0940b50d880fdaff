// Every setting comes from the environment, is validated once at start, and a bad value
// stops the server with one clear line (see README "Settings").
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';

/** The repository root, so defaults do not depend on the working directory. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const COOKIE_SECURE = ['auto', 'true', 'false'] as const;

/** The settings, as the environment names them. */
export const EnvSchema = Type.Object({
  PORT: Type.Integer({ minimum: 1, maximum: 65535, default: 3000, description: 'Port to listen on.' }),
  HOST: Type.String({ minLength: 1, default: 'localhost', description: 'Interface to listen on; 0.0.0.0 in containers.' }),
  DATABASE_URL: Type.Optional(
    Type.String({ pattern: '^postgres(ql)?://', description: 'PostgreSQL URL; unset = embedded PGlite.' }),
  ),
  PGLITE_DIR: Type.String({ minLength: 1, default: join(REPO_ROOT, '.data', 'pglite'), description: 'Folder of the embedded database.' }),
  DATA_MIRROR: Type.String({ minLength: 1, default: defaultDataMirror(), description: 'Folder of the open data: ../shared/data when it exists, else .data/open-data (where `thrive data fetch` puts it).' }),
  DATA_FETCH_FROM: Type.Optional(
    Type.String({ pattern: '^https?://[^?#\\s]+$', description: '`thrive data fetch` fetches from this scheme and host (a local copy laid out as the publishers lay it out) instead of the publishers, keeping each path.' }),
  ),
  WEB_BUILD_DIR: Type.String({ minLength: 1, default: join(REPO_ROOT, 'apps', 'web', 'build'), description: 'SvelteKit adapter-node output.' }),
  LOG_LEVEL: Type.Enum(LOG_LEVELS, { default: 'info', description: 'Pino log level.' }),
  TRUST_PROXY: Type.String({
    default: 'false',
    description: 'Which X-Forwarded-* hops to trust: true/false, a number of proxies, or a comma list of proxy addresses/CIDRs.',
  }),
  DB_POOL_MAX: Type.Integer({ minimum: 1, maximum: 200, default: 10, description: 'PostgreSQL pool size per instance.' }),
  LOAD_DEMO: Type.Boolean({ default: true, description: 'Load the demo authorities into an empty database at start.' }),
  SHUTDOWN_GRACE_MS: Type.Integer({ minimum: 0, maximum: 120000, default: 10000, description: 'Time in-flight requests get to finish on SIGTERM.' }),
  PUBLIC_ORIGIN: Type.Optional(
    Type.String({ pattern: '^https?://[^/?#\\s]+$', description: 'Origin people use, e.g. https://thrive.example.org; also accepted for changes.' }),
  ),
  COOKIE_SECURE: Type.Enum(COOKIE_SECURE, { default: 'auto', description: 'Secure session cookie: auto = when the request came over https.' }),
  SESSION_IDLE_MINUTES: Type.Integer({ minimum: 5, maximum: 10080, default: 720, description: 'A session unused this long ends.' }),
  SESSION_MAX_HOURS: Type.Integer({ minimum: 1, maximum: 2160, default: 168, description: 'A session ends this long after sign-in, used or not.' }),
  LOGIN_MAX_FAILURES: Type.Integer({ minimum: 1, maximum: 100, default: 5, description: 'Failed sign-ins for one account from one client address before a pause (twice this for an account from anywhere).' }),
  LOGIN_ADDRESS_MAX_FAILURES: Type.Integer({ minimum: 1, maximum: 10000, default: 100, description: 'Failed sign-ins from one client address, whatever the accounts, before a pause: high, as a whole office may share one address.' }),
  LOGIN_WINDOW_MINUTES: Type.Integer({ minimum: 1, maximum: 1440, default: 15, description: 'The window the failures are counted in.' }),
  RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 1000000, default: 1200, description: 'Requests per minute per client address, per instance.' }),
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, maximum: 104857600, default: 1048576, description: 'Largest request body the API reads.' }),
});
type Env = Static<typeof EnvSchema>;

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  pgliteDir: string;
  dataMirror: string;
  /** Where `thrive data fetch` fetches from instead of the publishers (scheme, host, optional path prefix). */
  dataFetchFrom: string | undefined;
  webBuildDir: string;
  logLevel: Env['LOG_LEVEL'];
  /** Fastify's trustProxy: all hops (true), none (false), the nearest n, or these proxies. */
  trustProxy: boolean | number | string[];
  dbPoolMax: number;
  shutdownGraceMs: number;
  loadDemo: boolean;
  /** An extra origin accepted for state-changing requests (the server's own is always accepted). */
  publicOrigin: string | undefined;
  cookieSecure: Env['COOKIE_SECURE'];
  sessionIdleMs: number;
  sessionMaxMs: number;
  loginMaxFailures: number;
  loginAddressMaxFailures: number;
  loginWindowMs: number;
  rateLimitPerMinute: number;
  bodyLimitBytes: number;
}

// The shared mirror beside the repository when there is one (developers, CI), else the folder
// `thrive data fetch` fills, so a council's machine needs no setting after fetching.
function defaultDataMirror(): string {
  const shared = resolve(REPO_ROOT, '..', 'shared', 'data');
  return existsSync(shared) ? shared : join(REPO_ROOT, '.data', 'open-data');
}

/** A setting had a bad value; the message is one line naming it. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the settings from an environment (process.env by default). */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(EnvSchema.properties)) {
    const value = source[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const env = Value.Convert(EnvSchema, Value.Default(EnvSchema, raw));
  const first = Value.Errors(EnvSchema, env)[0];
  if (first) {
    const key = first.instancePath.replace(/^\//, '') || 'settings';
    const given = key in raw ? ` (got "${String(raw[key])}")` : '';
    throw new ConfigError(`invalid setting ${key}${given}: ${explain(key, first.message)}`);
  }
  const valid = env as Env;
  return {
    port: valid.PORT,
    host: valid.HOST,
    databaseUrl: valid.DATABASE_URL,
    pgliteDir: resolve(valid.PGLITE_DIR),
    dataMirror: resolve(valid.DATA_MIRROR),
    dataFetchFrom: valid.DATA_FETCH_FROM,
    webBuildDir: resolve(valid.WEB_BUILD_DIR),
    logLevel: valid.LOG_LEVEL,
    trustProxy: parseTrustProxy(valid.TRUST_PROXY),
    dbPoolMax: valid.DB_POOL_MAX,
    shutdownGraceMs: valid.SHUTDOWN_GRACE_MS,
    loadDemo: valid.LOAD_DEMO,
    publicOrigin: valid.PUBLIC_ORIGIN === undefined ? undefined : new URL(valid.PUBLIC_ORIGIN).origin,
    cookieSecure: valid.COOKIE_SECURE,
    sessionIdleMs: valid.SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: valid.SESSION_MAX_HOURS * 3_600_000,
    loginMaxFailures: valid.LOGIN_MAX_FAILURES,
    loginAddressMaxFailures: valid.LOGIN_ADDRESS_MAX_FAILURES,
    loginWindowMs: valid.LOGIN_WINDOW_MINUTES * 60_000,
    rateLimitPerMinute: valid.RATE_LIMIT_PER_MINUTE,
    bodyLimitBytes: valid.BODY_LIMIT_BYTES,
  };
}

const TRUST_PROXY_HELP = 'must be true or false, a number of proxies (1-10), or a comma list of proxy addresses or CIDRs (e.g. 10.0.0.0/8)';
// proxy-addr's names for private ranges, accepted in a list as Fastify does.
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrCidr(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** TRUST_PROXY as Fastify takes it; throws ConfigError naming the setting when it is none of these. */
export function parseTrustProxy(value: string): boolean | number | string[] {
  const text = value.trim().toLowerCase();
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops >= 1 && hops <= 10) return hops;
  } else {
    const entries = text.split(',').map((e) => e.trim());
    if (entries.every(isAddressOrCidr)) return entries;
  }
  throw new ConfigError(`invalid setting TRUST_PROXY (got "${value}"): ${TRUST_PROXY_HELP}`);
}

/** TRUST_PROXY in the shape Fastify's types take: a hop count becomes "trust the nearest n hops", as Fastify does with a number. */
export function trustProxyOption(trust: Config['trustProxy']): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

// TypeBox's messages are terse for unions and booleans; say what is allowed instead.
function explain(key: string, message: string): string {
  const schema: unknown = (EnvSchema.properties as Record<string, unknown>)[key];
  if (schema && typeof schema === 'object' && 'enum' in schema && Array.isArray(schema.enum)) {
    return `must be one of ${schema.enum.join(', ')}`;
  }
  if (schema && typeof schema === 'object' && 'type' in schema && schema.type === 'boolean') {
    return 'must be true or false';
  }
  return message;
}

/** True when the web app has been built and can be mounted. */
export function hasWebBuild(config: Pick<Config, 'webBuildDir'>): boolean {
  return existsSync(join(config.webBuildDir, 'handler.js'));
}
