import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, extname, join, resolve } from 'node:path'
import { cacheFileFor } from './cache-location.ts'
import { fileURLToPath, pathToFileURL } from 'node:url'

/**
 * The JavaScript a child imports for a target module. A TypeScript module is transpiled once, in the
 * parent, into a cache on disk; the child then imports plain JavaScript with no loader at all, which is
 * the fastest start Node offers (a loader costs a child 50-130 ms). Each cached file keeps its module's
 * meaning: relative imports of TypeScript files point at their cached copies, `import.meta.url` still
 * names the original file, and inline source maps make stack traces show the original lines.
 */

/** Bump when the shape of cached output changes, so older caches are ignored. */
const CACHE_FORMAT = 2
const TYPESCRIPT = /\.(ts|mts|tsx)$/
// Loaded on first use: only a parent compiles, and a child should not pay for loading these.
const require = createRequire(import.meta.url)
const lazy = <T>(id: string) => {
  let loaded: T | undefined
  return (): T => (loaded ??= require(id) as T)
}
const esbuild = lazy<typeof import('esbuild')>('esbuild')
const lexer = lazy<typeof import('es-module-lexer')>('es-module-lexer')
const crypto = lazy<typeof import('node:crypto')>('node:crypto')

/** A module's exports as `export { local as name }` pairs. */
export interface ModuleExport {
  name: string
  local: string | undefined
}

interface CompiledModule {
  /** The file a child imports. */
  file: string
  exports: ModuleExport[]
  /** The stamp of the source it was made from: a changed source is compiled again. */
  stamp: string
  /** The TypeScript files it imports, whose copies it points at. */
  dependencies: string[]
  /** A dynamic import in it points at a module that failed to compile: it is compiled again next time. */
  retry?: boolean
}

/** What this process compiled, by source path; checked against the source on every use. */
const compiled = new Map<string, CompiledModule>()
let lexerReady = false

/**
 * What a child imports for the ES module at `url` (the module itself, or its transpiled copy if it is
 * TypeScript), and the module's exports, read from its source without running it. Like Python's spawn,
 * a child gets the module as it is on disk now: every call re-checks the whole graph of TypeScript
 * files (a read and a hash per file, well under a millisecond each) and recompiles what changed.
 */
export function childModule(url: string): { url: string; exports: ModuleExport[] } {
  const path = url.startsWith('file:') ? fileURLToPath(url) : undefined
  if (!path || !TYPESCRIPT.test(path)) {
    const exports = path ? exportsOf(lex(readFileSync(path, 'utf8'))[1]) : []
    return { url, exports }
  }
  const module = compile(path, new Set())
  return { url: pathToFileURL(module.file).href, exports: module.exports }
}

/** Compiles `path` and the TypeScript it imports; `visited` holds what this pass has seen (imports may form cycles). */
function compile(path: string, visited: Set<string>): CompiledModule {
  const known = compiled.get(path)
  if (known && visited.has(path)) return known
  visited.add(path)
  const source = readFileSync(path, 'utf8')
  const stamp = `// proclab-cache ${hash(path, source)}`
  if (known?.stamp === stamp && !known.retry) {
    // This copy is current, and its imports' copies are named by their paths; but those may have changed.
    for (const dependency of known.dependencies) compile(dependency, visited)
    return known
  }
  const module: CompiledModule = { file: cacheFileFor(path), exports: [], stamp, dependencies: [] }
  compiled.set(path, module)
  try {
    compileInto(module, path, source, visited)
  } catch (error) {
    compiled.delete(path) // not compiled: the next use tries again
    throw error
  }
  return module
}

function compileInto(module: CompiledModule, path: string, source: string, visited: Set<string>): void {
  const { stamp } = module
  const cached = readIfExists(module.file)
  const footer = cached?.slice(cached.lastIndexOf('\n') + 1)
  if (footer?.startsWith(stamp + ' ')) {
    // A current copy: what it exports and imports is in its last line, so neither esbuild nor the lexer loads.
    Object.assign(module, JSON.parse(footer.slice(stamp.length + 1)) as Pick<CompiledModule, 'exports' | 'dependencies'>)
  } else {
    const output = transpileWithImports(path, source, module, visited)
    try {
      writeAtomically(module.file, output)
    } catch (error) {
      // Nowhere to write: the child imports the TypeScript itself (Node's type stripping, where it has it).
      warnNoCache(module.file, error)
      module.file = path
    }
  }
  for (const dependency of module.dependencies) compile(dependency, visited)
}

/**
 * Transpiles one module and points its relative imports at the right files; fills in its exports and
 * dependencies. A module a dynamic import names is compiled here: if it (or what it imports) does not
 * compile, that import points at a module that throws the same error, so the program meets it where it
 * does in the parent, at that import() (a guarded optional import goes on), not at start().
 */
function transpileWithImports(path: string, source: string, module: CompiledModule, visited: Set<string>): string {
  const code = transpile(path, source)
  const [imports, exports] = lex(code)
  module.exports = exportsOf(exports)
  let output = ''
  let copied = 0
  for (const specifier of imports) {
    const target = specifier.n !== undefined && specifier.d > -2 ? resolveLocal(specifier.n, dirname(path)) : undefined
    if (!target) continue
    const typescript = TYPESCRIPT.test(target)
    const failure = typescript && specifier.d > -1 ? compileFailure(target, visited) : undefined
    if (failure) module.retry = true
    else if (typescript) module.dependencies.push(target)
    const url = failure ?? pathToFileURL(typescript ? cacheFileFor(target) : target).href
    // Static specifiers are lexed without their quotes, dynamic ones with them.
    output += code.slice(copied, specifier.s) + (specifier.d === -1 ? url : JSON.stringify(url))
    copied = specifier.e
  }
  // The last line records what this copy was made from, its exports and the TypeScript files it imports
  // (last, so that the inline source map's line numbers stay right).
  // A copy to retry gets a last line no later run takes as current.
  const footer = module.retry ? `${module.stamp}-retry` : module.stamp
  return `${output}${code.slice(copied)}\n${footer} ${JSON.stringify({ exports: module.exports, dependencies: module.dependencies })}`
}

/**
 * Compiles a dynamically imported module; if that fails, returns the URL of a module that throws the
 * same error (esbuild's `TransformError`, as tsx gives the parent), else undefined.
 */
function compileFailure(path: string, visited: Set<string>): string | undefined {
  try {
    compile(path, visited)
    return undefined
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error))
    const thrown = name === 'Error' && Array.isArray((error as { errors?: unknown }).errors) ? 'TransformError' : name
    const body = `const error = new Error(${JSON.stringify(message)}); error.name = ${JSON.stringify(thrown)}; throw error`
    return `data:text/javascript,${encodeURIComponent(body)}`
  }
}

function transpile(path: string, source: string): string {
  const url = pathToFileURL(path).href
  return esbuild().transformSync(source, {
    loader: path.endsWith('x') ? 'tsx' : 'ts',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    sourcemap: 'inline',
    sourcefile: path,
    // The copy lives in the cache, but the module should still see where it really is.
    define: {
      'import.meta.url': JSON.stringify(url),
      'import.meta.filename': JSON.stringify(path),
      'import.meta.dirname': JSON.stringify(dirname(path)),
    },
  }).code
}

function exportsOf(lexed: readonly { n: string; ln: string | undefined }[]): ModuleExport[] {
  return lexed.map((e) => ({ name: e.n, local: e.ln }))
}

function lex(code: string) {
  if (!lexerReady) {
    lexer().initSync()
    lexerReady = true
  }
  return lexer().parse(code)
}

/** Resolves a relative import the way tsx and TypeScript do: `./lib.js` may mean `./lib.ts`, `./lib` may mean `./lib.ts`. */
function resolveLocal(specifier: string, fromDir: string): string | undefined {
  let base: string
  if (specifier.startsWith('file:')) base = fileURLToPath(specifier)
  else if (specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('/')) base = resolve(fromDir, specifier.replace(/[?#].*$/, ''))
  else return undefined // a package or a built-in: the child resolves it as the parent did (see cacheFileFor)
  const ext = extname(base)
  const stem = base.slice(0, base.length - ext.length)
  const candidates = [base]
  if (ext === '.js' || ext === '.jsx') candidates.push(`${stem}.ts`, `${stem}.tsx`)
  else if (ext === '.mjs') candidates.push(`${stem}.mts`)
  else if (ext === '') candidates.push(...['.ts', '.tsx', '.mts', '.js', '.mjs'].map((e) => base + e), join(base, 'index.ts'), join(base, 'index.js'))
  return candidates.find(isFile)
}

/** The file a module URL stands for: the original TypeScript file of a cached copy (see cacheFileFor), else the URL's own file. */
export function sourceOf(url: string): string {
  const path = url.startsWith('file:') ? fileURLToPath(url) : url
  const copy = path.match(/^(.*)[\\/]node_modules[\\/]\.cache[\\/]proclab[\\/](.*\.(?:ts|mts|tsx))\.mjs$/)
  return copy ? join(copy[1]!, copy[2]!) : path
}

function hash(path: string, source: string): string {
  return crypto().createHash('sha1').update(`${CACHE_FORMAT}\0${esbuildVersion()}\0${process.versions.node}\0${path}\0${source}`).digest('hex')
}

let knownEsbuildVersion: string | undefined
/** Read from its package.json: loading esbuild itself only to learn its version costs ~10 ms. */
function esbuildVersion(): string {
  knownEsbuildVersion ??= (JSON.parse(readFileSync(require.resolve('esbuild/package.json'), 'utf8')) as { version: string }).version
  return knownEsbuildVersion
}

function writeAtomically(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true })
  // Another process may be writing the same file: write aside, then rename over it in one step.
  const temporary = `${file}.${process.pid}.tmp`
  writeFileSync(temporary, text)
  renameSync(temporary, file)
}

let warnedNoCache = false
// Said once per process: every later start would say the same.
function warnNoCache(file: string, error: unknown): void {
  if (warnedNoCache) return
  warnedNoCache = true
  process.emitWarning(
    `proclab cannot write the JavaScript copies of your TypeScript modules that children import, neither under the ` +
      `nearest node_modules/.cache/proclab nor at ${file} (${(error as Error).message}). Children will import the ` +
      `TypeScript files themselves, which needs a Node with type stripping (22.18 or later). Make the project's ` +
      `node_modules or the OS temp folder (TMPDIR) writable.`,
    { type: 'ProclabWarning', code: 'MP_NO_TRANSPILE_CACHE' },
  )
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return undefined
  }
}

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false
}
