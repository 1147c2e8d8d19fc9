export { Pipe, Connection } from './connection.ts'
