import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The fake course's own lesson tests, and the copies the tests make of it, are not this package's tests.
    exclude: ['test/fixtures/**', 'test/.course-*/**', '**/node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    // The CLI runs real lessons with real process trees: one test file at a time.
    fileParallelism: false,
  },
})
