import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Tests start real processes: on a 2-core machine, running files in parallel only adds noise.
    fileParallelism: false,
    // @proclab/core runs as Node runs it, not through vitest's module transform.
    server: { deps: { external: [/\/packages\/[^/]+\/dist\//] } },
  },
})
