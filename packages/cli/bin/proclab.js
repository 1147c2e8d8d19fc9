#!/usr/bin/env node
// The `proclab` command. This file is committed (not built) so that npm can link the command when it
// installs the workspace, which happens before the build (`prepare`) has written dist/.
try {
  await import('../dist/main.js')
} catch (error) {
  const missing = error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/main.js')
  if (!missing) throw error
  console.error(
    'proclab: the command is not built yet (packages/cli/dist/main.js is missing). ' +
      'Run `npm install` at the course root (it builds every package), or `npm run build`.',
  )
  process.exitCode = 2
}
