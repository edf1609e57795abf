/** Set by the production server (packages/web/serve.mjs) from SIGTERM until it exits. */
const server = globalThis as unknown as { hibachiServer?: { draining: boolean } };

export const isDraining = (): boolean => server.hibachiServer?.draining === true;
