import { describe, expect, it } from 'vitest'
import { isLeftOut, walkEntries, type EntryLike } from '../../../src/renderer/src/lib/dropped-files'

/** A file or folder entry as Chromium gives them for a drop; folders answer in pages of two. */
function file(fullPath: string): EntryLike & { file: (done: (file: File) => void) => void } {
  const name = fullPath.split('/').at(-1)!
  return {
    isFile: true,
    isDirectory: false,
    name,
    fullPath,
    file: (done) => done(new File([`text of ${name}`], name))
  }
}

function folder(fullPath: string, children: EntryLike[]): EntryLike {
  return {
    isFile: false,
    isDirectory: true,
    name: fullPath.split('/').at(-1)!,
    fullPath,
    createReader: () => {
      let at = 0
      return {
        readEntries: (done: (entries: EntryLike[]) => void) => {
          const page = children.slice(at, at + 2)
          at += page.length
          setTimeout(() => done(page))
        }
      }
    }
  } as EntryLike
}

describe('walkEntries', () => {
  it('finds every file of a dropped folder, in name order, with its path', async () => {
    const dropped = await walkEntries([
      file('/loose.txt'),
      folder('/saved', [
        file('/saved/b.md'),
        file('/saved/a.html'),
        folder('/saved/a_files', [
          file('/saved/a_files/style.css'),
          file('/saved/a_files/photo.jpg'),
          file('/saved/a_files/frame.html')
        ]),
        file('/saved/.DS_Store'),
        folder('/saved/deeper', [file('/saved/deeper/c.markdown')])
      ])
    ])
    expect(dropped.sources.map((source) => [source.name, source.path])).toEqual([
      ['loose.txt', undefined],
      ['a.html', 'saved/a.html'],
      ['frame.html', 'saved/a_files/frame.html'],
      ['b.md', 'saved/b.md'],
      ['c.markdown', 'saved/deeper/c.markdown']
    ])
    expect(dropped.skipped).toBe(3)
    const text = await (await dropped.sources[0]!.read()).text()
    expect(text).toBe('text of loose.txt')
  })
})

describe('isLeftOut', () => {
  it('leaves out hidden files and a saved page’s resources, never a page or a loose file', () => {
    expect(isLeftOut('.hidden.md')).toBe(true)
    expect(isLeftOut('site/.git/config')).toBe(true)
    expect(isLeftOut('site/page_files/app.js')).toBe(true)
    expect(isLeftOut('site/page_files/inner.htm')).toBe(false)
    expect(isLeftOut('site/photo.jpg')).toBe(false)
  })
})
