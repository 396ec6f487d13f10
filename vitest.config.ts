import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // The real module throws outside React Server Components; tests call data functions directly.
      'server-only': path.resolve(import.meta.dirname, 'test/helpers/server-only.ts'),
    },
  },
  test: {
    include: [
      'lib/**/*.test.ts',
      'scripts/**/*.test.ts',
      'test/**/*.test.ts',
      'app/**/*.test.ts',
      'components/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration tests each create their own database; two workers keep the 2-core machines responsive.
    maxWorkers: 2,
  },
});
