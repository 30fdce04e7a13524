/**
 * Opening an article is a round trip to main; a person may press Ctrl+F or click the search box
 * before it returns. Focus then goes to the reader only if it is still where it was when the open
 * began (or nowhere), so a late arrival never takes the keystroke they already aimed elsewhere.
 * `open` answers false when it opened nothing after all (Enter stepped through the matches of
 * the article already open): focus then stays where it is.
 */
export async function focusAfterOpen(
  open: () => Promise<boolean | void>,
  settle: () => Promise<void>,
  focusReader: () => void,
  doc: Document = document
): Promise<void> {
  const before = doc.activeElement
  if ((await open()) === false) return
  await settle()
  const after = doc.activeElement
  if (after === before || after === doc.body || after === null) focusReader()
}
