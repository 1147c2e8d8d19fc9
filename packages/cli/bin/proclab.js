#!/usr/bin/env node
// The `proclab` command. This file is committed (not built) so that npm can link the command when it
// installs the workspace, which happens before the build (`prepare`) has written dist/.
try {
  const { isSupportedPlatform, WINDOWS_GUIDANCE } = await import('@proclab/core/tooling')
  if (isSupportedPlatform()) await import('../dist/main.js')
  else {
    console.error(`proclab: ${WINDOWS_GUIDANCE}`)
    process.exitCode = 1
  }
} catch (error) {
  const unbuilt = error?.code === 'ERR_MODULE_NOT_FOUND' && /[/\\]dist[/\\]/.test(String(error.message))
  if (!unbuilt) throw error
  console.error(
    'proclab: the command is not built yet (a dist/ folder is missing). ' +
      'Run `npm install` at the course root (it builds every package), or `npm run build`.',
  )
  process.exitCode = 2
}
