// Runs a child as the script's own foreground work: output inherited, Ctrl+C and SIGTERM passed
// on, and the script exiting with the child's status.
import { spawn } from 'node:child_process'

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd: string, env: Record<string, string | undefined> }} options
 */
export function runInForeground(command, args, { cwd, env }) {
  const childEnv = { ...env }
  // Set in some shells and CI images; it would make Electron behave as plain Node.
  delete childEnv.ELECTRON_RUN_AS_NODE
  const child = spawn(command, args, { cwd, stdio: 'inherit', env: childEnv })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('error', (error) => {
    console.error(`Could not start ${command}: ${error.message}`)
    process.exit(1)
  })
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}
