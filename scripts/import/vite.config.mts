import { nodeScriptConfig } from '../node-script-config.mts'

// `npm run import` as one Node script beside the extraction process it forks, built the way
// the bench is, without building the whole app.
export default nodeScriptConfig('import', {
  import: 'src/main/import/import-cli.ts',
  'import-worker': 'src/main/import/import-worker.ts'
})
