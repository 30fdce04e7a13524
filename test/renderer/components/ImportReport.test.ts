import '@testing-library/svelte/vitest'
import { fireEvent, render, screen } from '@testing-library/svelte'
import { describe, expect, it, vi } from 'vitest'
import type { ArticleImportRow } from '@shared/ipc/contract'
import ImportReport from '../../../src/renderer/src/components/ImportReport.svelte'
import { makeSummary } from '../article-fixture'

const rows: ArticleImportRow[] = [
  {
    name: 'page.html',
    status: 'imported',
    reason: 'Imported from the page’s JSON-LD details.',
    article: { ...makeSummary('page', 'A page worth keeping'), imported: true }
  },
  { name: 'again.html', status: 'duplicate', reason: 'Already in the library as “A page”.' },
  { name: 'photo.png', status: 'failed', reason: 'Not a file Dossier imports.' }
]

describe('ImportReport', () => {
  it('lists every file with its status and reason, under a heading', () => {
    render(ImportReport, { rows, leftOut: 2, onopen: vi.fn(), onclose: vi.fn() })
    expect(screen.getByRole('heading', { name: 'Import finished' })).toBeTruthy()
    const listed = screen.getAllByTestId('import-row')
    expect(listed.map((row) => row.dataset['status'])).toEqual(['imported', 'duplicate', 'failed'])
    expect(listed[2]!.textContent).toContain('Not a file Dossier imports.')
    expect(screen.getByTestId('import-summary').textContent).toBe(
      '1 imported, 1 already in the library, 1 failed; 2 resource files of saved pages left out.'
    )
  })

  it('says when the batch was cancelled', () => {
    render(ImportReport, { rows, cancelled: true, onopen: vi.fn(), onclose: vi.fn() })
    expect(screen.getByRole('heading', { name: 'Import cancelled' })).toBeTruthy()
  })

  it('opens an imported article from its row', async () => {
    const onopen = vi.fn()
    render(ImportReport, { rows, onopen, onclose: vi.fn() })
    await fireEvent.click(screen.getByRole('button', { name: 'A page worth keeping' }))
    expect(onopen).toHaveBeenCalledWith('page')
  })
})
