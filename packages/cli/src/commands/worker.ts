/**
 * `proclab worker --redis URL [--queue NAME] [--processes N]`: this machine joins a cluster of
 * ClusterPool/ClusterExecutor callers until SIGTERM. The worker itself is @proclab/cluster's; it is
 * loaded only for this command, so the rest of the CLI never loads BullMQ.
 * @example await worker(['--redis', 'redis://10.0.0.5:6379', '--processes', '4'])
 */
export async function worker(argv: string[]): Promise<number> {
  const { workerMain } = await import('@proclab/cluster')
  return workerMain(withoutLang(argv))
}

/** The CLI's own `--lang` (read before any command) is not the worker's option. */
function withoutLang(argv: string[]): string[] {
  return argv.filter((arg, i) => !(arg === '--lang' || arg.startsWith('--lang=') || argv[i - 1] === '--lang'))
}
