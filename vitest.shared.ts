import { defineConfig } from 'vitest/config'

/**
 * The vitest settings every lesson shares (each lesson's vitest.config.ts re-exports them, so a copied
 * lesson folder needs no edit elsewhere). A lesson test runs a whole program, children included.
 */
export default defineConfig({
  test: {
    include: ['*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One program at a time: on a 2-core machine parallel programs would only slow each other down.
    fileParallelism: false,
    // proclab's packages run as Node runs them, not through vitest's module transform.
    server: { deps: { external: [/\/packages\/[^/]+\/dist\//] } },
  },
})
