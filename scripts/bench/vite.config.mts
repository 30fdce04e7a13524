import { nodeScriptConfig } from '../node-script-config.mts'

// Builds the benchmark as one Node script, with the same alias and bundling as main. The index
// worker and the extraction process are built beside it, as electron-vite builds them beside
// main, so the bench loads a library and imports files through the same child processes.
export default nodeScriptConfig('bench', {
  bench: 'scripts/bench/bench.ts',
  'index-worker': 'src/main/library/index-worker.ts',
  'import-worker': 'src/main/import/import-worker.ts'
})
