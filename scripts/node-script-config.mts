import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, type UserConfig } from 'vite'

/** The repository's root folder. */
export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * A Vite config that builds Node scripts (CommonJS, every dependency bundled, main's `@shared`
 * alias) into `out/<name>`: what the bench, the quotation evaluation and `npm run import` run.
 * `inputs`: output name → source path relative to the root.
 */
export function nodeScriptConfig(name: string, inputs: Record<string, string>): UserConfig {
  return defineConfig({
    root,
    resolve: { alias: { '@shared': resolve(root, 'src/shared') } },
    build: {
      ssr: true,
      outDir: resolve(root, 'out', name),
      emptyOutDir: true,
      target: 'node20',
      rollupOptions: {
        input: Object.fromEntries(
          Object.entries(inputs).map(([entry, path]) => [entry, resolve(root, path)])
        ),
        output: { format: 'cjs', entryFileNames: '[name].js' }
      }
    },
    ssr: { noExternal: true }
  })
}
