import type { Handlers } from '@shared/ipc/contract'
import { isChannel } from '@shared/ipc/contract'
import { fail, ok, type ErrorCode, type Result } from '@shared/ipc/result'
import { requestSchemas } from '@shared/ipc/schemas'

/** Routes one untrusted call to its handler; always answers with a Result, never throws. */
export type Dispatch = (channel: unknown, request: unknown) => Promise<Result<unknown>>

/**
 * Failure messages are cut to this many characters. A refusal quotes what it refused (an
 * unexpected key, an imported note's id), and the payload chooses how long that is: a 1 MB key
 * would come back as a 1 MB message for the UI to show. The longest message Dossier writes
 * itself is well under this.
 */
export const MAX_MESSAGE_LENGTH = 500

export interface DispatcherOptions {
  /** Where unexpected handler failures are reported; the caller only sees a generic message. */
  log?: (message: string) => void
}

export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}): Dispatch {
  const log = options.log ?? ((message: string) => console.error(message))
  return async (channel, request) => {
    if (!isChannel(channel)) return fail('unknown-channel', `Unknown channel: ${describe(channel)}`)
    const parsed = requestSchemas[channel].safeParse(request)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : ''
      return fail(
        'invalid-request',
        clip(`Invalid request for ${channel}${where}: ${issue?.message ?? 'rejected'}`)
      )
    }
    try {
      const handler = handlers[channel] as (request: unknown) => unknown
      return ok(await handler(parsed.data))
    } catch (error) {
      if (error instanceof NotFoundError) return fail('not-found', clip(error.message))
      if (error instanceof RequestError) return fail(error.code, clip(error.message))
      log(
        `[dossier] ${channel} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
      )
      return fail('internal', `${channel} failed unexpectedly`)
    }
  }
}

/** Thrown by a handler when the thing asked for does not exist; answered as `not-found`. */
export class NotFoundError extends Error {
  override name = 'NotFoundError'
}

/**
 * Thrown by a handler to answer with a code and a message written for the user: a request
 * that passed the schema but not a check only the handler can make (a selection past the end
 * of the article), or a failure the user must hear about in plain words (a disk that is full).
 */
export class RequestError extends Error {
  override name = 'RequestError'
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
  }
}

/** `message` cut to MAX_MESSAGE_LENGTH with an ellipsis, never through a surrogate pair. */
function clip(message: string): string {
  if (message.length <= MAX_MESSAGE_LENGTH) return message
  let end = MAX_MESSAGE_LENGTH - 1
  if (/[\uD800-\uDBFF]/.test(message[end - 1]!)) end--
  return `${message.slice(0, end)}…`
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 60)) : typeof value
}
