/**
 * The import channels (issue 16). Until the extraction process and the imported-article store
 * land, a file answers failed with that reason and an edit of any article is refused.
 */
import type { Handlers } from '@shared/ipc/contract'
import type { ArticleView } from '@shared/model/article'
import { RequestError } from '../ipc/dispatcher'

type ImportChannels =
  | 'import:file'
  | 'import:cancel'
  | 'library:edit'
  | 'library:remove'
  | 'library:restore'
  | 'library:page-text'

export function createImportHandlers(
  find: (id: string) => ArticleView
): Pick<Handlers, ImportChannels> {
  const onlyImported = ({ id }: { id: string }): never => {
    find(id)
    throw new RequestError('invalid-request', 'Only imported articles can be changed.')
  }
  return {
    'import:file': ({ name }) => ({
      name,
      status: 'failed',
      reason: 'Importing is not ready yet in this build.'
    }),
    'import:cancel': () => ({ cancelled: false }),
    'library:edit': onlyImported,
    'library:remove': onlyImported,
    'library:restore': onlyImported,
    // A bundled article is its own whole page.
    'library:page-text': ({ id }) => ({ text: find(id).text })
  }
}
