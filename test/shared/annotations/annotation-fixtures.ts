import type { Annotation } from '@shared/model/annotation'

/** Hand-made annotations of each kind, for the export and import tests. */
export const HIGHLIGHT: Annotation = {
  id: '0b7f4a2e-5c1d-4e8a-9f3b-2a6c8d1e4f70',
  articleId: 'summit-diary',
  kind: 'highlight',
  target: {
    position: { type: 'TextPositionSelector', start: 120, end: 152 },
    quote: {
      type: 'TextQuoteSelector',
      exact: 'Pyŏngyang called it “productive” 🌱',
      prefix: 'state media in ',
      suffix: ' and promised more'
    }
  },
  color: 'green',
  note: 'Compare with **Singapore**.\n\n- first\n- second',
  tags: ['diplomacy', 'north korea'],
  created: '2025-03-01T09:15:00.000Z',
  updated: '2025-03-02T18:40:12.345Z'
}
export const ARTICLE_NOTE: Annotation = {
  id: '7d3e9c10-2b4a-4f6e-8c5d-1a2b3c4d5e6f',
  articleId: 'garden-notes',
  kind: 'article-note',
  target: null,
  color: 'yellow',
  note: 'Worth rereading in spring.',
  tags: [],
  created: '2025-04-01T10:00:00.000Z',
  updated: '2025-04-01T10:00:00.000Z'
}
export const BARE: Annotation = {
  ...HIGHLIGHT,
  id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  note: '',
  tags: [],
  color: 'pink'
}
