/**
 * What every IPC call answers. Failures cross the process boundary as data with a
 * stable code, never as thrown errors (Electron would flatten them to a string).
 */
export type ErrorCode =
  'invalid-request' | 'unknown-channel' | 'not-found' | 'forbidden' | 'internal'

export interface IpcError {
  code: ErrorCode
  message: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = <T = never>(code: ErrorCode, message: string): Result<T> => ({
  ok: false,
  error: { code, message }
})
