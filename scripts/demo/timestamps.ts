/**
 * Printing many local timestamps fast: the date part comes from formatLocalTimestamp once
 * per local day, the clock part is plain arithmetic. The output is identical to
 * formatLocalTimestamp(utcToLocal(utc)) (the unit test checks this, DST days included).
 */
import { formatLocalTimestamp, utcToLocal } from '../../src/lib/analysis/local-time';

const DAY_MS = 86_400_000;
const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));

export function createStampFormatter(): (utc: number) => string {
  let cachedDay = NaN;
  let prefix = '';
  return (utc) => {
    const local = utcToLocal(utc);
    const day = Math.floor(local / DAY_MS);
    if (day !== cachedDay) {
      cachedDay = day;
      prefix = formatLocalTimestamp(day * DAY_MS).slice(0, 11);
    }
    const ms = local - day * DAY_MS;
    const seconds = Math.floor(ms / 1000);
    return `${prefix}${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
  };
}
