/**
 * Prediction Accuracy Index (Chainey, Tompson & Uhlig 2008, "The utility of hotspot mapping
 * for predicting spatial patterns of crime", Security Journal 21:4–28):
 *
 *   PAI = (n / N) / (a / A)
 *
 * n events of the test period inside the predicted hotspots, N events in the whole study
 * area, a the hotspots' area, A the study area. 1 means the hotspots catch no more than their
 * share of the area would by chance; higher is better. Used to back-test a briefing's
 * "expected hotspots" week by week.
 */

export interface PaiInput {
  /** n: events of the test period inside the predicted hotspots. */
  eventsInHotspots: number;
  /** N: all events of the test period in the study area. */
  totalEvents: number;
  /** a: area of the predicted hotspots (any unit, the same as totalArea). */
  hotspotArea: number;
  /** A: the study area. */
  totalArea: number;
}

export interface PaiResult {
  computable: true;
  pai: number;
  /** n / N */
  hitRate: number;
  /** a / A */
  areaShare: number;
  explanation: string;
}

export interface PaiNotComputable {
  computable: false;
  hitRate: number | null;
  areaShare: number | null;
  /** Dutch, starting with "Niet te berekenen". */
  reason: string;
}

const percent = (share: number): string =>
  `${(share * 100).toFixed(share < 0.1 ? 1 : 0).replace('.', ',')}%`;

function validate(input: PaiInput): string | null {
  const { eventsInHotspots: n, totalEvents: total, hotspotArea: a, totalArea: area } = input;
  const finite = [n, total, a, area].every((v) => Number.isFinite(v) && v >= 0);
  if (!finite) return 'Niet te berekenen: aantallen en oppervlakten moeten 0 of groter zijn.';
  if (n > total) return 'Niet te berekenen: meer gebeurtenissen in de hotspots dan in totaal.';
  if (a > area) return 'Niet te berekenen: de hotspots zijn groter dan het hele gebied.';
  if (area === 0) return 'Niet te berekenen: het studiegebied heeft geen oppervlakte.';
  if (a === 0) return 'Niet te berekenen: er zijn geen hotspots voorspeld (oppervlakte 0).';
  if (total === 0) {
    return 'Niet te berekenen: er waren in deze periode geen gebeurtenissen om te voorspellen.';
  }
  return null;
}

/** PAI with hit rate and area share, or the reason it cannot be computed. */
export function computePai(input: PaiInput): PaiResult | PaiNotComputable {
  const reason = validate(input);
  const { eventsInHotspots: n, totalEvents: total, hotspotArea: a, totalArea: area } = input;
  if (reason) {
    const ok = (v: number) => Number.isFinite(v) && v >= 0;
    return {
      computable: false,
      hitRate: ok(n) && ok(total) && total > 0 && n <= total ? n / total : null,
      areaShare: ok(a) && ok(area) && area > 0 && a <= area ? a / area : null,
      reason,
    };
  }
  const hitRate = n / total;
  const areaShare = a / area;
  const pai = hitRate / areaShare;
  const times = pai.toFixed(1).replace('.', ',');
  return {
    computable: true,
    pai,
    hitRate,
    areaShare,
    explanation:
      `${percent(hitRate)} van de gebeurtenissen viel in de voorspelde hotspots, die ` +
      `${percent(areaShare)} van het gebied beslaan: ${times} keer zoveel als bij toeval (PAI).`,
  };
}
