import { availableParallelism } from 'node:os'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { svelte } from '@sveltejs/vite-plugin-svelte'

const alias = { '@shared': resolve(dirname(fileURLToPath(import.meta.url)), 'src/shared') }

export default defineConfig({
  test: {
    // Vitest's default in a run is one worker per core but one: a single worker on two cores,
    // while the main process, busy only transforming files, leaves the other core mostly idle.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    globalSetup: ['test/support/temp-folder.ts'],
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/{shared,main,preload,scripts,build}/**/*.test.ts']
        }
      },
      {
        plugins: [svelte()],
        resolve: { alias, conditions: ['browser'] },
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.ts']
        }
      }
    ]
  }
})
