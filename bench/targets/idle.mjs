// The floor under a proclab child's idle memory: a bare Node child that says it runs, then idles.
import { connect } from 'node:net'

const socket = connect(process.argv[2], () => socket.write('x'))
socket.on('end', () => socket.destroy())
