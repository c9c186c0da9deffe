import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Index builds load a 17 MB tokenizer and a Dutch dictionary: two workers on two cores.
    maxWorkers: 2,
  },
});
