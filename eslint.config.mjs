// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import svelte from 'eslint-plugin-svelte'
import globals from 'globals'
import svelteConfig from './svelte.config.mjs'

/**
 * The security gate: code patterns that would undo Electron's security checklist (docs/security.md)
 * or render a string as markup. Each message says which protection the pattern breaks, so a
 * failing lint explains itself. test/build/security-lint.test.ts proves every one of them fires.
 */
/** @param {string} name a property key or a /regex/ of keys, written `name:` or `'name':` */
const key = (name) => `:matches([key.name=${name}], [key.value=${name}])`
/**
 * A property of an object literal (not a destructuring pattern) whose value is not written as
 * `raw`: a variable, or the string 'true', is as suspect as the wrong boolean.
 * @param {string} name
 * @param {'true' | 'false'} raw
 */
const propertyNot = (name, raw) =>
  `ObjectExpression > Property${key(name)}:not([value.raw='${raw}'])`

const electronRules = [
  {
    selector: propertyNot('/^nodeIntegration(InWorker|InSubFrames)?$/', 'false'),
    message:
      'Electron security: web content never gets Node.js (nodeIntegration, nodeIntegrationInWorker and nodeIntegrationInSubFrames must be the literal false).'
  },
  {
    selector: propertyNot('contextIsolation', 'true'),
    message:
      'Electron security: the preload and the page must stay in separate worlds (contextIsolation must be the literal true).'
  },
  {
    selector: propertyNot('sandbox', 'true'),
    message:
      'Electron security: sandbox must stay on, so a compromised renderer cannot reach the system (sandbox must be the literal true).'
  },
  {
    selector:
      "CallExpression:matches([callee.property.name='disableSandbox'], [callee.property.name=/^append(Switch|Argument)$/][arguments.0.value=/^(--)?(no-sandbox|disable-web-security|ignore-certificate-errors|disable-site-isolation-trials|enable-blink-features|remote-debugging-port|inspect(-brk)?)(=.*)?$/])",
    message:
      'Electron security: no command-line switch may turn off the sandbox, web security, certificate checks or site isolation, or open a debugging port.'
  },
  {
    selector: propertyNot('webSecurity', 'true'),
    message:
      'Electron security: the same-origin policy must stay on (webSecurity must be the literal true).'
  },
  {
    selector: propertyNot('allowRunningInsecureContent', 'false'),
    message:
      'Electron security: an app page must never run http content (allowRunningInsecureContent must be the literal false).'
  },
  {
    selector: propertyNot('experimentalFeatures', 'false'),
    message:
      "Electron security: Chromium's experimental features are untested attack surface (experimentalFeatures must be the literal false)."
  },
  {
    selector: `:matches(Property${key('enableBlinkFeatures')}, MemberExpression[property.name='enableBlinkFeatures'])`,
    message:
      'Electron security: enableBlinkFeatures switches on Chromium features the checklist forbids; never set it.'
  },
  {
    selector: `:matches(${propertyNot('webviewTag', 'false')}, SvelteElement[name.name='webview'], CallExpression[callee.property.name='createElement'][arguments.0.value='webview'])`,
    message:
      'Electron security: no <webview> (it embeds a second, less guarded browser; webviewTag must be the literal false).'
  }
]

const codeInjectionRules = [
  {
    selector:
      "CallExpression:matches([callee.name='eval'], [callee.property.name='eval']), :matches(CallExpression, NewExpression)[callee.name='Function']",
    message:
      'Security: eval and new Function run strings as code, and the CSP forbids them (no unsafe-eval).'
  }
]

const htmlSinkRules = [
  {
    selector:
      'AssignmentExpression:matches([left.property.name=/^(innerHTML|outerHTML|srcdoc)$/], [left.property.value=/^(innerHTML|outerHTML|srcdoc)$/])',
    message:
      'Security: assigning innerHTML/outerHTML/srcdoc parses a string as markup (a script or onerror in an article would run); build nodes or render text instead.'
  },
  {
    selector:
      "CallExpression:matches([callee.property.name=/^(insertAdjacentHTML|createContextualFragment|setHTMLUnsafe|parseHTMLUnsafe)$/], [callee.property.name=/^(write|writeln)$/][callee.object.name='document'], [callee.property.name=/^(write|writeln)$/][callee.object.property.name='document'])",
    message:
      'Security: insertAdjacentHTML, document.write and friends parse a string as markup; build nodes or render text instead.'
  },
  {
    selector: "SvelteDirective[kind='Binding'][key.name.name=/^(innerHTML|outerHTML)$/]",
    message:
      'Security: bind:innerHTML renders a string as markup; render text or components instead.'
  }
]

const openExternalRules = [
  {
    selector:
      "CallExpression:matches([callee.name='openExternal'], [callee.property.name='openExternal'], [callee.property.value='openExternal']):not([arguments.0.type='Literal'])",
    message:
      'Electron security: shell.openExternal only gets a URL that externalUrl() has parsed (http, https, mailto): call openExternalSafely() from src/main/security/open-external.ts.'
  },
  {
    // Passing the function around or destructuring it would slip past the call check above.
    selector:
      ":matches(MemberExpression:matches([property.name='openExternal'], [property.value='openExternal']):not(CallExpression > MemberExpression.callee), ObjectPattern > Property[key.name='openExternal'])",
    message:
      'Electron security: shell.openExternal is only called, never passed around: use openExternalSafely() from src/main/security/open-external.ts.'
  }
]

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'build/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } }
  },
  {
    files: ['src/renderer/**/*', 'test/renderer/**/*'],
    languageOptions: { globals: { ...globals.browser } }
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        extraFileExtensions: ['.svelte'],
        parser: tseslint.parser,
        svelteConfig
      }
    }
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ],
      'svelte/no-at-html-tags': 'error',
      // The Svelte compiler's warnings, accessibility first among them, fail lint
      // (test/build/svelte-a11y-lint.test.ts proves it).
      'svelte/valid-compile': ['error', { ignoreWarnings: false }]
    }
  },
  {
    // The renderer is web content: no Node, no Electron, ever.
    files: ['src/renderer/**/*'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'electron', 'fs', 'path', 'child_process', '**/main/**'] }
      ]
    }
  },
  {
    // Shared code runs in every process: nothing process-specific.
    files: ['src/shared/**/*'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'electron', '**/main/**', '**/renderer/**'] }
      ]
    }
  },
  {
    // Everywhere, tests included: no test needs an unsafe window or eval.
    rules: {
      'no-restricted-syntax': ['error', ...electronRules, ...codeInjectionRules],
      'no-implied-eval': 'error'
    }
  },
  {
    // The code that ships (and the scripts that build it). Tests may set innerHTML to build a
    // fixture, and read shell.openExternal from a mock.
    ignores: ['test/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...electronRules,
        ...codeInjectionRules,
        ...htmlSinkRules,
        ...openExternalRules
      ]
    }
  },
  {
    // The one place a URL reaches the operating system, after externalUrl() has parsed it.
    files: ['src/main/security/open-external.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...electronRules, ...codeInjectionRules, ...htmlSinkRules]
    }
  }
)
