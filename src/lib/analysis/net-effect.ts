/**
 * The net effect of an intervention with its uncertainty: did target and buffer together
 * get fewer registrations than the control area's trend predicts? The WDQ (displacement.ts)
 * says how the buffer moved relative to the target, but a WDQ of −0,99 ("verplaatsing,
 * niet groter dan het directe effect") reads as success while the net effect is nil
 * (issue 23). So the verdict is stated on the net change first.
 *
 * Relative change against the control (the inverse of the "relative effect size" of
 * Farrington, Gill, Waples & Argomaniz 2007, J. Exp. Criminol. 3:21–38, and Welsh &
 * Farrington 2009, Justice Quarterly 26(4):716–745, who write RES = (a·d)/(b·c)):
 *
 *   R = (X1 / X0) / (C1 / C0)        X = the area judged, C = control; 0 = before, 1 = after
 *   ln R ± z · √(1/X0 + 1/X1 + 1/C0 + 1/C1)      (counts as Poisson; z = 1.96 for 95 %)
 *
 * R < 1: the area did better than the control. The interval assumes Poisson counts; with
 * extra variation between periods (overdispersion) the real interval is wider, so a change
 * shown as not demonstrable stays so. A zero count leaves R undefined: "niet te berekenen".
 *
 * The net effect takes X = target + buffer (Bowers & Johnson 2003's total net effect, as a
 * ratio); the target and the buffer are judged the same way to say where the change went.
 */
import type { DisplacementInput } from './displacement';

export interface RelativeChange {
  ratio: number;
  /** 95 % interval of the ratio. */
  lower: number;
  upper: number;
  /** 'lager': the whole interval below 1; 'hoger': above 1; else 'onduidelijk'. */
  direction: 'lager' | 'hoger' | 'onduidelijk';
}

export type NetVerdict = 'netto minder' | 'geen aantoonbaar netto-effect' | 'netto meer';

export interface NetEffect {
  /** Target and buffer together; null when a count is 0. */
  net: RelativeChange | null;
  target: RelativeChange | null;
  buffer: RelativeChange | null;
  verdict: NetVerdict | null;
  /** Short Dutch headline: "Geen aantoonbaar netto-effect", … or "Niet te berekenen". */
  headline: string;
  /** Dutch: what happened and where the change went, with the numbers and the interval. */
  explanation: string;
}

const Z_95 = 1.959963984540054;

/** (x1/x0)/(c1/c0) with its 95 % interval, or null when a count is 0. */
export function relativeChange(
  x0: number,
  x1: number,
  c0: number,
  c1: number,
): RelativeChange | null {
  if (!(x0 > 0 && x1 > 0 && c0 > 0 && c1 > 0)) return null;
  const log = Math.log(x1 / x0) - Math.log(c1 / c0);
  const half = Z_95 * Math.sqrt(1 / x0 + 1 / x1 + 1 / c0 + 1 / c1);
  const [lower, upper] = [Math.exp(log - half), Math.exp(log + half)];
  const direction = upper < 1 ? 'lager' : lower > 1 ? 'hoger' : 'onduidelijk';
  return { ratio: Math.exp(log), lower, upper, direction };
}

const HEADLINES: Record<NetVerdict, string> = {
  'netto minder': 'Netto minder registraties',
  'geen aantoonbaar netto-effect': 'Geen aantoonbaar netto-effect',
  'netto meer': 'Netto meer registraties',
};

/** "−12%" / "+3%": the change of a ratio in whole percent. */
const percent = (ratio: number): string => {
  const p = Math.round((ratio - 1) * 100);
  return `${p < 0 ? '−' : p > 0 ? '+' : ''}${Math.abs(p)}%`;
};

/** "+3% (95%-interval −20% tot +32%)". */
export function describeChange(r: RelativeChange): string {
  return `${percent(r.ratio)} (95%-interval ${percent(r.lower)} tot ${percent(r.upper)})`;
}

/** Where the change went, given the net verdict. */
function story(verdict: NetVerdict, target: RelativeChange | null, buffer: RelativeChange | null) {
  const targetDown = target?.direction === 'lager';
  const bufferUp = buffer?.direction === 'hoger';
  if (verdict === 'geen aantoonbaar netto-effect') {
    if (targetDown && bufferUp) return 'de daling in het doelgebied is verplaatst naar de buffer.';
    if (targetDown) {
      return 'het doelgebied daalde ten opzichte van het controlegebied, maar doelgebied en buffer samen niet aantoonbaar.';
    }
    return 'doelgebied en buffer samen veranderden niet aantoonbaar anders dan het controlegebied.';
  }
  if (verdict === 'netto meer') {
    return 'doelgebied en buffer samen kregen meer registraties dan het controlegebied deed verwachten.';
  }
  if (bufferUp) return 'een deel van de daling in het doelgebied is wel verplaatst naar de buffer.';
  if (buffer?.direction === 'lager') return 'ook de buffer ging erop vooruit (uitstraling).';
  return 'doelgebied en buffer samen daalden meer dan het controlegebied.';
}

/** The net effect of target + buffer against the control, and where the change went. */
export function assessNetEffect({
  target: a,
  buffer: b,
  control: c,
}: DisplacementInput): NetEffect {
  const net = relativeChange(a.before + b.before, a.after + b.after, c.before, c.after);
  const target = relativeChange(a.before, a.after, c.before, c.after);
  const buffer = relativeChange(b.before, b.after, c.before, c.after);
  if (!net) {
    return {
      net,
      target,
      buffer,
      verdict: null,
      headline: 'Niet te berekenen',
      explanation:
        'Het netto-effect is niet te berekenen: doelgebied en buffer samen of het controlegebied ' +
        'hadden 0 registraties in een van de perioden.',
    };
  }
  const verdict: NetVerdict =
    net.direction === 'lager'
      ? 'netto minder'
      : net.direction === 'hoger'
        ? 'netto meer'
        : 'geen aantoonbaar netto-effect';
  // Percentages only: the counts stand in the table beside it (suppressed where shared).
  const numbers = `Doelgebied en buffer samen ten opzichte van het controlegebied: ${describeChange(net)}.`;
  return {
    net,
    target,
    buffer,
    verdict,
    headline: HEADLINES[verdict],
    explanation: `${HEADLINES[verdict]}: ${story(verdict, target, buffer)} ${numbers}`,
  };
}
