// go-yaml's alias checks, run on js-yaml's events before any value is built (js-yaml shares an
// aliased value instead of copying it, so a "billion laughs" document parses at once; it is the
// code that walks the value later that would expand it). As in gopkg.in/yaml.v2's decoder:
// an alias to an anchor not yet defined is `unknown anchor 'x' referenced`, an alias inside the
// node its anchor names is `anchor 'x' value contains itself`, and a document whose decoding
// comes mostly from alias expansion is `document contains excessive aliasing`.
import { EVENT_ID, type Event } from 'js-yaml'

export interface AliasProblem {
  /** go-yaml's message (no line: go-yaml's decoder reports none). */
  text: string
  /** Offset of the alias in the document. */
  offset: number
}

/** go-yaml's allowedAliasRatio: 99% of a small document may come from aliases, 10% of a huge one. */
export function allowedAliasRatio(decodeCount: number): number {
  const low = 400_000
  const high = 4_000_000
  if (decodeCount <= low) return 0.99
  if (decodeCount >= high) return 0.1
  return 0.99 - (0.89 * (decodeCount - low)) / (high - low)
}

/** An open document, mapping or sequence (a document is never an anchor). */
interface Open {
  anchor?: string
  size: number
}

/**
 * The first alias problem of one document's events, or undefined. Each node decoded counts one;
 * an alias counts one plus the expanded size of its anchor's node, all of which is alias-driven.
 * go-yaml fails as soon as the ratio is exceeded; checking after each alias finds the same
 * documents, since within an expansion the ratio only grows and plain nodes only lower it.
 */
export function aliasProblem(body: string, events: readonly Event[]): AliasProblem | undefined {
  const sizes = new Map<string, number>()
  const open: Open[] = []
  let decodeCount = 0
  let aliasCount = 0
  const anchorOf = (e: { anchorStart: number; anchorEnd: number }) =>
    e.anchorStart < 0 ? undefined : body.slice(e.anchorStart, e.anchorEnd)
  const add = (n: number) => {
    const top = open[open.length - 1]
    if (top) top.size = Math.min(top.size + n, Number.MAX_SAFE_INTEGER)
  }
  for (const e of events) {
    switch (e.type) {
      case EVENT_ID.DOCUMENT:
        decodeCount++
        open.push({ size: 0 })
        break
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        decodeCount++
        open.push({ anchor: anchorOf(e), size: 1 })
        break
      case EVENT_ID.SCALAR: {
        decodeCount++
        const anchor = anchorOf(e)
        if (anchor !== undefined) sizes.set(anchor, 1)
        add(1)
        break
      }
      case EVENT_ID.ALIAS: {
        const name = body.slice(e.anchorStart, e.anchorEnd)
        const offset = e.anchorStart - 1
        if (open.some((o) => o.anchor === name))
          return { text: `anchor '${name}' value contains itself`, offset }
        const size = sizes.get(name)
        if (size === undefined) return { text: `unknown anchor '${name}' referenced`, offset }
        decodeCount = Math.min(decodeCount + 1 + size, Number.MAX_SAFE_INTEGER)
        aliasCount = Math.min(aliasCount + size, Number.MAX_SAFE_INTEGER)
        add(1 + size)
        if (
          aliasCount > 100 &&
          decodeCount > 1000 &&
          aliasCount / decodeCount > allowedAliasRatio(decodeCount)
        )
          return { text: 'document contains excessive aliasing', offset }
        break
      }
      case EVENT_ID.POP: {
        const frame = open.pop()
        if (!frame) break
        if (frame.anchor !== undefined) sizes.set(frame.anchor, frame.size)
        add(frame.size)
        break
      }
    }
  }
  return undefined
}
