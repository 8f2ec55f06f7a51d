/**
 * The audit log: one JSON line per request, append-only, each line carrying the SHA-256 of
 * the line before it (`prev`) and of itself without that field (`hash`), so that an edited,
 * inserted or removed line breaks the chain (verifyAuditChain). It records who asked which
 * builder in which scope, when, how long it took and how it ended — never arguments' values
 * beyond the scope, and never a result value.
 */
import { createHash } from 'node:crypto';
import { appendFile, open, readFile } from 'node:fs/promises';

export interface AuditEntry {
  /** ISO time the request arrived. */
  time: string;
  /** The identity header's value; null when it was missing. */
  user: string | null;
  role: string | null;
  builder: string | null;
  /** Granted gemeenten (and themes for riec) the query ran under. */
  scope: string | null;
  status: number;
  duration_ms: number;
  /** Rows answered (a count, never values). */
  rows: number | null;
}

export interface AuditLine extends AuditEntry {
  prev: string;
  hash: string;
}

/** The `prev` of the first line. */
export const GENESIS = '0'.repeat(64);

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The hash of a line's entry and its predecessor's hash, in a fixed field order. */
function lineHash(entry: AuditEntry, prev: string): string {
  const { time, user, role, builder, scope, status, duration_ms, rows } = entry;
  return sha256(
    JSON.stringify({ time, user, role, builder, scope, status, duration_ms, rows, prev }),
  );
}

/** The last line's hash of an existing log (GENESIS for a new or empty one). */
async function lastHash(file: string): Promise<string> {
  const handle = await open(file, 'a+');
  try {
    const { size } = await handle.stat();
    if (size === 0) return GENESIS;
    // Only the tail: a year of requests is hundreds of MB.
    const length = Math.min(size, 64 * 1024);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const lines = buffer.toString('utf8').trimEnd().split('\n');
    const last = JSON.parse(lines[lines.length - 1]) as Partial<AuditLine>;
    if (typeof last.hash !== 'string') throw new Error(`Het auditlog ${file} is beschadigd.`);
    return last.hash;
  } finally {
    await handle.close();
  }
}

/** Appends entries one at a time, in order, each chained to the one before. */
export class AuditLog {
  #prev: Promise<string>;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(readonly file: string) {
    this.#prev = lastHash(file);
  }

  /** Resolves when the line is written (the response waits for it: no unlogged answer). */
  append(entry: AuditEntry): Promise<void> {
    const write = this.#queue.then(async () => {
      const prev = await this.#prev;
      const line: AuditLine = { ...entry, prev, hash: lineHash(entry, prev) };
      await appendFile(this.file, `${JSON.stringify(line)}\n`, { flag: 'a' });
      this.#prev = Promise.resolve(line.hash);
    });
    this.#queue = write.catch(() => undefined);
    return write;
  }

  /** Waits for every line appended so far. */
  async flush(): Promise<void> {
    await this.#queue;
  }
}

export type AuditVerdict =
  { ok: true; lines: number } | { ok: false; line: number; reason: string };

/**
 * Checks every line's hash and its link to the line before. A removed line breaks the link
 * of the one after it; an edited one its own hash. (Removing the last lines is only visible
 * against a copy of the last hash kept elsewhere, e.g. in a daily report.)
 */
export async function verifyAuditChain(file: string): Promise<AuditVerdict> {
  const text = await readFile(file, 'utf8');
  const lines = text.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1);
  let prev = GENESIS;
  for (const [i, raw] of lines.entries()) {
    let line: AuditLine;
    try {
      line = JSON.parse(raw) as AuditLine;
    } catch {
      return { ok: false, line: i + 1, reason: 'geen geldige JSON' };
    }
    if (line.prev !== prev) {
      return {
        ok: false,
        line: i + 1,
        reason: 'de keten is onderbroken (regel verwijderd of verplaatst)',
      };
    }
    if (lineHash(line, line.prev) !== line.hash) {
      return { ok: false, line: i + 1, reason: 'de regel is gewijzigd' };
    }
    prev = line.hash;
  }
  return { ok: true, lines: lines.length };
}
