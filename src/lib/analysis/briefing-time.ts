/**
 * Time for the briefing (issue 7): dagdelen, which one is next from "now", and the windows a
 * briefing looks at. Times are local wall-clock epoch milliseconds (local-time.ts): a Dutch
 * reading encoded as UTC, as DuckDB returns a TIMESTAMP. Dates are 'YYYY-MM-DD' strings.
 */
export interface Dagdeel {
  id: string;
  label: string;
  /** First hour (0–23) of the dagdeel. */
  startHour: number;
  /** Hour after the last one (1–24). */
  endHour: number;
}

/** PRODUCT.md, Capabilities 3: the default split of the day. */
export const DEFAULT_DAGDELEN: readonly Dagdeel[] = [
  { id: 'nacht', label: 'nacht', startHour: 0, endHour: 6 },
  { id: 'ochtend', label: 'ochtend', startHour: 6, endHour: 12 },
  { id: 'middag', label: 'middag', startHour: 12, endHour: 18 },
  { id: 'avond', label: 'avond', startHour: 18, endHour: 24 },
];

const DAY = 86_400_000;
const HOUR = 3_600_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local epoch ms of midnight at the start of a 'YYYY-MM-DD' date. */
export function dateToLocalMs(date: string): number {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`date must be 'YYYY-MM-DD', got ${date}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (formatDate(ms) !== date) throw new RangeError(`no such date: ${date}`);
  return ms;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' of a local epoch ms. */
export function formatDate(localMs: number): string {
  const d = new Date(localMs);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** 'YYYY-MM-DD HH:MM:SS' of a local epoch ms, as the query builders take it. */
export function formatTimestamp(localMs: number): string {
  const d = new Date(localMs);
  return `${formatDate(localMs)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** ISO weekday (1 = maandag … 7 = zondag) of a date. */
export function isoWeekday(date: string): number {
  const day = new Date(dateToLocalMs(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

export interface BriefingMoment {
  date: string;
  dagdeel: Dagdeel;
}

/**
 * The dagdeel a briefing at `nowLocalMs` is for: the one that starts next — unless the
 * current one started less than `graceMinutes` ago, because a briefing held just after
 * the start of a shift is about that shift.
 */
export function nextDagdeel(
  nowLocalMs: number,
  dagdelen: readonly Dagdeel[] = DEFAULT_DAGDELEN,
  graceMinutes = 60,
): BriefingMoment {
  if (dagdelen.length === 0) throw new Error('no dagdelen');
  const sorted = [...dagdelen].sort((a, b) => a.startHour - b.startHour);
  const midnight = Math.floor(nowLocalMs / DAY) * DAY;
  // Dagdeel starts of yesterday, today and tomorrow, in time order.
  const starts = [-1, 0, 1].flatMap((offset) =>
    sorted.map((dagdeel) => ({ dagdeel, at: midnight + offset * DAY + dagdeel.startHour * HOUR })),
  );
  const current = starts.filter((s) => s.at <= nowLocalMs).at(-1);
  if (current && nowLocalMs - current.at < graceMinutes * 60_000) {
    return { date: formatDate(current.at), dagdeel: current.dagdeel };
  }
  const next = starts.find((s) => s.at > nowLocalMs)!;
  return { date: formatDate(next.at), dagdeel: next.dagdeel };
}

/** Local hours (0–23) that fall in the dagdeel. */
export function dagdeelHours(dagdeel: Dagdeel): number[] {
  const hours: number[] = [];
  for (let h = dagdeel.startHour; h < dagdeel.endHour; h++) hours.push(h);
  return hours;
}

/** Local epoch ms at which the dagdeel starts on the briefing date. */
export function momentStart(moment: BriefingMoment): number {
  return dateToLocalMs(moment.date) + moment.dagdeel.startHour * HOUR;
}

export interface HistoryWindow {
  /** Inclusive, 'YYYY-MM-DD HH:MM:SS'. */
  from: string;
  /** Exclusive: midnight starting the briefing date. */
  to: string;
  weekday: number;
  hours: number[];
  weeks: number;
}

/** The same weekday and dagdeel in the `weeks` weeks before the briefing date. */
export function historyWindow(moment: BriefingMoment, weeks: number): HistoryWindow {
  if (!Number.isInteger(weeks) || weeks < 1) throw new RangeError('weeks must be ≥ 1');
  const day = dateToLocalMs(moment.date);
  return {
    from: formatTimestamp(day - weeks * 7 * DAY),
    to: formatTimestamp(day),
    weekday: isoWeekday(moment.date),
    hours: dagdeelHours(moment.dagdeel),
    weeks,
  };
}

/** The `hours` hours before the dagdeel starts: what happened since the last briefing. */
export function recentWindow(moment: BriefingMoment, hours: number): { from: string; to: string } {
  const end = momentStart(moment);
  return { from: formatTimestamp(end - hours * HOUR), to: formatTimestamp(end) };
}
