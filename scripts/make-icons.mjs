// Renders build/icon.svg into the PNGs electron-builder packs: build/icon.png (1024, used for
// macOS and Windows, which convert it) and build/icons/NxN.png (Linux). Uses the system Chromium
// through playwright-core; no browser is downloaded. Run: node scripts/make-icons.mjs
import { mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const build = join(root, 'build')
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const svg = readFileSync(join(build, 'icon.svg'), 'utf8')

const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512]
// At these sizes and below the text lines and shadow are mush and the tile's margin wastes
// pixels, so the sheet and quotation mark alone fill the square.
const SMALL = 48

/** The SVG for one size: sized to it, and simplified for small sizes. */
function svgAt(size) {
  let source = svg.replace(/width="1024" height="1024"/, `width="${size}" height="${size}"`)
  if (size <= SMALL) {
    source = source.replace('viewBox="0 0 1024 1024"', 'viewBox="100 100 824 824"')
    source = source.replace('</svg>', '<style>.detail{display:none}</style></svg>')
  }
  return source
}

const browser = await chromium.launch({ executablePath })
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 })
  const render = async (size, file) => {
    await page.setViewportSize({ width: size, height: size })
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent">${svgAt(size)}</body></html>`
    )
    await page.screenshot({
      path: file,
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size }
    })
    console.log(`${file.slice(root.length + 1)} (${size}px)`)
  }
  mkdirSync(join(build, 'icons'), { recursive: true })
  await render(1024, join(build, 'icon.png'))
  for (const size of LINUX_SIZES) await render(size, join(build, 'icons', `${size}x${size}.png`))
} finally {
  await browser.close()
}
