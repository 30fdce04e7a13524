import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

// Builds the benchmark as one Node script, with the same alias and bundling as main.
export default defineConfig({
  root,
  resolve: { alias: { '@shared': resolve(root, 'src/shared') } },
  build: {
    ssr: true,
    outDir: resolve(root, 'out/bench'),
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: {
      // The index worker is built beside the bench, as electron-vite builds it beside main, so
      // the bench loads a library through the same worker thread the app uses.
      input: {
        bench: resolve(root, 'scripts/bench/bench.ts'),
        'index-worker': resolve(root, 'src/main/library/index-worker.ts')
      },
      output: { format: 'cjs', entryFileNames: '[name].js' }
    }
  },
  ssr: { noExternal: true }
})
