/**
 * The frame walk that keeps incomplete Arrow IPC streams away from the engine
 * (data/ipc-stream.ts): whole streams pass unchanged (no copy), a missing end marker is
 * supplied, and a stream cut anywhere inside a message is refused in Dutch.
 */
import { tableFromArrays, tableFromIPC, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { IpcStreamError, wholeIpcStream } from '../../src/lib/data/ipc-stream';

const END_MARKER = [0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0];
const stream = tableToIPC(
  tableFromArrays({ soort: ['surveillance', 'controle'], lon: Float64Array.from([6.19, 6.21]) }),
  'stream',
);
const reason = (bytes: Uint8Array) => {
  try {
    wholeIpcStream(bytes);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(IpcStreamError);
    return (error as IpcStreamError).reason;
  }
};

describe('wholeIpcStream', () => {
  it('passes a whole stream as it is, without a copy', () => {
    const parts = wholeIpcStream(stream);
    expect(parts).toHaveLength(1);
    expect(parts[0]).toBe(stream);
  });

  it('stops at the end marker and supplies one a writer left out', () => {
    const withTail = new Uint8Array([...stream, 1, 2, 3]);
    expect(wholeIpcStream(withTail)[0]).toEqual(stream);
    const open = stream.subarray(0, stream.length - END_MARKER.length);
    const parts = wholeIpcStream(open);
    expect(parts).toEqual([open, Uint8Array.from(END_MARKER)]);
    expect(tableFromIPC(new Uint8Array([...parts[0], ...parts[1]])).numRows).toBe(2);
  });

  it('refuses a stream cut at any byte inside its messages', () => {
    const end = stream.length - END_MARKER.length;
    const accepted: number[] = [];
    for (let cut = 1; cut < end; cut++) {
      const refused = reason(stream.subarray(0, cut));
      if (refused === null) accepted.push(cut);
      else expect(refused, `cut at ${cut}`).toMatch(/^onvolledig|^geen Arrow/);
    }
    // Between two messages (after the schema, after the dictionary) a cut leaves a shorter
    // whole stream, which only a row count can tell (a publication's manifest has one).
    expect(accepted).toHaveLength(2);
    for (const cut of accepted) expect(wholeIpcStream(stream.subarray(0, cut))).toHaveLength(2);
  });

  it('refuses bytes that do not start with a schema', () => {
    expect(reason(Uint8Array.from(END_MARKER))).toBe('geen Arrow-gegevensstroom');
    expect(reason(new TextEncoder().encode('bezoeknummer;begin\nB-1;gisteren\n'))).not.toBeNull();
    const [firstLength] = new Int32Array(stream.buffer, stream.byteOffset + 4, 1);
    const withoutSchema = stream.subarray(8 + firstLength);
    expect(reason(withoutSchema)).toBe('geen Arrow-gegevensstroom');
  });
});
