/**
 * A loopback HTTP server that only counts: the hostile articles point their remote images and
 * links at it, so a test can prove the app fetched nothing by finding it never contacted.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Beacon {
  /** `http://127.0.0.1:PORT` */
  origin: string
  /** Every request received, as `METHOD path`. */
  requests: string[]
  /** TCP connections opened, with or without a request (a browser's preconnect counts). */
  connections: number
  close(): Promise<void>
}

/** Starts a beacon on a free loopback port. */
export async function startBeacon(): Promise<Beacon> {
  const requests: string[] = []
  let connections = 0
  const server = createServer((request, response) => {
    requests.push(`${request.method ?? '?'} ${request.url ?? ''}`)
    response.writeHead(204).end()
  })
  server.on('connection', () => connections++)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    get connections() {
      return connections
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
