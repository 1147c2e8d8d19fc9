// The same as ping.mjs, as TypeScript run through tsx.
import { connect } from 'node:net'

const socket = connect(process.argv[2] as string, () => socket.end('x'))
