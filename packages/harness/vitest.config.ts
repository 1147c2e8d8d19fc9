import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    fileParallelism: false,
    // The tests read the harness's English words whatever the machine's locale; the Chinese ones are tested by stubbing this.
    env: { PROCLAB_LANG: 'en' },
  },
})
