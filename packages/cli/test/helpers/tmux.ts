import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execa } from 'execa'

/** Whether tmux is installed: the terminal tests need it (the CI machine has /usr/bin/tmux). */
export const tmuxInstalled = (() => {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

/**
 * A terminal for testing what a learner sees: a private tmux server (its own socket in a temporary
 * folder, so no test touches anyone's tmux) running one command in a 120×40 pane. The pane stays
 * after the command exits, so its last screen can still be read. `kill()` ends the server and
 * everything in it, and removes the socket.
 */
export class Terminal {
  private constructor(private readonly socketDir: string) {}

  /** Starts `script` (a shell command line) in `cwd`. */
  static async start(script: string, cwd: string, env: Record<string, string> = {}): Promise<Terminal> {
    const terminal = new Terminal(mkdtempSync(join(tmpdir(), 'proclab-tmux-')))
    const variables = Object.entries(env).flatMap(([name, value]) => ['-e', `${name}=${value}`])
    await terminal.tmux('new-session', '-d', '-s', 'main', '-x', '120', '-y', '40', '-c', cwd, ...variables, script, ';', 'set-option', '-t', 'main', 'remain-on-exit', 'on')
    return terminal
  }

  /** Presses keys, in tmux's names: `h`, `Enter`, `C-c`. */
  async press(...keys: string[]): Promise<void> {
    await this.tmux('send-keys', '-t', 'main', ...keys)
  }

  /** The screen as text (colours dropped), with the scrollback. */
  async screen(): Promise<string> {
    return (await this.tmux('capture-pane', '-p', '-J', '-S', '-200', '-t', 'main')).stdout
  }

  /**
   * Waits until the screen shows `text` (or matches it) and returns the screen; fails after
   * `timeoutMs` showing what the screen held instead.
   */
  async waitFor(text: string | RegExp, timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const screen = await this.screen()
      if (typeof text === 'string' ? screen.includes(text) : text.test(screen)) return screen
      if (Date.now() > deadline) throw new Error(`The terminal did not show ${String(text)} within ${timeoutMs} ms. It showed:\n${screen}`)
      await new Promise((done) => setTimeout(done, 100))
    }
  }

  /**
   * Waits until the pane's command has exited. (Its "Pane is dead" line cannot be waited for: tmux 3.3
   * writes it only when it learns the exit status before the terminal's end of file, a race.)
   */
  async waitForExit(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while ((await this.tmux('list-panes', '-t', 'main', '-F', '#{pane_dead}')).stdout.trim() !== '1') {
      if (Date.now() > deadline) throw new Error(`The command in the terminal was still running after ${timeoutMs} ms. The screen:\n${await this.screen()}`)
      await new Promise((done) => setTimeout(done, 100))
    }
  }

  /** Ends the tmux server: the pane's processes get SIGHUP, as when a terminal window is closed. */
  async kill(): Promise<void> {
    await this.tmux('kill-server').catch(() => {})
    rmSync(this.socketDir, { recursive: true, force: true })
  }

  private tmux(...args: string[]) {
    return execa('tmux', ['-S', join(this.socketDir, 'socket'), '-f', '/dev/null', '-u', ...args])
  }
}
