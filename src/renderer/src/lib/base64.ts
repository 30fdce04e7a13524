/**
 * Bytes → base64 for the `import:file` channel (the preview's bridge is JSON). Encoded in
 * slices whose length is a multiple of 3, so each slice's base64 joins the next without
 * padding, and `String.fromCharCode` never gets more arguments than the stack can hold.
 */

/** 48 KiB: well under any engine's argument limit, large enough that slicing costs nothing. */
const SLICE = 3 * 16 * 1024

export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = []
  for (let at = 0; at < bytes.length; at += SLICE) {
    const slice = bytes.subarray(at, at + SLICE)
    parts.push(btoa(String.fromCharCode(...slice)))
  }
  return parts.join('')
}
