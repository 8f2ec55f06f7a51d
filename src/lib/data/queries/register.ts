/**
 * Tagging of builder results (issue 25): a registered builder returns its Query with
 * `call: { builder, args }`, the builder's name and the arguments it was called with, so a
 * remote connector can send the call instead of SQL and a server can run the same builder
 * (data/queries/registry.ts lists them, with example arguments and a strict check).
 *
 * This module imports no builder, so that builder modules can register themselves here
 * without an import cycle and the browser bundle does not grow by the registry.
 */
import type { BuilderCall, Query } from '../connector';

export type { BuilderCall };

/** A builder argument as it travels: a Query argument as its own call (never its SQL). */
function callArg(arg: unknown): unknown {
  if (typeof arg === 'object' && arg !== null && 'sql' in arg) {
    const call = (arg as Query).call;
    // An untagged query cannot travel; the registry's check refuses `{ sql }`.
    return call ? { call } : arg;
  }
  return arg;
}

/**
 * `fn` with the same signature, whose result carries `call: { builder: name, args }`.
 * Trailing `undefined` arguments are left out (the builder applies its defaults again).
 */
export function register<A extends unknown[]>(
  name: string,
  fn: (...args: A) => Query,
): (...args: A) => Query {
  const registered = (...args: A): Query => {
    const query = fn(...args);
    let end = args.length;
    while (end > 0 && args[end - 1] === undefined) end--;
    return { ...query, call: { builder: name, args: args.slice(0, end).map(callArg) } };
  };
  Object.defineProperty(registered, 'builderName', { value: name });
  return registered;
}

/** The name a registered builder was registered under (undefined for any other function). */
export const builderNameOf = (fn: unknown): string | undefined =>
  (fn as { builderName?: string } | null)?.builderName;

/**
 * Each of `builders` registered under `module.key` (register), keeping its signature:
 * `export const { buildA, buildB } = registerAll('module', { buildA: a, buildB: b })`.
 */
export function registerAll<T extends Record<string, (...args: never[]) => Query>>(
  module: string,
  builders: T,
): T {
  return Object.fromEntries(
    Object.entries(builders).map(([key, fn]) => [
      key,
      register(`${module}.${key}`, fn as (...args: unknown[]) => Query),
    ]),
  ) as unknown as T;
}
