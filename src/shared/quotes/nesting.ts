/** Which quotation holds which: the nesting of quotations inside quotations. */
import type { MarkSpan } from './marks'

export interface Family {
  parent: Map<MarkSpan, MarkSpan>
  children: Map<MarkSpan, MarkSpan[]>
}

/** Each nested quotation's direct parent, and each quotation's children in order. */
export function nestQuotes(spans: MarkSpan[]): Family {
  const family: Family = { parent: new Map(), children: new Map() }
  const open: MarkSpan[] = []
  for (const span of spans) {
    while (open.length > 0 && open[open.length - 1]!.end <= span.start) open.pop()
    const parent = open[open.length - 1]
    if (parent && span.depth > 0) {
      family.parent.set(span, parent)
      const siblings = family.children.get(parent) ?? []
      siblings.push(span)
      family.children.set(parent, siblings)
    }
    open.push(span)
  }
  return family
}
