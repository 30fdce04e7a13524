import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

// Builds the quotation evaluation and training scripts as Node scripts, with main's alias.
export default defineConfig({
  root,
  resolve: { alias: { '@shared': resolve(root, 'src/shared') } },
  build: {
    ssr: true,
    outDir: resolve(root, 'out/quotes'),
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: {
      input: {
        eval: resolve(root, 'scripts/quotes/eval.ts'),
        train: resolve(root, 'scripts/quotes/train.ts')
      },
      output: { format: 'cjs', entryFileNames: '[name].js' }
    }
  },
  ssr: { noExternal: true }
})
