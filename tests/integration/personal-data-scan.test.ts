/**
 * Issue 27, items 1 and 2: personal data is looked for in every row that could be stored,
 * and no column of the file can switch that off. Items 7 and 11 end to end: the Dutch
 * formats the check missed are refused, and vacancy dates are not taken for birth dates.
 * The hostile files are fixtures (tests/fixtures/import/hostile/README.md).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { ImportError } from '../../src/lib/data/import/staged-source';
import { prepareImport, runImport } from '../../src/lib/data/import/pipeline';
import { couldCount } from '../../src/lib/data/import/personal-data-content';
import { candidateSql, scanPersonalData } from '../../src/lib/data/import/personal-data-scan';
import { rejectedRowsCsv } from '../../src/lib/data/import/rejected-rows';
import { loadDemoInNode } from '../helpers/demo-node';

const HOSTILE = path.resolve(import.meta.dirname, '../fixtures/import/hostile');
const fixture = async (name: string) => new Uint8Array(await readFile(path.join(HOSTILE, name)));

let conn: Connector;
beforeAll(async () => {
  conn = await loadDemoInNode();
});
afterAll(() => conn.close());

const refusedKinds = (refused: { column: string; kind: string }[]) =>
  Object.fromEntries(refused.map((r) => [r.column, r.kind]));

describe('a CSV clean for 1,000 rows with BSNs, phone numbers and e-mail after that', () => {
  it('refuses those columns before the import, naming the rows where they were found', async () => {
    const bytes = await fixture('persoonsgegevens-na-rij-1000.csv');
    const prepared = await prepareImport(conn, 'incidents', 'export.csv', bytes);
    expect(refusedKinds(prepared.plan.refused)).toEqual({
      registratienummer: 'bsn',
      afdoening: 'telefoonnummer',
      bron: 'e-mailadres',
      kenmerk: 'bsn',
    });
    const bron = prepared.plan.refused.find((r) => r.column === 'bron')!;
    expect(bron.reason).toMatch(/^Kolom ‘bron’ lijkt in rij \d+–\d+ e-mailadressen te bevatten/);
    // The id column is refused, so the import cannot run: nothing is stored.
    expect(prepared.problems.join(' ')).toMatch(/Registratienummer/);
    await expect(runImport(conn, prepared, { dataset: 'pd-scan' })).rejects.toThrow(ImportError);
    const [{ n }] = await conn.query<{ n: number }>({
      sql: `SELECT count(*) AS n FROM incidents WHERE dataset = 'pd-scan'`,
    });
    expect(n).toBe(0);
  });

  it('scans a column mapped on screen after the proposal, and stores nothing from it', async () => {
    const bytes = await fixture('persoonsgegevens-na-rij-1000.csv');
    const prepared = await prepareImport(conn, 'incidents', 'export.csv', bytes, {
      // A profile that maps only the clean columns; `kenmerk` is mapped on screen below.
      mapping: {
        occurred_from: 'datum',
        category: 'feit',
        lon: 'lengtegraad',
        lat: 'breedtegraad',
      },
    });
    const kenmerk = prepared.staged.headers.indexOf('kenmerk');
    // As the mapping screen does: the id field set to a column the proposal left unmapped.
    prepared.samples[kenmerk].scanned = false;
    prepared.samples[kenmerk].scanFinding = undefined;
    prepared.plan.refused = prepared.plan.refused.filter((r) => r.index !== kenmerk);
    prepared.plan.columns.id = kenmerk;
    await expect(runImport(conn, prepared, { dataset: 'pd-scan-2' })).rejects.toThrow(
      /Kolom ‘kenmerk’ lijkt in rij \d+–\d+ burgerservicenummers \(BSN\) te bevatten.*Koppel deze kolom niet/,
    );
    const [{ n }] = await conn.query<{ n: number }>({
      sql: `SELECT count(*) AS n FROM incidents WHERE dataset = 'pd-scan-2'`,
    });
    expect(n).toBe(0);
  });
});

describe('the scan over all rows', () => {
  const stage = async (values: string[]) => {
    await conn.exec('DROP TABLE IF EXISTS scan_probe');
    await conn.exec(`CREATE TABLE scan_probe AS SELECT CAST(i + 1 AS INTEGER) AS rn,
      CAST(NULL AS VARCHAR) AS c0 FROM range(${values.length}) t(i)`);
    for (let start = 0; start < values.length; start += 500) {
      const chunk = values.slice(start, start + 500);
      await conn.query({
        sql: `UPDATE scan_probe SET c0 = v FROM (SELECT unnest(?::VARCHAR[]) AS v,
                generate_subscripts(?::VARCHAR[], 1) + ${start} AS rn) s WHERE scan_probe.rn = s.rn`,
        params: [JSON.stringify(chunk), JSON.stringify(chunk)],
      });
    }
  };
  const scan = () =>
    scanPersonalData(conn, 'scan_probe', [{ index: 0, header: 'kolom' }], { judgedRows: 1000 });

  it('finds a block of 500 e-mail addresses that straddles two 1,000-row windows', async () => {
    const values = Array.from({ length: 4000 }, (_, i) =>
      i >= 1750 && i < 2250 ? `iemand${i}@voorbeeld.nl` : `code-${i % 7}`,
    );
    await stage(values);
    const [finding] = await scan();
    expect(finding).toMatchObject({ column: 'kolom', kind: 'e-mailadres', evidence: 'inhoud' });
  });

  it('leaves ids, categories, timestamps and coordinates alone over 20,000 rows', async () => {
    const values = Array.from(
      { length: 20000 },
      (_, i) =>
        [`I${String(i).padStart(7, '0')}`, '2026-03-01 14:22:00', '155234,12', 'Jeugdoverlast'][
          i % 4
        ],
    );
    await stage(values);
    expect(await scan()).toEqual([]);
  });

  it('finds short notes and printed BSNs beyond row 1,000 (issue 27, item 7)', async () => {
    const surnames = ['Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'Bos', 'Peters'];
    const notes = Array.from({ length: 3000 }, (_, i) =>
      i < 1500 ? `code-${i % 7}` : `gesproken met ${surnames[i % 8]} om ${10 + (i % 9)} uur`,
    );
    await stage(notes);
    expect((await scan())[0]).toMatchObject({ kind: 'vrije tekst', evidence: 'inhoud' });
    const bsns = ['123.456.782', '123 456 782', '123-456-782', '06.12.34.56.78'];
    await stage(Array.from({ length: 3000 }, (_, i) => (i < 1500 ? 'x' : bsns[i % 3])));
    expect((await scan())[0]).toMatchObject({ kind: 'bsn' });
  });
});

describe('a file column named rowid', () => {
  it('does not switch off the content check of an Arrow file (values from 5,000)', async () => {
    const prepared = await prepareImport(
      conn,
      'visits',
      'bezoeken.arrow',
      await fixture('rowid-kolom.arrow'),
    );
    expect(refusedKinds(prepared.plan.refused)).toMatchObject({
      klantnummer: 'bsn',
      contact: 'e-mailadres',
      nummer: 'telefoonnummer',
    });
    expect(prepared.samples.find((s) => s.header === 'contact')!.values).toHaveLength(50);
  });

  it('keeps the rejected-rows download to the rejected rows (small, repeating values)', async () => {
    const prepared = await prepareImport(
      conn,
      'incidents',
      'klein.arrow',
      await fixture('rowid-klein.arrow'),
    );
    const report = await runImport(conn, prepared, { dataset: 'rowid-klein', commit: false });
    expect(report.rows).toEqual({ total: 12, accepted: 10, rejected: 2 });
    const csv = await rejectedRowsCsv(conn, prepared.staged, prepared.plan);
    const lines = csv.replace('\ufeff', '').trim().split('\r\n');
    expect(lines).toHaveLength(3); // header + the two rows without an id
    expect(prepared.staged.headers[0]).toBe('rowid');
  });
});

describe('candidateSql', () => {
  it('admits every value couldCount admits (the new Dutch shapes included)', async () => {
    const values = [
      '123.456.782', '123 456 782', '123-456-782', '1234-56-782', '06.12.34.56.78',
      '020.123.45.67', '+31.6.12345678', 'Dhr. Jansen', 'Mevr. de Vries', 'JANSEN, P.',
      'Jansen, P.', 'Piet Jansen', 'gesproken met Jansen', 'bewoner niet thuis',
      'geen actie', 'overlast-jeugd', 'a b', 'x  y  z', 'met  Jansen ', 'niet thuis\t',
    ]; // prettier-ignore
    const rows = await conn.query<{ v: string; c: boolean }>({
      sql: `SELECT v, ${candidateSql('v')} AS c FROM (SELECT unnest(?::VARCHAR[]) AS v)`,
      params: [JSON.stringify(values)],
    });
    const missed = rows.filter((r) => couldCount(r.v) && !r.c).map((r) => r.v);
    expect(missed).toEqual([]);
    expect(rows.filter((r) => couldCount(r.v)).length).toBeGreaterThanOrEqual(15);
  });
});

describe('Dutch formats of personal data (item 7)', () => {
  it('refuses each column, keeps categories and outcomes, and stores no personal value', async () => {
    const bytes = await fixture('persoonsgegevens-nederlandse-vormen.csv');
    const prepared = await prepareImport(conn, 'incidents', 'vormen.csv', bytes);
    const refused = Object.fromEntries(prepared.plan.refused.map((r) => [r.column, r.kind]));
    expect(refused).toEqual({
      kenmerk: 'bsn',
      bereikbaar: 'telefoonnummer',
      wie: 'naam',
      contact: 'vrije tekst',
      aantekening: 'vrije tekst',
    });
    const report = await runImport(conn, prepared, { dataset: 'vormen' });
    expect(report.rows.accepted).toBe(300);
    const stored = await conn.query<{ category: string; n: number }>({
      sql: `SELECT category, count(*) AS n FROM incidents WHERE dataset = 'vormen'
            GROUP BY category ORDER BY category`,
    });
    expect(stored.map((s) => s.category)).toContain('Overlast Bedrijven');
    const [{ personal }] = await conn.query<{ personal: number }>({
      sql: `SELECT count(*) AS personal FROM incidents WHERE dataset = 'vormen' AND (
              regexp_matches(concat_ws('|', id, category, outcome, source), '[0-9]{3}[ .-][0-9]{3}|06\\.|Dhr|Mevr|Jansen|Bakker'))`,
    });
    expect(personal).toBe(0);
  });
});

describe('vacancy dates (item 11)', () => {
  it('imports leeg_sinds from 1988–2007 as vacant_since, not refused as birth dates nor as too early', async () => {
    const bytes = await fixture('panden-leeg-sinds.csv');
    const prepared = await prepareImport(conn, 'buildings', 'panden.csv', bytes);
    expect(prepared.plan.refused).toEqual([]);
    const report = await runImport(conn, prepared, { dataset: 'leeg-sinds' });
    expect(report.reasons).toEqual([]);
    expect(report.rows.accepted).toBe(60);
    const [{ first, last }] = await conn.query<{ first: number; last: number }>({
      sql: `SELECT min(year(vacant_since)) AS first, max(year(vacant_since)) AS last
            FROM buildings WHERE dataset = 'leeg-sinds'`,
    });
    expect([first, last]).toEqual([1988, 2007]);
  });
});
