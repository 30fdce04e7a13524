// Preloaded (node --import) into Electron's installer by ensure-electron.mjs. The installer
// reports a failure as console.error(error.stack): a trace whose first line often hides the
// cause ("TypeError: fetch failed", the DNS or TLS error being in error.cause). Here the stack
// reads as one line with its causes, and goes to fd 3, which the starter turns into its message.
import { writeSync } from 'node:fs'
import { format } from 'node:util'

/** "Name: message (cause: message) …" */
function describe(error) {
  let text = `${error.name}: ${error.message}`
  for (let cause = error.cause, depth = 0; cause && depth < 5; cause = cause.cause, depth++) {
    text +=
      cause instanceof Error ? ` (${cause.code ?? cause.name}: ${cause.message})` : ` (${cause})`
  }
  return text
}

Error.prepareStackTrace = (error) => describe(error)

console.error = (...args) => {
  const line = format(...args)
    .replace(/\s*\n\s*/g, ' ')
    .trim()
  try {
    writeSync(3, `${line}\n`)
  } catch {
    // Run without the starter's channel: say it on stderr as the installer would.
    process.stderr.write(`${line}\n`)
  }
}
