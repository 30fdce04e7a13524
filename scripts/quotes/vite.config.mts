import { nodeScriptConfig } from '../node-script-config.mts'

// Builds the quotation evaluation and training scripts as Node scripts, with main's alias.
export default nodeScriptConfig('quotes', {
  eval: 'scripts/quotes/eval.ts',
  train: 'scripts/quotes/train.ts'
})
