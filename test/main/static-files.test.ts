import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mimeTypeFor, readStaticFile, resolveStaticPath } from '../../src/main/static-files'

const root = join('/srv', 'renderer')

describe('resolveStaticPath', () => {
  it.each([
    ['/', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/index-abc.js', 'assets/index-abc.js'],
    ['/assets/', 'assets/index.html'],
    ['/fonts/Source%20Serif.woff2', 'fonts/Source Serif.woff2'],
    ['//assets//./app.css', 'assets/app.css']
  ])('maps %s to %s under the root', (pathname, file) => {
    expect(resolveStaticPath(root, pathname)).toEqual({ ok: true, file: join(root, file) })
  })

  it.each([
    ['/../package.json', 404],
    ['/assets/../../package.json', 404],
    ['/%2e%2e/package.json', 404],
    ['/%2e%2e%2fpackage.json', 404],
    ['/assets/%2E%2E%2F%2E%2E%2Fpackage.json', 404],
    ['/..%5cpackage.json', 404],
    ['/C:/Windows/win.ini', 404],
    ['/C%3A%5CWindows%5Cwin.ini', 404],
    ['relative/index.html', 404],
    ['/index.html%00.js', 400],
    ['/%00', 400],
    ['/%E0%A4%A', 400]
  ])('refuses %s with %i', (pathname, status) => {
    expect(resolveStaticPath(root, pathname)).toEqual({ ok: false, status })
  })

  it('keeps an encoded absolute path inside the root', () => {
    expect(resolveStaticPath(root, '/%2Fetc%2Fpasswd')).toEqual({
      ok: true,
      file: join(root, 'etc', 'passwd')
    })
  })
})

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a/b/app.JS', 'text/javascript; charset=utf-8'],
    ['style.css', 'text/css; charset=utf-8'],
    ['icon.svg', 'image/svg+xml'],
    ['font.woff2', 'font/woff2'],
    ['blob.bin', 'application/octet-stream'],
    ['README', 'application/octet-stream']
  ])('types %s as %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type)
  })
})

describe('readStaticFile', () => {
  let dir: string
  let renderer: string

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-static-'))
    renderer = join(dir, 'renderer')
    mkdirSync(join(renderer, 'assets'), { recursive: true })
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>')
    writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)')
    writeFileSync(join(dir, 'secret.txt'), 'outside the root')
    symlinkSync(join(dir, 'secret.txt'), join(renderer, 'assets', 'leak.txt'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('reads a file with its content type', async () => {
    const found = await readStaticFile(renderer, '/assets/app.js')
    expect(found.status).toBe(200)
    if (found.status !== 200) return
    expect(found.body.toString()).toBe('console.log(1)')
    expect(found.contentType).toBe('text/javascript; charset=utf-8')
  })

  it('serves index.html for the root path', async () => {
    const found = await readStaticFile(renderer, '/')
    expect(found.status === 200 && found.body.toString()).toContain('<title>t</title>')
  })

  it('answers 404 for a missing file or a directory', async () => {
    expect((await readStaticFile(renderer, '/nope.js')).status).toBe(404)
    expect((await readStaticFile(renderer, '/assets')).status).toBe(404)
  })

  it('does not follow a symbolic link out of the root', async () => {
    expect((await readStaticFile(renderer, '/assets/leak.txt')).status).toBe(404)
  })

  it('does not reach a sibling file through traversal', async () => {
    expect((await readStaticFile(renderer, '/../secret.txt')).status).toBe(404)
    expect((await readStaticFile(renderer, '/%2e%2e/secret.txt')).status).toBe(404)
  })
})
