/**
 * Person names in cell values. Names cannot be recognised reliably from content, so this is
 * deliberately narrow: only the shapes that are unmistakably a person's name in Dutch data.
 *   - initials + surname:           `J. de Vries`, `J.P. van der Berg`, `A. Jansen-Bakker`
 *   - first name(s) + tussenvoegsel + surname: `Jan de Vries`, `Anna Maria van 't Hof`
 *   - surname, initials (+ tussenvoegsel):     `Vries, J. de`, `Jansen, P.`, `JANSEN, P.`
 *   - a form of address + surname:             `Dhr. Jansen`, `Mevr. de Vries`, `Mw. P. Smit`
 * A first name and surname without tussenvoegsel (`Piet Jansen`) is not recognised here: it
 * is indistinguishable from theme names and display names such as `Overlast Bedrijven`. A
 * column of such values is refused by column-level evidence instead (short free text, see
 * `personal-data-content.ts`).
 * Street names built on a person's name (`Jan van Galenstraat`, `Willem de Zwijgerlaan`) are
 * excluded by their street suffix; a few heads of place and category names by their first word.
 */

const TUSSENVOEGSELS = [
  'van', 'de', 'der', 'den', 'het', 'ten', 'ter', 'te', 'op', 'in', 'uit', 'aan', 'bij',
  "'t", '’t', "'s", '’s', 'la', 'le', 'du', 'da', 'di', 'del', 'dos', 'von',
]; // prettier-ignore
/** Case-insensitive first letter only: `Van Dijk, J.` and `J. van Dijk` both occur. */
const TV = `(?:${TUSSENVOEGSELS.map((w) =>
  /^[a-z]/.test(w) ? `[${w[0]}${w[0].toUpperCase()}]${w.slice(1)}` : w,
).join('|')})`;
const WORD = "[A-ZÀ-Ý][a-zß-ÿ]+(?:['’][a-zß-ÿ]+)?";
const SURNAME = `${WORD}(?:-${WORD})?`;
const INITIALS = '(?:[A-Z]\\.\\s?){1,4}';

const INITIALS_SURNAME = new RegExp(`^${INITIALS}\\s*(?:${TV}\\s+){0,3}${SURNAME}$`);
const FIRST_TV_SURNAME = new RegExp(`^${WORD}(?:\\s+${WORD})?\\s+(?:${TV}\\s+){1,3}${SURNAME}$`);
const SURNAME_INITIALS = new RegExp(
  `^(?:${TV}\\s+){0,3}${SURNAME},\\s*${INITIALS}(?:\\s*${TV}){0,3}$`,
);
/** `JANSEN, P.`, `DE VRIES, J.`: surnames in capitals, as registration systems print them. */
const TV_UPPER = `(?:${TUSSENVOEGSELS.map((w) => w.toUpperCase()).join('|')})`;
const UPPER_SURNAME = "[A-ZÀ-Ý]{2,}(?:['’-][A-ZÀ-Ý]{2,})?";
const UPPER_SURNAME_INITIALS = new RegExp(
  `^(?:${TV_UPPER}\\s+){0,3}${UPPER_SURNAME},\\s*${INITIALS}(?:\\s*${TV_UPPER}){0,3}$`,
);
/** Forms of address that only ever precede a person's name. */
const ADDRESS_FORM = /^(?:dhr|mevr|mvr|mw|mej|de heer|mevrouw|meneer)\.?\s+/i;
const AFTER_ADDRESS_FORM = new RegExp(
  `^(?:${INITIALS}\\s*|${WORD}\\s+)?(?:${TV}\\s+){0,3}${SURNAME}$`,
);

/** Street and place suffixes that end a compound street name (`Galenstraat`), never a surname. */
const STREET_SUFFIX =
  /\p{L}(?:straat|straatje|weg|laan|plein|pad|dreef|singel|gracht|kade|markt|steeg|plantsoen|park|boulevard|allee|erf)$/u;
/** First words of place, theme and category names that would otherwise read as a first name. */
const NOT_A_FIRST_NAME = new Set([
  'overlast', 'hof', 'huis', 'park', 'plein', 'gemeente', 'wijk', 'buurt', 'kasteel', 'fort',
  'polder', 'haven', 'markt', 'stichting', 'vereniging', 'camping', 'boerderij', 'hoeve',
  'kerk', 'school', 'station', 'afval', 'wonen', 'container',
]); // prettier-ignore

export function looksLikePersonName(value: string): boolean {
  if (value.length > 80) return false;
  const v = value.trim().replace(/\s+/g, ' ');
  if (v.length < 4 || v.length > 60) return false;
  const address = ADDRESS_FORM.exec(v);
  if (address) return AFTER_ADDRESS_FORM.test(v.slice(address[0].length));
  const shaped =
    INITIALS_SURNAME.test(v) ||
    FIRST_TV_SURNAME.test(v) ||
    SURNAME_INITIALS.test(v) ||
    UPPER_SURNAME_INITIALS.test(v);
  if (!shaped) return false;
  const words = v.replace(/,.*$/, '').split(' ');
  const first = words[0].toLowerCase();
  return !NOT_A_FIRST_NAME.has(first) && !STREET_SUFFIX.test(words[words.length - 1]);
}
