/**
 * The files `npm run build` ships beside the bundled articles, by name. A module of its own, with
 * no imports: the index worker's entry starts reading them before it loads anything heavy.
 */

/** The prebuilt search index and forward index (library-index.ts). */
export const INDEX_FILE = 'library-index.bin'
/** The parsed-library cache (library-cache.ts). */
export const LIBRARY_CACHE_FILE = 'library-cache.bin'
/** The bundled articles' texts, read one at a time (texts-file.ts). */
export const LIBRARY_TEXTS_FILE = 'library-texts.bin'
