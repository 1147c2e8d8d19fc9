// Builds dist/: one bundle per entry point (the API, its futures part, the child's bootstrap, the pool
// worker, the manager's process, what tools share), sharing chunks, so a child loads four files instead of thirty (see BENCHMARKS.md). tsc
// writes the type declarations.
import { build } from 'esbuild'

await build({
  // pool-worker, managers/process: a child looks them up by their exported names, so they must stay
  // exported. The bootstrap sits at the top of dist/, beside the chunks: popen finds it next to itself.
  entryPoints: [
    'src/index.ts',
    { in: 'src/spawn/bootstrap.ts', out: 'bootstrap' },
    'src/futures/index.ts',
    'src/pool-worker.ts',
    'src/managers/process.ts',
    'src/tooling.ts',
  ],
  outbase: 'src',
  outdir: 'dist',
  bundle: true,
  splitting: true,
  chunkNames: '[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
})

// proclab reads class and function names at run time (String(p), error names, target lookup). Bundling
// renames a symbol only when two modules declare the same name; esbuild's keepNames would guard against
// that, but it wraps every inner function and halved pool throughput. So: fail the build instead.
for (const entry of ['./dist/index.js', './dist/futures/index.js']) {
  const exports = await import(entry)
  for (const [name, value] of Object.entries(exports)) {
    if (typeof value === 'function' && value.name !== name) {
      throw new Error(`${entry}: the bundle renamed ${name} to ${value.name}. Rename one of the two declarations that collide.`)
    }
  }
}
