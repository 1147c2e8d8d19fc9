export { Queue, JoinableQueue, SimpleQueue } from './queue.ts'
