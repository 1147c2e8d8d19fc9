import { describe, expect, expectTypeOf, test } from 'vitest'
import type { Link } from '../../src/transport/link.ts'
import { unknownMessage, type PipeMessage, type QueueMessage, type ReplyTo } from '../../src/transport/messages.ts'

// `npm run typecheck` compiles this file (tsconfig.json includes test/): each `@ts-expect-error` below
// must be an error, or the typecheck fails. That is the proof that the wire is typed.

/** A receiver that handles every queue message: it compiles. */
function everyQueueKind(message: QueueMessage): string {
  switch (message.kind) {
    case 'q.put':
    case 'q.get':
    case 'q.cancel':
    case 'q.return':
    case 'q.size':
    case 'q.taskDone':
    case 'q.join':
      return message.kind
    default:
      return unknownMessage(message)
  }
}

/** A receiver that forgets one kind of pipe message: it does not compile. */
function forgetsPipeRelease(message: PipeMessage): string {
  switch (message.kind) {
    case 'c.send':
    case 'c.sub':
    case 'c.hold':
      return message.kind
    default:
      // @ts-expect-error 'c.release' is not handled, so `message` is not `never` here
      return unknownMessage(message)
  }
}

describe('the wire protocol', () => {
  test('a message kind that does not exist is a type error, wherever a message is written', () => {
    // @ts-expect-error 'q.putt' is not a queue message
    const typo: QueueMessage = { kind: 'q.putt', id: '1', value: 0 }
    type Sendable = Parameters<Link['send']>[0]
    // @ts-expect-error a link sends only declared messages
    const stray: Sendable = { kind: 'q.puut', id: '1', value: 0 }
    // @ts-expect-error a declared kind with a field of the wrong type
    const wrongField: QueueMessage = { kind: 'q.return', id: '1', ids: ['3'] }
    expect([typo, stray, wrongField]).toHaveLength(3)
  })

  test('a request is answered with the reply its kind declares', () => {
    expectTypeOf<ReplyTo<'q.size'>>().toEqualTypeOf<{ size: number; full: boolean }>()
    expectTypeOf<ReturnType<Link['request']>['reply']>().resolves.toMatchTypeOf<object>()
  })

  test('an unknown kind that arrives anyway is refused with a message naming it', () => {
    expect(everyQueueKind({ kind: 'q.size', id: '1', seq: 1 })).toBe('q.size')
    expect(forgetsPipeRelease({ kind: 'c.send', id: '1', end: 0, value: 1 })).toBe('c.send')
    expect(() => unknownMessage({ kind: 'q.nope' } as never, 'A queue')).toThrow('A queue received a message it does not understand: {"kind":"q.nope"}')
  })
})
