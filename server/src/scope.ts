/**
 * Who asks, and what they may see. The reverse proxy (OIDC/SAML) sets the identity header;
 * the configuration grants each user or group a role and gemeenten. A scope is enforced
 * twice: the builder's filter arguments are narrowed to it (so the SQL asks only for what
 * may be seen), and every table is read through views restricted to it (scoped-views.ts),
 * so a builder without a filter argument cannot reach another gemeente either.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Role, ServerConfig } from './config';

export interface Scope {
  user: string;
  role: Role;
  /** Granted CBS codes, sorted. */
  gemeenten: string[];
  /** Themes the user may see; null = all (only riec is limited). */
  themes: string[] | null;
}

/** An HTTP status with a Dutch message for the client. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name.toLowerCase()];
  const text = Array.isArray(value) ? value[0] : value;
  return text?.trim() ? text.trim() : null;
}

/** The scope of the request's identity; 401 without identity, 403 without a grant. */
export function scopeOf(config: ServerConfig, headers: IncomingHttpHeaders): Scope {
  const user = header(headers, config.identityHeader);
  if (!user) throw new RequestError(401, 'Niet aangemeld: de identiteit ontbreekt.');
  const own = Object.hasOwn(config.users, user) ? config.users[user] : undefined;
  const groupNames = config.groupsHeader
    ? (header(headers, config.groupsHeader) ?? '')
        .split(',')
        .map((g) => g.trim())
        .filter(Boolean)
    : [];
  const grants = own
    ? [own]
    : groupNames.filter((g) => Object.hasOwn(config.groups, g)).map((g) => config.groups[g]);
  if (grants.length === 0) {
    throw new RequestError(403, `Geen toegang: ${user} heeft geen rol in de regioserver.`);
  }
  const roles = new Set(grants.map((g) => g.role));
  if (roles.size > 1) {
    throw new RequestError(
      403,
      `Geen toegang: ${user} heeft via groepen verschillende rollen (${[...roles].join(', ')}); vraag de beheerder één rol toe te kennen.`,
    );
  }
  const role = grants[0].role;
  const gemeenten = [...new Set(grants.flatMap((g) => g.gemeenten))].sort();
  if (role === 'analist' && gemeenten.length !== 1) {
    throw new RequestError(403, `Geen toegang: een analist heeft precies één gemeente.`);
  }
  return {
    user,
    role,
    gemeenten,
    themes: role === 'riec' ? [...config.riecThemes].sort() : null,
  };
}

/** The keys of the shared filter (RecordFilter, data/sql/record-filter.ts). */
const FILTER_KEYS = new Set([
  'from',
  'to',
  'themes',
  'categories',
  'outcomes',
  'months',
  'hours',
  'weekdays',
  'wijkcodes',
  'buurtcodes',
  'bbox',
  'gemeenten',
]);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** True for an object that holds only shared-filter fields (at least one). */
function isRecordFilter(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => FILTER_KEYS.has(k));
}

/**
 * A list narrowed to `allowed`: absent or empty asks for everything allowed; a value
 * outside it is refused (403), never silently dropped to "no restriction".
 */
function narrowList(requested: unknown, allowed: readonly string[], what: string): string[] {
  if (requested === undefined || (Array.isArray(requested) && requested.length === 0)) {
    return [...allowed];
  }
  if (!Array.isArray(requested) || requested.some((v) => typeof v !== 'string')) {
    throw new RequestError(400, `Ongeldige ${what} in het filter.`);
  }
  const outside = requested.filter((v) => !allowed.includes(v as string));
  if (outside.length) {
    throw new RequestError(403, `Geen toegang tot ${what} ${outside.join(', ')}.`);
  }
  return requested as string[];
}

function narrowFilter(filter: Record<string, unknown>, scope: Scope): Record<string, unknown> {
  const narrowed: Record<string, unknown> = {
    ...filter,
    gemeenten: narrowList(filter.gemeenten, scope.gemeenten, 'gemeente'),
  };
  if (scope.themes) narrowed.themes = narrowList(filter.themes, scope.themes, 'thema');
  return narrowed;
}

/**
 * The builder's arguments with every shared filter among them (top level or as a field of
 * an options object, two levels deep) narrowed to the scope.
 */
export function narrowArgs(args: readonly unknown[], scope: Scope): unknown[] {
  const visit = (value: unknown, depth: number): unknown => {
    if (Array.isArray(value)) return depth > 0 ? value.map((v) => visit(v, depth - 1)) : value;
    if (!isPlainObject(value)) return value;
    // A query argument travels as its own call (data/queries/register.ts): narrow its args.
    const call = value.call as { args?: unknown } | undefined;
    if (isPlainObject(call) && Array.isArray(call.args)) {
      return { ...value, call: { ...call, args: narrowArgs(call.args, scope) } };
    }
    if (isRecordFilter(value)) return narrowFilter(value, scope);
    if (depth === 0) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visit(v, depth - 1)]));
  };
  return args.map((arg) => visit(arg, 2));
}

/** A short, stable name of the scope (the audit log and the scoped views' schema name). */
export function scopeKey(scope: Pick<Scope, 'gemeenten' | 'themes'>): string {
  return `${scope.gemeenten.join('+')}${scope.themes ? `|${scope.themes.join('+')}` : ''}`;
}
