import { join } from 'node:path'
import { ESLint, type Linter } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

/**
 * The lint gate in `npm test` (eslint.config.mjs) must be able to fail: each insecure pattern,
 * written where it would matter, is reported with its reason, and the safe way of writing the
 * same thing passes. The file paths are never read: they only pick the config blocks that apply.
 */
const root = join(__dirname, '../..')

const securityRules = new Set(['no-restricted-syntax', 'no-implied-eval', 'svelte/no-at-html-tags'])

interface Snippet {
  file: string
  code: string
}

interface Case {
  pattern: string
  bad: Snippet
  good: Snippet
  rule: string
  message: RegExp
}

const main = 'src/main/example.ts'
const renderer = 'src/renderer/src/lib/example.ts'
const component = 'src/renderer/src/components/Example.svelte'

/** A main-process module that builds a window with one web preference set to `value`. */
const windowWith = (preference: string): Snippet => ({
  file: main,
  code: `import { BrowserWindow } from 'electron'\nexport const open = (isDev: boolean) =>\n  new BrowserWindow({ webPreferences: { ${preference} } })\n`
})

const script = (file: string, body: string): Snippet => ({
  file,
  code: `import { shell, app } from 'electron'\nexport function run(url: string, el: HTMLElement, html: string): unknown {\n  ${body}\n  return [shell, app, url, el, html]\n}\n`
})

const svelte = (markup: string): Snippet => ({
  file: component,
  code: `<script lang="ts">\n  interface Props {\n    html: string\n  }\n  let { html }: Props = $props()\n  let text = $state('')\n</script>\n\n${markup}\n<p>{text}</p>\n`
})

const cases: Case[] = [
  {
    pattern: 'nodeIntegration: true',
    bad: windowWith('nodeIntegration: true'),
    good: windowWith('nodeIntegration: false'),
    rule: 'no-restricted-syntax',
    message: /web content never gets Node\.js/
  },
  {
    pattern: 'nodeIntegration computed at run time',
    bad: windowWith('nodeIntegration: isDev'),
    good: windowWith("'nodeIntegration': false"),
    rule: 'no-restricted-syntax',
    message: /must be the literal false/
  },
  {
    pattern: 'nodeIntegrationInWorker: true',
    bad: windowWith('nodeIntegrationInWorker: true'),
    good: windowWith('nodeIntegrationInWorker: false'),
    rule: 'no-restricted-syntax',
    message: /web content never gets Node\.js/
  },
  {
    pattern: 'nodeIntegrationInSubFrames: true',
    bad: windowWith("'nodeIntegrationInSubFrames': true"),
    good: windowWith('nodeIntegrationInSubFrames: false'),
    rule: 'no-restricted-syntax',
    message: /web content never gets Node\.js/
  },
  {
    pattern: 'contextIsolation: false',
    bad: windowWith('contextIsolation: false'),
    good: windowWith('contextIsolation: true'),
    rule: 'no-restricted-syntax',
    message: /contextIsolation must be the literal true/
  },
  {
    pattern: 'sandbox: false',
    bad: windowWith('sandbox: false'),
    good: windowWith('sandbox: true'),
    rule: 'no-restricted-syntax',
    message: /sandbox must stay on/
  },
  {
    pattern: "sandbox: 'true' (a string, not the boolean)",
    bad: windowWith("sandbox: 'true'"),
    good: windowWith('sandbox: true'),
    rule: 'no-restricted-syntax',
    message: /sandbox must stay on/
  },
  {
    pattern: 'the --no-sandbox switch',
    bad: script(main, "app.commandLine.appendSwitch('no-sandbox')"),
    good: script(main, "app.commandLine.appendSwitch('lang', 'en-GB')"),
    rule: 'no-restricted-syntax',
    message: /no command-line switch may turn off the sandbox/
  },
  {
    pattern: 'app.disableSandbox()',
    bad: script(main, 'app.disableSandbox()'),
    good: script(main, 'app.enableSandbox()'),
    rule: 'no-restricted-syntax',
    message: /no command-line switch may turn off the sandbox/
  },
  {
    pattern: 'webSecurity: false',
    bad: windowWith('webSecurity: false'),
    good: windowWith('webSecurity: true'),
    rule: 'no-restricted-syntax',
    message: /same-origin policy must stay on/
  },
  {
    pattern: 'allowRunningInsecureContent: true',
    bad: windowWith('allowRunningInsecureContent: true'),
    good: windowWith('allowRunningInsecureContent: false'),
    rule: 'no-restricted-syntax',
    message: /never run http content/
  },
  {
    pattern: 'experimentalFeatures: true',
    bad: windowWith('experimentalFeatures: true'),
    good: windowWith('experimentalFeatures: false'),
    rule: 'no-restricted-syntax',
    message: /experimental features are untested attack surface/
  },
  {
    pattern: 'enableBlinkFeatures',
    bad: windowWith("enableBlinkFeatures: 'CSSVariables'"),
    good: windowWith("disableBlinkFeatures: 'Auxclick'"),
    rule: 'no-restricted-syntax',
    message: /enableBlinkFeatures switches on Chromium features/
  },
  {
    pattern: 'webviewTag: true',
    bad: windowWith('webviewTag: true'),
    good: windowWith('webviewTag: false'),
    rule: 'no-restricted-syntax',
    message: /no <webview>/
  },
  {
    pattern: 'a <webview> element in a component',
    bad: svelte('<webview src="https://example.com/"></webview>'),
    good: svelte('<div>{html.length}</div>'),
    rule: 'no-restricted-syntax',
    message: /no <webview>/
  },
  {
    pattern: 'shell.openExternal(url) outside open-external.ts',
    bad: script('src/main/security/navigation-guards.ts', 'void shell.openExternal(url)'),
    good: script('src/main/security/open-external.ts', 'void shell.openExternal(url)'),
    rule: 'no-restricted-syntax',
    message: /call openExternalSafely\(\) from src\/main\/security\/open-external\.ts/
  },
  {
    pattern: 'openExternal with a built string',
    bad: script(main, 'void shell.openExternal(`https://example.com/${url}`)'),
    good: script(main, "void shell.openExternal('https://example.com/help')"),
    rule: 'no-restricted-syntax',
    message: /only gets a URL that externalUrl\(\) has parsed/
  },
  {
    pattern: 'openExternal taken out of shell',
    bad: script(main, 'const open = shell.openExternal\n  void open(url)'),
    good: script(main, 'const open = shell.beep\n  open()'),
    rule: 'no-restricted-syntax',
    message: /only called, never passed around/
  },
  {
    pattern: 'openExternal destructured from shell',
    bad: script(main, 'const { openExternal } = shell\n  void openExternal(url)'),
    good: script(main, 'const { beep } = shell\n  beep()'),
    rule: 'no-restricted-syntax',
    message: /openExternalSafely\(\)/
  },
  {
    pattern: '{@html …}',
    bad: svelte('<p>{@html html}</p>'),
    good: svelte('<p>{html}</p>'),
    rule: 'svelte/no-at-html-tags',
    message: /XSS/
  },
  {
    pattern: 'bind:innerHTML',
    bad: svelte('<div contenteditable="true" bind:innerHTML={text}></div>'),
    good: svelte('<div contenteditable="true" bind:textContent={text}></div>'),
    rule: 'no-restricted-syntax',
    message: /bind:innerHTML renders a string as markup/
  },
  {
    pattern: 'innerHTML assignment',
    bad: script(renderer, 'el.innerHTML = html'),
    good: script(renderer, 'el.textContent = html'),
    rule: 'no-restricted-syntax',
    message: /parses a string as markup/
  },
  {
    pattern: 'outerHTML assignment',
    bad: script(renderer, "el['outerHTML'] += html"),
    good: script(renderer, 'el.replaceWith(document.createTextNode(html))'),
    rule: 'no-restricted-syntax',
    message: /parses a string as markup/
  },
  {
    pattern: 'insertAdjacentHTML',
    bad: script(renderer, "el.insertAdjacentHTML('beforeend', html)"),
    good: script(renderer, "el.insertAdjacentText('beforeend', html)"),
    rule: 'no-restricted-syntax',
    message: /insertAdjacentHTML, document\.write and friends/
  },
  {
    pattern: 'document.write',
    bad: script(renderer, 'window.document.write(html)'),
    good: script(renderer, 'document.title = html'),
    rule: 'no-restricted-syntax',
    message: /insertAdjacentHTML, document\.write and friends/
  },
  {
    pattern: 'new Function',
    bad: script(renderer, "const f = new Function('return 1')\n  f()"),
    good: script(renderer, 'const f = () => 1\n  f()'),
    rule: 'no-restricted-syntax',
    message: /eval and new Function run strings as code/
  },
  {
    pattern: 'eval',
    bad: script(main, 'globalThis.eval(html)'),
    good: script(main, 'JSON.parse(html)'),
    rule: 'no-restricted-syntax',
    message: /eval and new Function run strings as code/
  },
  {
    pattern: 'setTimeout with a string (an eval in disguise)',
    bad: script(renderer, "setTimeout('el.remove()', 10)"),
    good: script(renderer, 'setTimeout(() => el.remove(), 10)'),
    rule: 'no-implied-eval',
    message: /Implied eval/
  },
  {
    pattern: 'an unsafe window even in a test (where innerHTML may build a fixture)',
    bad: { file: 'test/main/example.test.ts', code: windowWith('sandbox: false').code },
    good: { file: 'test/renderer/example.test.ts', code: 'document.body.innerHTML = "<p>fixture</p>"\n' },
    rule: 'no-restricted-syntax',
    message: /sandbox must stay on/
  }
]

let eslint: ESLint

beforeAll(async () => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: join(root, 'eslint.config.mjs') })
  // The config (typescript-eslint, the Svelte parser) loads on first use: not inside a test's time.
  await eslint.lintText('export {}\n', { filePath: join(root, main) })
}, 60_000)

async function lint(snippet: Snippet): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(snippet.code, { filePath: join(root, snippet.file) })
  if (!result) throw new Error(`ESLint returned no result for ${snippet.file}`)
  const fatal = result.messages.filter((message) => message.fatal)
  // A snippet that does not parse would pass every rule: that must fail the test, not pass it.
  expect(fatal, `${snippet.file} does not parse`).toEqual([])
  return result.messages.filter((message) => securityRules.has(message.ruleId ?? ''))
}

describe('the security lint gate', () => {
  it.each(cases)('reports $pattern, with its reason', async ({ bad, rule, message }) => {
    const messages = await lint(bad)
    expect(messages).toEqual(
      expect.arrayContaining([expect.objectContaining({ ruleId: rule, message: expect.stringMatching(message) })])
    )
  })

  it.each(cases)('accepts the safe counterpart of $pattern', async ({ good }) => {
    expect(await lint(good)).toEqual([])
  })

})
