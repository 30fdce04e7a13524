import { join } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/**
 * The Svelte compiler's accessibility warnings fail `npm test`: eslint (svelte/valid-compile,
 * from eslint-plugin-svelte's recommended rules) reports each one as an error, and the same
 * markup written accessibly passes. svelte-check --fail-on-warnings, also in `npm test`, fails
 * on the same warnings. The file path is never read: it only picks the config that applies.
 */
const root = join(__dirname, '../..')
const file = join(root, 'src/renderer/src/components/Example.svelte')

const component = (markup: string) =>
  `<script lang="ts">\n  let count = $state(0)\n</script>\n\n${markup}\n`

async function errors(markup: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root })
  const [result] = await eslint.lintText(component(markup), { filePath: file })
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.message)
}

describe('Svelte accessibility warnings in lint', { timeout: 30_000 }, () => {
  it.each([
    ['a click handler on a div', '<div onclick={() => count++}>{count}</div>', /a11y/],
    ['an image with no alt text', '<img src="/icon.png" />', /a11y_missing_attribute/],
    ['a positive tabindex', '<button tabindex="2" onclick={() => count++}>{count}</button>', /a11y_positive_tabindex/],
    ['a button with no name', '<button onclick={() => count++}></button>', /a11y_consider_explicit_label/]
  ])('fails on %s', async (_name, markup, message) => {
    const found = await errors(markup)
    expect(found.some((text) => message.test(text)), found.join('\n')).toBe(true)
  })

  it('passes the same things written accessibly', async () => {
    expect(
      await errors(
        '<button onclick={() => count++}>{count}</button>\n<img src="/icon.png" alt="Dossier" />'
      )
    ).toEqual([])
  })
})
