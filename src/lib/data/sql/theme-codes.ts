/**
 * A theme as the small integer the map points carry (`th`): its index in THEMES, the
 * palette's order, with every other theme (and none) as the last one, 'overig'.
 */
import { THEMES } from '../themes';
import { dialect } from './dialect';
import { sqlString } from './literals';

export function themeIndexSql(theme: string): string {
  const cases = THEMES.map((t, i) => `WHEN ${sqlString(t)} THEN ${i}`).join(' ');
  return `(CASE ${theme} ${cases} ELSE ${THEMES.length - 1} END)::${dialect.uint8}`;
}
