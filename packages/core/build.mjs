// Builds dist/: one bundle per entry point (the API, its futures part, and the child's bootstrap),
// sharing one chunk, so a child loads three files instead of thirty (see BENCHMARKS.md). tsc writes
// the type declarations. Names are kept: proclab reads function and class names at run time.
import { build } from 'esbuild'

await build({
  // pool-worker: a child looks the pool's worker loop up by its exported name, so it must stay exported.
  entryPoints: ['src/index.ts', 'src/bootstrap.ts', 'src/futures/index.ts', 'src/pool-worker.ts'],
  outbase: 'src',
  outdir: 'dist',
  bundle: true,
  splitting: true,
  chunkNames: '[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  keepNames: true,
  logLevel: 'warning',
})
