import { describe, expect, it } from 'vitest'
import { webLinkTarget } from '@shared/content/link-target'

describe('webLinkTarget', () => {
  it.each([
    ['https://example.org/a?b=c#d', 'https://example.org/a?b=c#d'],
    ['http://example.org', 'http://example.org/'],
    ['HTTPS://EXAMPLE.ORG/Path', 'https://example.org/Path'],
    ['mailto:desk@example.org', 'mailto:desk@example.org']
  ])('keeps the web or mail link %s (as %s)', (href, kept) => {
    expect(webLinkTarget(href)).toBe(kept)
  })

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'file:///etc/passwd',
    'vbscript:msgbox(1)',
    'app://dossier/index.html',
    'ftp://example.org/file',
    '/relative/path',
    '#anchor',
    '//example.org/protocol-relative',
    'not a url',
    '',
    undefined,
    null
  ])('refuses %j', (href) => {
    expect(webLinkTarget(href)).toBeNull()
  })
})
