import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'

const shared = { '@shared': resolve(__dirname, 'src/shared') }

export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      // Bundle every dependency: several are ESM-only, and a self-contained main
      // bundle is what the packaged app and the browser preview both run.
      externalizeDeps: false,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          'preview-server': resolve(__dirname, 'src/main/preview/cli.ts'),
          'build-index': resolve(__dirname, 'src/main/library/build-index-cli.ts'),
          // The search index loads and builds in this child process (a utility process in the
          // app, a forked Node in the preview), off the main process. It must stay beside
          // index.js: main starts it as out/main/index-worker.js.
          'index-worker': resolve(__dirname, 'src/main/library/index-worker.ts'),
          // Imported files are decoded and extracted in this child process, with a time and
          // memory budget per file (src/main/import/extraction-client.ts), beside index.js too.
          'import-worker': resolve(__dirname, 'src/main/import/import-worker.ts')
        }
      }
    }
  },
  preload: {
    resolve: { alias: shared },
    build: {
      // A sandboxed preload cannot require anything but `electron`: bundle all of it, as CommonJS.
      externalizeDeps: false,
      rollupOptions: { output: { format: 'cjs' } }
    }
  },
  renderer: {
    resolve: { alias: shared },
    plugins: [svelte()],
    // electron-vite leaves every bundle unminified; the renderer is the one whose size people feel.
    build: { minify: true }
  }
})
