/**
 * The app data session's vocabulary (app-data.svelte.ts): its status, where the data came
 * from, and how a page asks it to start.
 */
import type { TableName } from '$lib/data/schema';
import { BRIEFING_PATH } from '../shared/early-downloads';

export type DataStatus = 'starten' | 'laden' | 'gereed' | 'fout';
/** Where the data in this tab came from: the demo, this browser's own workspace, or the
 * dataset published next to the app (data/publish.ts). */
export type DataOrigin = 'demo' | 'opgeslagen' | 'gepubliceerd';

export interface StartOptions {
  /** Load only the recent years of a published dataset (the briefing); the rest follows
   * with `completeData()`. */
  recentOnly?: boolean;
}

export interface TableCount {
  table: TableName;
  n: number;
}

/**
 * Start options for a page path: the briefing needs only the recent years of a published
 * dataset; other views the rest.
 */
export function startOptionsFor(pathname: string): StartOptions {
  return { recentOnly: BRIEFING_PATH.test(pathname) };
}
