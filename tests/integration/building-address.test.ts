/**
 * Buildings with an address (issue 26): an `Adres` column of a buildings export is mapped
 * to `adres`, stored as given (an address is not refused as personal data or free text),
 * left empty where a row has none, and read by the Buitengebied view; the demo's buildings
 * carry fictional addresses, a few none (the view then shows coordinates).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { prepareImport, runImport } from '../../src/lib/data/import/pipeline';
import { loadBuitengebiedData } from '../../src/lib/state/buitengebied/buitengebied-data';
import { loadDemoInNode } from '../helpers/demo-node';

let conn: Connector;
beforeAll(async () => {
  conn = await loadDemoInNode();
});
afterAll(() => conn?.close());

describe('adres of a building', () => {
  it('is imported from an Adres column, and empty where the row has none', async () => {
    const csv = [
      'Pand ID;Soort;Status;Adres;lon;lat',
      'GA-1;stal;leegstaand;Hessenweg 2, 9901 AB Donderdeel;6,151;52,07879',
      'GA-2;schuur;in gebruik;Broekdijk 14;6,149;52,02779',
      'GA-3;loods;leegstaand;;6,150;52,05',
    ].join('\n');
    const prepared = await prepareImport(
      conn,
      'buildings',
      'gebouwen.csv',
      new TextEncoder().encode(csv),
    );
    const adres = prepared.samples.findIndex((c) => c.header === 'Adres');
    expect(prepared.plan.columns.adres).toBe(adres);
    expect(prepared.plan.refused).toEqual([]);
    const report = await runImport(conn, prepared, { dataset: 'adres-test' });
    expect(report.rows).toMatchObject({ total: 3, accepted: 3, rejected: 0 });
    const stored = await conn.query({
      sql: "SELECT id, adres FROM buildings WHERE dataset = 'adres-test' ORDER BY id",
    });
    expect(stored).toEqual([
      { id: 'GA-1', adres: 'Hessenweg 2, 9901 AB Donderdeel' },
      { id: 'GA-2', adres: 'Broekdijk 14' },
      { id: 'GA-3', adres: null },
    ]);
  });

  it('reaches the Buitengebied view, for the demo and the import alike', async () => {
    const { buildings } = await loadBuitengebiedData(conn);
    const byId = new Map(buildings.map((b) => [b.id, b.adres]));
    expect(byId.get('BG-014')).toBe('Hessenweg 33, Donderdeel');
    expect(byId.get('BG-007')).toBeNull();
    expect(byId.get('GA-2')).toBe('Broekdijk 14');
    const demo = buildings.filter((b) => b.id.startsWith('BG-'));
    expect(demo.filter((b) => b.adres).length).toBe(43);
  });
});
