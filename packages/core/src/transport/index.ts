/**
 * The wire between proclab processes: framed, batched links over byte streams (link.ts), where a
 * process listens and who it is (address.ts), each process's endpoint with its servants (endpoint.ts),
 * the authkey handshake of managers (auth.ts), every message (messages.ts), and errors that cross.
 */
export { Link, LinkClosedError, whenSendsArrived, type ByteStream, type Incoming } from './link.ts'
export { localAddress, validAddress, socketOptions, removeSocketFile, describeAddress, type Address } from './address.ts'
export { serve, receive, linkTo, newObjectId, connected, afterPeerExit, disconnectAll, type Servant } from './endpoint.ts'
export { authenticateClient, authenticateServer, keyBytes } from './auth.ts'
export { serializeError, reviveError } from './remote-error.ts'
export * from './messages.ts'
