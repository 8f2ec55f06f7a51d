/**
 * The region server's configuration file (JSON; documented in the README, "Regioserver",
 * example in server/config.example.json). Every field but `database` has a default; a file
 * that names an unknown role, a malformed gemeente code or a user without a grant is
 * refused at start with a Dutch message, so a typo never widens what someone may see.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** analist: one gemeente; regio: every granted gemeente; riec: granted gemeenten, ondermijning only. */
export const ROLES = ['analist', 'regio', 'riec'] as const;
export type Role = (typeof ROLES)[number];

export interface Grant {
  role: Role;
  /** CBS codes `GMnnnn`. An analist has exactly one. */
  gemeenten: string[];
}

export interface ServerConfig {
  /** Address to listen on; default 127.0.0.1 (the reverse proxy runs on the same host). */
  listen: string;
  port: number;
  /** The region database written by `npm run publish:region` (opened read-only). */
  database: string;
  /** Header that carries the user's identity, set by the reverse proxy; default X-Wijkradar-User. */
  identityHeader: string;
  /** Optional header with the user's groups (comma-separated), also set by the proxy. */
  groupsHeader: string | null;
  /** Grants per user name (the identity header's value). */
  users: Record<string, Grant>;
  /** Grants per group name; a user in several groups gets the union of the same role. */
  groups: Record<string, Grant>;
  /** The themes a riec user sees (shared/reference/meldingen-categories.md). */
  riecThemes: string[];
  /** A query running longer is interrupted and answered 504. */
  queryTimeoutMs: number;
  /** The most rows a response may have (point queries); more gives 413. */
  maxRows: number;
  /** The append-only, hash-chained audit log (JSON lines). */
  auditLog: string;
  /** DuckDB threads (default: all cores). */
  threads: number | null;
  /** The largest request body in bytes. */
  maxBodyBytes: number;
}

export class ConfigError extends Error {}

const GEMEENTE_CODE = /^GM\d{4}$/;

export const CONFIG_DEFAULTS = {
  listen: '127.0.0.1',
  port: 8787,
  identityHeader: 'X-Wijkradar-User',
  groupsHeader: null,
  users: {},
  groups: {},
  riecThemes: ['ondermijning'],
  queryTimeoutMs: 30_000,
  maxRows: 500_000,
  auditLog: 'audit.jsonl',
  threads: null,
  maxBodyBytes: 64 * 1024,
} satisfies Omit<ServerConfig, 'database'>;

function checkGrant(where: string, value: unknown): Grant {
  const grant = value as Partial<Grant> | null;
  if (!grant || typeof grant !== 'object') throw new ConfigError(`${where}: geen rol opgegeven.`);
  if (!ROLES.includes(grant.role as Role)) {
    throw new ConfigError(
      `${where}: onbekende rol ${JSON.stringify(grant.role)} (kies uit ${ROLES.join(', ')}).`,
    );
  }
  const gemeenten = grant.gemeenten;
  if (!Array.isArray(gemeenten) || gemeenten.length === 0) {
    throw new ConfigError(`${where}: geen gemeenten toegekend.`);
  }
  for (const code of gemeenten) {
    if (typeof code !== 'string' || !GEMEENTE_CODE.test(code)) {
      throw new ConfigError(`${where}: ${JSON.stringify(code)} is geen CBS-gemeentecode (GMnnnn).`);
    }
  }
  if (grant.role === 'analist' && gemeenten.length !== 1) {
    throw new ConfigError(`${where}: een analist heeft precies één gemeente.`);
  }
  return { role: grant.role as Role, gemeenten: [...new Set(gemeenten as string[])] };
}

function checkGrants(kind: string, value: unknown): Record<string, Grant> {
  if (value === undefined) return {};
  if (!value || typeof value !== 'object') throw new ConfigError(`${kind} moet een object zijn.`);
  return Object.fromEntries(
    Object.entries(value).map(([name, grant]) => [name, checkGrant(`${kind}.${name}`, grant)]),
  );
}

function positive(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new ConfigError(`${name} moet een positief getal zijn.`);
  }
  return value;
}

/** Checks a parsed configuration; relative paths are taken from `baseDir`. */
export function parseConfig(raw: unknown, baseDir = process.cwd()): ServerConfig {
  const input = (raw ?? {}) as Partial<Record<keyof ServerConfig, unknown>>;
  if (typeof input.database !== 'string' || !input.database) {
    throw new ConfigError('database ontbreekt: het pad van de regiodatabase (publish:region).');
  }
  const text = (name: string, value: unknown, fallback: string) => {
    if (value === undefined) return fallback;
    if (typeof value !== 'string' || !value) throw new ConfigError(`${name} moet tekst zijn.`);
    return value;
  };
  const riecThemes = input.riecThemes ?? CONFIG_DEFAULTS.riecThemes;
  if (!Array.isArray(riecThemes) || riecThemes.some((t) => typeof t !== 'string')) {
    throw new ConfigError('riecThemes moet een lijst van thema’s zijn.');
  }
  return {
    listen: text('listen', input.listen, CONFIG_DEFAULTS.listen),
    port: input.port === 0 ? 0 : positive('port', input.port, CONFIG_DEFAULTS.port),
    database: path.resolve(baseDir, input.database),
    identityHeader: text('identityHeader', input.identityHeader, CONFIG_DEFAULTS.identityHeader),
    groupsHeader:
      input.groupsHeader === undefined || input.groupsHeader === null
        ? null
        : text('groupsHeader', input.groupsHeader, ''),
    users: checkGrants('users', input.users),
    groups: checkGrants('groups', input.groups),
    riecThemes: riecThemes as string[],
    queryTimeoutMs: positive(
      'queryTimeoutMs',
      input.queryTimeoutMs,
      CONFIG_DEFAULTS.queryTimeoutMs,
    ),
    maxRows: positive('maxRows', input.maxRows, CONFIG_DEFAULTS.maxRows),
    auditLog: path.resolve(baseDir, text('auditLog', input.auditLog, CONFIG_DEFAULTS.auditLog)),
    threads:
      input.threads === undefined || input.threads === null
        ? null
        : positive('threads', input.threads, 1),
    maxBodyBytes: positive('maxBodyBytes', input.maxBodyBytes, CONFIG_DEFAULTS.maxBodyBytes),
  };
}

/** Reads and checks the configuration file; paths in it are relative to the file. */
export async function loadConfig(file: string): Promise<ServerConfig> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new ConfigError(`Het configuratiebestand ${file} bestaat niet of is onleesbaar.`);
  });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ConfigError(`Het configuratiebestand ${file} is geen geldige JSON.`);
  }
  return parseConfig(raw, path.dirname(path.resolve(file)));
}
