import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Tests run server code in plain Node: `server-only` resolves as it does on the server.
  resolve: {
    alias: {
      'server-only': fileURLToPath(
        new URL('../core/node_modules/server-only/empty.js', import.meta.url),
      ),
    },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    reporters: process.env.TEST_RESULTS_DIR ? ['default', 'json'] : ['default'],
    outputFile: { json: `${process.env.TEST_RESULTS_DIR ?? '.'}/vitest-web.json` },
  },
});
