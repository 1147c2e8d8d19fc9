// The floor under a pipe round trip: a bare Node child that echoes every chunk it reads on a Unix
// socket, with no framing, no serialization and no proclab.
import { connect } from 'node:net'

const socket = connect(process.argv[2])
socket.setNoDelay(true)
socket.on('data', (chunk) => socket.write(chunk))
socket.on('end', () => socket.end())
