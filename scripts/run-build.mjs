// `npm run build`, run from another script: with the npm that launched us when there is one
// (so the same npm and Node do the build), else whatever `npm` is on the PATH.
import { spawnSync } from 'node:child_process'

/** Runs the build in `root` with inherited output; returns its exit status. */
export function runBuild(root) {
  const npmCli = process.env.npm_execpath
  const result = npmCli
    ? spawnSync(process.execPath, [npmCli, 'run', 'build'], { cwd: root, stdio: 'inherit' })
    : spawnSync('npm', ['run', 'build'], {
        cwd: root,
        stdio: 'inherit',
        shell: process.platform === 'win32'
      })
  return result.status ?? 1
}
