import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Index builds load a 17 MB tokenizer and a Dutch dictionary: two workers on two cores.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'api', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**'], environment: 'node' } },
      {
        extends: true,
        plugins: [react()],
        test: { name: 'web', include: ['test/web/**/*.test.tsx'], environment: 'jsdom', setupFiles: ['test/web/setup.ts'], css: true },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], environment: 'node', globalSetup: ['test/e2e/global-setup.ts'], fileParallelism: false },
      },
    ],
  },
});
