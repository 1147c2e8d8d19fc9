export { ProcessPoolExecutor, type ExecutorOptions } from './executor.ts'
export { Future } from './future.ts'
export { asCompleted, wait, FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED, type ReturnWhen } from './wait.ts'
export { BrokenProcessPool, CancelledError, TimeoutError } from '../errors.ts'
