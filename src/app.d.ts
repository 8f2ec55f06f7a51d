// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    // interface Error {}
    // interface Locals {}
    // interface PageData {}
    // interface PageState {}
    // interface Platform {}
  }
  /** Region server origins the build allows beside the app's own (vite.config.ts `define`). */
  const __REGION_SERVER_ORIGINS__: string[] | undefined;
}

export {};
