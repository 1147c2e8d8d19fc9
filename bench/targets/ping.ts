// proclab benchmark targets: tell the parent "I am running" over its Unix socket, then end.
import { connect } from 'node:net'

export function ping(socketPath: string): void {
  const socket = connect(socketPath, () => socket.end('x'))
}

export function pingAndIdle(socketPath: string): void {
  const socket = connect(socketPath, () => socket.write('x'))
  socket.on('end', () => socket.destroy()) // the parent ends the socket when it has read the RSS
}
