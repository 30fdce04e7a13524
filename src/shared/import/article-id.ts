/**
 * An imported article's id: a slug of its title (what a person recognises in a file name) and a
 * short hash of its content (so two articles with one title differ), lengthened until it is
 * not taken. Bundled ids are words only, so an id with a hash never meets one by accident.
 */

const MAX_SLUG = 60

export function slugOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '')
  return slug === '' ? 'article' : slug
}

/** `slug-hash6`, or a longer hash when that is taken; `hash` is hexadecimal. */
export function articleIdFor(title: string, hash: string, taken: (id: string) => boolean): string {
  const slug = slugOf(title)
  for (let length = 6; length <= hash.length; length += 2) {
    const id = `${slug}-${hash.slice(0, length)}`
    if (!taken(id)) return id
  }
  let n = 2
  while (taken(`${slug}-${hash}-${n}`)) n++
  return `${slug}-${hash}-${n}`
}
