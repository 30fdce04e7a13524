import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

// Builds the benchmark as one Node script, with the same alias and bundling as main.
export default defineConfig({
  root,
  resolve: { alias: { '@shared': resolve(root, 'src/shared') } },
  build: {
    ssr: resolve(root, 'scripts/bench/bench.ts'),
    outDir: resolve(root, 'out/bench'),
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: { output: { format: 'cjs', entryFileNames: 'bench.js' } }
  },
  ssr: { noExternal: true }
})
