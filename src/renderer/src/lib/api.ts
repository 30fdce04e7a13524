/**
 * The renderer's one way to reach main. In Electron the preload exposes `window.dossier`; in
 * the browser preview the same contract is carried over HTTP to a loopback server, which
 * accepts only calls bearing the token it injected into the page. Either way the caller gets
 * a `Result`: nothing thrown here ever reaches a component.
 */
import type { Channel, DossierBridge, RequestOf, ResponseOf } from '@shared/ipc/contract'
import { fail, type Result } from '@shared/ipc/result'
import {
  BRIDGE_PATH,
  CHANNEL_HEADER,
  TOKEN_HEADER,
  TOKEN_META,
  type BridgeCall
} from '@shared/ipc/http-bridge'

/** The request argument a channel takes: none for `void` requests, one otherwise. */
export type RequestArgs<C extends Channel> = RequestOf<C> extends void ? [] : [RequestOf<C>]

/** Calls `channel` in main and answers with its `Result`; failures of transport become errors. */
export async function call<C extends Channel>(
  channel: C,
  ...request: RequestArgs<C>
): Promise<Result<ResponseOf<C>>> {
  const bridge = (window as unknown as { dossier?: DossierBridge }).dossier
  try {
    if (bridge) return await bridge.invoke(channel, ...request)
    return await callOverHttp(channel, request[0])
  } catch (error) {
    return fail('internal', `Could not reach Dossier (${describe(error)}).`)
  }
}

async function callOverHttp<C extends Channel>(
  channel: C,
  request: RequestOf<C> | undefined
): Promise<Result<ResponseOf<C>>> {
  const body: BridgeCall = request === undefined ? { channel } : { channel, request }
  const response = await fetch(BRIDGE_PATH, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [TOKEN_HEADER]: readToken(),
      [CHANNEL_HEADER]: channel
    },
    body: JSON.stringify(body)
  })
  // The server answers refusals (bad token, bad request) with a Result too, so read the body
  // whatever the status; only a body that is not a Result is a transport failure.
  const payload: unknown = await response.json().catch(() => undefined)
  if (isResult(payload)) return payload as Result<ResponseOf<C>>
  return fail('internal', `Dossier answered ${channel} with HTTP ${response.status}.`)
}

function readToken(): string {
  const meta = document.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META}"]`)
  return meta?.content ?? ''
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false
  if (value.ok === true) return 'value' in value
  if (value.ok !== false || !('error' in value)) return false
  const error = value.error
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
