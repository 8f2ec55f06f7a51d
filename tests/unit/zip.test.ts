import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildZip, crc32 } from '../../src/lib/data/zip';

describe('ZIP download of a published dataset', () => {
  it('computes CRC-32 check values (the standard check value of "123456789" is CBF43926)', () => {
    expect(crc32(new TextEncoder().encode('123456789')).toString(16)).toBe('cbf43926');
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('writes an archive that an independent reader (Python zipfile) opens and verifies', () => {
    const files = new Map<string, Uint8Array>([
      ['dataset/manifest.json', new TextEncoder().encode('{"format":"wijkradar-dataset"}')],
      [
        'dataset/incidents-2026.arrow',
        Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 251),
      ],
      ['dataset/ë-naam.geojson', new TextEncoder().encode('{}')],
    ]);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'zip-'));
    try {
      const file = path.join(dir, 'publicatie.zip');
      writeFileSync(file, buildZip(files, new Date(2026, 10, 23, 14, 30, 10)));
      const listing = execFileSync('python3', [
        '-c',
        `import zipfile,sys,json
z=zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
print(json.dumps([[i.filename, i.file_size, list(i.date_time)] for i in z.infolist()]))`,
        file,
      ]).toString();
      expect(JSON.parse(listing)).toEqual([
        ['dataset/manifest.json', 30, [2026, 11, 23, 14, 30, 10]],
        ['dataset/incidents-2026.arrow', 70_000, [2026, 11, 23, 14, 30, 10]],
        ['dataset/ë-naam.geojson', 2, [2026, 11, 23, 14, 30, 10]],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
