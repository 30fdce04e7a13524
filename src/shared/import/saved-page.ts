/**
 * Names of files in an import. A browser's "Web page, complete" saves `Name.html` beside a
 * `Name_files/` folder of its images, scripts and styles (some browsers call it `Name-Dateien`
 * and so on, but `_files` is what Chrome, Edge and Firefox write in English); those files are
 * the page's resources, not articles.
 */

/** The saved page a file is a resource of (`Name.html`), or null when it is not in such a folder. */
export function savedPageOf(path: string): string | null {
  const parts = path.split(/[\\/]/)
  for (let i = parts.length - 2; i >= 0; i--) {
    const folder = /^(.+)_files$/.exec(parts[i]!)
    if (folder) return `${folder[1]}.html`
  }
  return null
}

/** The file's name without its folder or extension: the title of last resort. */
export function fileTitle(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name
  const stem = base.replace(/\.[^.]+$/, '')
  return stem.replace(/[_]+/g, ' ').replace(/\s+/g, ' ').trim() || 'Untitled'
}
