/** Serves the built app for the browser tests (see scripts/lib/preview-server.ts). */
import type { TestProject } from 'vitest/node';
import { startPreviewServer } from '../../scripts/lib/preview-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startPreviewServer();
  project.provide('baseUrl', server.url);
  return () => server.stop();
}
