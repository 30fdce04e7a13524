/**
 * What a journaled file needs to know about the state it stores (notes, settings): how to
 * write and read it, and how to describe one batch of changes for the journal and replay it.
 */
export interface StoredFormat<T> {
  /** The file's name in the data directory (`notes.json`); its stem names the backups. */
  file: string
  /** The state before anything was stored. */
  empty(): T
  /** The state as the file's JSON object (format, version, content); the envelope is added. */
  toFile(state: T): Record<string, unknown>
  /**
   * Reads a file's JSON value of any known version, migrating an older one.
   * @throws DamagedFileError when it is not a file of this kind and a known version.
   */
  fromFile(data: unknown): { state: T; invalid: number; version: number }
  /** The version written now. */
  version: number
  /** A working copy for a batch of changes to edit. */
  copy(state: T): T
  /** What a batch changed, as JSON for the journal; null when it changed nothing. */
  diff(before: T, after: T): unknown
  /** `state` with a journalled change applied. @throws when the change is not valid. */
  replay(state: T, change: unknown): T
  /** One entry of the file, in words ("note"), for a message about those left out. */
  entry: string
  /** The content in words, for a message: "12 notes", "your settings". */
  describe(state: T): string
}
