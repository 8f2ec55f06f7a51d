/**
 * The router's URL access (url-access.ts) for the running app: SvelteKit's page URL, and
 * `goto` (or a shallow `replaceState`) that keeps focus and scroll position.
 */
import { goto, replaceState } from '$app/navigation';
import { page } from '$app/state';
import type { NavigateOptions, UrlAccess } from './url-access';

export const appUrl: UrlAccess = {
  get url() {
    return page.url;
  },
  navigate(target: string, options: NavigateOptions = {}) {
    // Targets are built from page.url.pathname: already resolved, only the query differs.
    if (options.shallow) {
      // eslint-disable-next-line svelte/no-navigation-without-resolve -- see above
      replaceState(target, {});
      return;
    }
    // eslint-disable-next-line svelte/no-navigation-without-resolve -- see above
    void goto(target, { keepFocus: true, noScroll: true, replaceState: options.replace ?? false });
  },
};
