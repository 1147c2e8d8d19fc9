// The same as ping.ts for a bare child_process.fork: plain JavaScript, no proclab.
import { connect } from 'node:net'

const socket = connect(process.argv[2], () => socket.end('x'))
