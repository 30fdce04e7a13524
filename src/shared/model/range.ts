/** A half-open span [start, end) of UTF-16 offsets into an article's canonical plain text. */
export interface TextRange {
  start: number
  end: number
}
