import { defineConfig } from 'vitest/config'

export default defineConfig({
  // Every test starts its own redis-server and worker programs: one file at a time on a small machine.
  test: { include: ['test/**/*.test.ts'], testTimeout: 90_000, hookTimeout: 30_000, fileParallelism: false },
})
