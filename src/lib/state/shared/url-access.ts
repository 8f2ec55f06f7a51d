/**
 * What a model may know of the address bar: the current URL and a way to change it.
 * Models and page coordinators receive it as an argument (app-url.svelte.ts gives the
 * router's; a unit test gives a plain object), so they run without a browser.
 */

export interface NavigateOptions {
  /** Replace the history entry instead of adding one. */
  replace?: boolean;
  /** Only the address changes: no navigation (every keystroke would otherwise be one). */
  shallow?: boolean;
}

export interface UrlAccess {
  /** The page's current URL (reactive where the router's is). */
  readonly url: URL;
  /** Goes to `target`, an already resolved path of this app with its query string. */
  navigate(target: string, options?: NavigateOptions): void;
}

/** The current path with `params` as its query string. */
export function pathWithParams(url: URL, params: URLSearchParams): string {
  const query = params.toString();
  return `${url.pathname}${query ? `?${query}` : ''}`;
}

/** The one way a view changes its state: the same page with new parameters. */
export function setView(
  access: UrlAccess,
  params: URLSearchParams,
  options?: NavigateOptions,
): void {
  access.navigate(pathWithParams(access.url, params), options);
}
