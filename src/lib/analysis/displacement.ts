/**
 * Did an intervention work, or did the problem move next door? The weighted displacement
 * quotient (Bowers & Johnson 2003, J. Quant. Criminol. 19(3):275–301), with the formulas and
 * reading of Guerette (2009), POP Center Problem-Solving Tool Guide No. 10, appendices B–C:
 *
 *   SM  (success measure)             = A1/C1 − A0/C0   (< 0: target improved vs control)
 *   BDM (buffer displacement measure) = B1/C1 − B0/C0   (> 0: buffer worsened vs control)
 *   WDQ = BDM / SM
 *   TNE (total net effect)            = [A0·C1/C0 − A1] + [B0·C1/C0 − B1]
 *
 * A = target (doelgebied), B = buffer, C = control (controlegebied); 0 = before, 1 = after,
 * periods of equal length. The WDQ only means something when SM < 0; then WDQ > 0 is a
 * diffusion of benefits into the buffer, WDQ < 0 displacement into it, and WDQ < −1
 * displacement larger than the direct effect. Zero counts that make a ratio undefined give
 * "niet te berekenen" with the reason — never Infinity or NaN.
 *
 * The verdict a manager reads comes first and is the net effect of target and buffer
 * together with its interval (net-effect.ts): a WDQ of −0,99 is displacement of almost the
 * whole direct effect, which is no success (issue 23).
 */
import { assessNetEffect, type NetEffect } from './net-effect';

export interface BeforeAfter {
  before: number;
  after: number;
}

export interface DisplacementInput {
  target: BeforeAfter;
  buffer: BeforeAfter;
  control: BeforeAfter;
}

export type DisplacementInterpretation =
  | 'verplaatsing'
  | 'verplaatsing groter dan het directe effect'
  | 'uitstraling van positieve effecten'
  | 'geen effect';

export interface DisplacementResult {
  computable: true;
  successMeasure: number;
  bufferDisplacementMeasure: number;
  wdq: number;
  /** Crimes prevented in target and buffer together, relative to the control trend. */
  totalNetEffect: number;
  interpretation: DisplacementInterpretation;
  /** The net effect with its interval: the verdict to read first. */
  net: NetEffect;
  /** Dutch: the net verdict, then the WDQ's reading. */
  explanation: string;
  /** Dutch: the WDQ's reading in words only, for a view that shows the WDQ beside it. */
  reading: string;
}

export interface DisplacementNotComputable {
  computable: false;
  /** Still given when defined, so the UI can show what was measured. */
  successMeasure: number | null;
  bufferDisplacementMeasure: number | null;
  /** Dutch, starting with "Niet te berekenen": why the WDQ cannot be computed. */
  reason: string;
  /** The net effect, which may still be known (e.g. when the target got worse). */
  net: NetEffect;
}

/** The whole verdict in Dutch: the net effect first, then the WDQ or why it is missing. */
export function evaluationText(result: DisplacementResult | DisplacementNotComputable): string {
  if (result.computable) return result.explanation;
  return result.net.verdict ? `${result.net.explanation} ${result.reason}` : result.reason;
}

const ZERO: DisplacementInput = {
  target: { before: 0, after: 0 },
  buffer: { before: 0, after: 0 },
  control: { before: 0, after: 0 },
};

const AREA_NAMES = { target: 'doelgebied', buffer: 'buffer', control: 'controlegebied' } as const;

function formatNumber(value: number, decimals = 2): string {
  const text = Math.abs(value).toFixed(decimals).replace('.', ',');
  return (value < 0 && Number(Math.abs(value).toFixed(decimals)) !== 0 ? '−' : '') + text;
}

function invalidCount(input: DisplacementInput): string | null {
  for (const area of ['target', 'buffer', 'control'] as const) {
    for (const period of ['before', 'after'] as const) {
      const value = input[area][period];
      if (!(Number.isFinite(value) && value >= 0)) {
        const when = period === 'before' ? 'ervoor' : 'erna';
        return `Niet te berekenen: ongeldige telling voor ${AREA_NAMES[area]} (${when}): ${value}.`;
      }
    }
  }
  return null;
}

function interpret(wdq: number): { interpretation: DisplacementInterpretation; text: string } {
  if (wdq > 0) {
    const extra = wdq > 1 ? ' De uitstraling is zelfs groter dan het directe effect.' : '';
    return {
      interpretation: 'uitstraling van positieve effecten',
      text: `Ook in de buffer ging het beter dan in het controlegebied: uitstraling van positieve effecten.${extra}`,
    };
  }
  if (wdq === 0) {
    return {
      interpretation: 'geen effect',
      text: 'De buffer veranderde niet ten opzichte van het controlegebied: geen verplaatsing en geen uitstraling.',
    };
  }
  if (wdq < -1) {
    return {
      interpretation: 'verplaatsing groter dan het directe effect',
      text: 'De buffer ging erop achteruit, meer dan het doelgebied erop vooruitging: de verplaatsing is groter dan het directe effect.',
    };
  }
  // −1 ≤ WDQ < 0: the buffer's rise is that share of the target's fall (−0,99: 99 %).
  return {
    interpretation: 'verplaatsing',
    text: `De buffer ging erop achteruit ten opzichte van het controlegebied: verplaatsing van ${Math.round(-wdq * 100)}% van de daling in het doelgebied.`,
  };
}

/** Success measure, buffer displacement measure and WDQ, or why they cannot be computed. */
export function computeDisplacement(
  input: DisplacementInput,
): DisplacementResult | DisplacementNotComputable {
  const invalid = invalidCount(input);
  if (invalid) {
    return {
      computable: false,
      successMeasure: null,
      bufferDisplacementMeasure: null,
      reason: invalid,
      net: { ...assessNetEffect(ZERO), explanation: invalid },
    };
  }
  const net = assessNetEffect(input);
  const { target: a, buffer: b, control: c } = input;
  if (c.before === 0 || c.after === 0) {
    const when = c.before === 0 ? 'ervoor' : 'erna';
    return {
      computable: false,
      successMeasure: null,
      bufferDisplacementMeasure: null,
      net,
      reason:
        `Niet te berekenen: in het controlegebied waren er 0 registraties in de periode ${when}. ` +
        'Zonder vergelijkingsgebied kan de verandering niet gewogen worden; kies een groter controlegebied.',
    };
  }
  const successMeasure = a.after / c.after - a.before / c.before;
  const bufferDisplacementMeasure = b.after / c.after - b.before / c.before;
  const partial = { computable: false as const, successMeasure, bufferDisplacementMeasure, net };
  if (a.before === 0 && a.after === 0) {
    return {
      ...partial,
      reason:
        'Niet te berekenen: in het doelgebied waren er zowel ervoor als erna 0 registraties, ' +
        'dus er was geen effect dat verplaatst kon worden.',
    };
  }
  if (successMeasure >= 0) {
    return {
      ...partial,
      reason:
        `Niet te berekenen: het doelgebied ging er ten opzichte van het controlegebied niet op ` +
        `vooruit (succesmaat ${formatNumber(successMeasure, 3)}, niet kleiner dan 0). ` +
        'De WDQ zegt alleen iets als de aanpak in het doelgebied effect had.',
    };
  }
  const wdq = bufferDisplacementMeasure === 0 ? 0 : bufferDisplacementMeasure / successMeasure; // not −0
  const growth = c.after / c.before;
  const totalNetEffect = a.before * growth - a.after + (b.before * growth - b.after);
  const { interpretation, text } = interpret(wdq);
  return {
    computable: true,
    successMeasure,
    bufferDisplacementMeasure,
    wdq,
    totalNetEffect,
    interpretation,
    net,
    reading: text,
    explanation:
      `${net.explanation} ${text} ` +
      `(WDQ = ${formatNumber(wdq)}; succesmaat ${formatNumber(successMeasure, 3)})`,
  };
}
