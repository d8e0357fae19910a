// Where things are in the editor's YAML: a position index built from js-yaml's event stream, so
// an API field path such as `spec.template.metadata.labels` or `spec.ports[0].name` can be turned
// into the line and column of the node it names. Documents are split exactly as parse.ts splits
// them (stream.ts), and parse.ts hands over the events it parsed, so nothing is parsed twice.
import { EVENT_ID, getScalarValue, parseEvents, type Event } from 'js-yaml'
import { MAX_DEPTH } from './limits'
import { splitStream, type Chunk } from './stream'

/** 1-based lines and columns, end exclusive (Monaco's convention). */
export interface SourceRange {
  line: number
  column: number
  endLine: number
  endColumn: number
}

export type PositionNode =
  | { kind: 'scalar' | 'alias'; start: number; end: number }
  | { kind: 'map'; start: number; end: number; entries: MapEntry[] }
  | { kind: 'seq'; start: number; end: number; items: PositionNode[] }

export interface MapEntry {
  key: string
  keyStart: number
  keyEnd: number
  value: PositionNode | undefined
}

export interface DocumentIndex {
  /** 1-based line of the document's first line in the whole text (as ManifestDocument.startLine). */
  startLine: number
  /** The document's text (lines joined with \n); node offsets point into it. */
  body: string
  /** Offsets of each line start in `body`. */
  lineStarts: number[]
  /** Undefined when the document is empty or does not parse. */
  root: PositionNode | undefined
}

/** One index per `---`-separated chunk, in order (empty chunks included), parsing each. */
export function indexDocuments(text: string): DocumentIndex[] {
  return splitStream(text).chunks.map((chunk) => indexChunk(chunk, eventsOf(chunk.body)))
}

/** The index of one chunk from the events parse.ts read (none when it did not parse). */
export function indexChunk(chunk: Chunk, events: readonly Event[] | undefined): DocumentIndex {
  const { body, startLine } = chunk
  return {
    startLine,
    body,
    lineStarts: lineStartsOf(body),
    root: events ? buildTree(body, events) : undefined,
  }
}

function eventsOf(body: string): Event[] | undefined {
  try {
    return parseEvents(body, { maxDepth: MAX_DEPTH })
  } catch {
    return undefined
  }
}

function lineStartsOf(body: string): number[] {
  const starts = [0]
  for (let i = 0; i < body.length; i++) if (body[i] === '\n') starts.push(i + 1)
  return starts
}

type Frame =
  | { kind: 'doc'; root?: PositionNode }
  | {
      kind: 'map'
      node: Extract<PositionNode, { kind: 'map' }>
      key?: { text: string; start: number; end: number }
    }
  | { kind: 'seq'; node: Extract<PositionNode, { kind: 'seq' }> }

function buildTree(body: string, events: readonly Event[]): PositionNode | undefined {
  const stack: Frame[] = []
  let root: PositionNode | undefined
  const attach = (node: PositionNode | undefined, keyText?: string) => {
    const top = stack[stack.length - 1]
    if (!top) return
    if (top.kind === 'doc') top.root ??= node
    else if (top.kind === 'seq') {
      if (node) top.node.items.push(node)
    } else if (!top.key) {
      const start = node?.start ?? top.node.start
      top.key = { text: keyText ?? '', start, end: node?.end ?? start }
    } else {
      top.node.entries.push({ key: top.key.text, keyStart: top.key.start, keyEnd: top.key.end, value: node })
      top.key = undefined
    }
  }
  for (const ev of events) {
    switch (ev.type) {
      case EVENT_ID.DOCUMENT:
        stack.push({ kind: 'doc' })
        break
      case EVENT_ID.MAPPING:
        stack.push({ kind: 'map', node: { kind: 'map', start: ev.start, end: ev.start + 1, entries: [] } })
        break
      case EVENT_ID.SEQUENCE:
        stack.push({ kind: 'seq', node: { kind: 'seq', start: ev.start, end: ev.start + 1, items: [] } })
        break
      case EVENT_ID.SCALAR: {
        const empty = ev.valueStart < 0
        const quoted = ev.style === 2 || ev.style === 3
        const node: PositionNode | undefined = empty
          ? undefined
          : {
              kind: 'scalar',
              start: ev.valueStart - (quoted ? 1 : 0),
              end: ev.valueEnd + (quoted ? 1 : 0),
            }
        attach(node, getScalarValue(body, ev))
        break
      }
      case EVENT_ID.ALIAS:
        attach({ kind: 'alias', start: ev.anchorStart - 1, end: ev.anchorEnd }, '')
        break
      case EVENT_ID.POP: {
        const frame = stack.pop()
        if (!frame) break
        if (frame.kind === 'doc') {
          root ??= frame.root
          break
        }
        const node = frame.node
        const last = node.kind === 'map' ? node.entries[node.entries.length - 1] : undefined
        const lastEnd =
          node.kind === 'map' ? (last?.value?.end ?? last?.keyEnd) : node.items[node.items.length - 1]?.end
        node.end = Math.max(node.end, lastEnd ?? node.end)
        attach(node, '')
        break
      }
    }
  }
  return root
}

export type PathSegment = { field: string } | { index: number } | { key: string }

/** `spec.ports[0].name` → field spec, field ports, index 0, field name; `[storage]` is a map key. */
export function parseFieldPath(path: string): PathSegment[] {
  const segments: PathSegment[] = []
  let i = 0
  let name = ''
  const flushName = () => {
    if (name) segments.push({ field: name })
    name = ''
  }
  while (i < path.length) {
    const c = path[i]!
    if (c === '.') {
      flushName()
      i++
    } else if (c === '[') {
      flushName()
      const close = path.indexOf(']', i)
      const inner = close < 0 ? path.slice(i + 1) : path.slice(i + 1, close)
      segments.push(/^[0-9]+$/.test(inner) ? { index: Number(inner) } : { key: inner })
      i = close < 0 ? path.length : close + 1
    } else {
      name += c
      i++
    }
  }
  flushName()
  return segments
}

type Located = { node: PositionNode | undefined; entry?: MapEntry }

function child(node: PositionNode | undefined, seg: PathSegment): Located | undefined {
  if (!node) return undefined
  if ('index' in seg) {
    if (node.kind === 'seq') {
      const item = node.items[seg.index]
      return item ? { node: item } : undefined
    }
    return undefined
  }
  const name = 'field' in seg ? seg.field : seg.key
  if (node.kind !== 'map') return undefined
  const entry = node.entries.find((e) => e.key === name)
  return entry ? { node: entry.value, entry } : undefined
}

/**
 * The range of the node a field path names, or of the deepest ancestor present when the field is
 * absent (a `Required value` points at its parent). Two of Kubernetes' paths are not literal
 * paths: `spec.template.labels` (ValidatePodTemplateSpec drops `metadata`) and
 * `…resources[storage]` (the storage request); both are looked up where the YAML has them.
 * Falls back to the document's first line.
 */
export function locateField(doc: DocumentIndex, path: string): SourceRange {
  let current: Located = { node: doc.root }
  let best: Located | undefined
  for (const seg of parseFieldPath(path)) {
    const next =
      child(current.node, seg) ??
      // `spec.template.labels` → spec.template.metadata.labels
      child(child(current.node, { field: 'metadata' })?.node, seg) ??
      // `resources[storage]` → resources.requests.storage
      child(child(current.node, { field: 'requests' })?.node, seg)
    if (!next) break
    current = next
    best = next
  }
  if (!best) return firstLine(doc)
  return best.entry ? entryRange(doc, best.entry) : nodeRange(doc, best.node!)
}

/** A map entry: from its key to the end of the key's line (`replicas: "two"`, `labels:`). */
function entryRange(doc: DocumentIndex, entry: MapEntry): SourceRange {
  const start = toPosition(doc, entry.keyStart)
  return { ...start, endLine: start.line, endColumn: lineEndColumn(doc, start.line) }
}

/** A node that is not a map value (a list item): its first line. */
function nodeRange(doc: DocumentIndex, node: PositionNode): SourceRange {
  const start = toPosition(doc, node.start)
  return { ...start, endLine: start.line, endColumn: lineEndColumn(doc, start.line) }
}

/** The document's first line with content (its first line when it has none). */
export function firstLine(doc: DocumentIndex): SourceRange {
  const lines = doc.body.split('\n')
  const at = lines.findIndex((l) => !/^\s*(#.*)?$/.test(l))
  const index = at < 0 ? 0 : at
  const text = lines[index] ?? ''
  const indent = text.length - text.trimStart().length
  const line = doc.startLine + index
  return {
    line,
    column: indent + 1,
    endLine: line,
    endColumn: Math.max(text.trimEnd().length + 1, indent + 2),
  }
}

function toPosition(doc: DocumentIndex, offset: number): { line: number; column: number } {
  let lo = 0
  let hi = doc.lineStarts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (doc.lineStarts[mid]! <= offset) lo = mid
    else hi = mid - 1
  }
  return { line: doc.startLine + lo, column: offset - doc.lineStarts[lo]! + 1 }
}

/** Column just after the last non-blank character of a whole-text line. */
function lineEndColumn(doc: DocumentIndex, line: number): number {
  const i = line - doc.startLine
  const start = doc.lineStarts[i] ?? 0
  const end = doc.lineStarts[i + 1] !== undefined ? doc.lineStarts[i + 1]! - 1 : doc.body.length
  return doc.body.slice(start, end).trimEnd().length + 1
}

/** Each key written again in the same mapping (go-yaml keeps the last value): the later entry and the first. */
export function duplicateKeys(root: PositionNode | undefined): { entry: MapEntry; first: MapEntry }[] {
  const found: { entry: MapEntry; first: MapEntry }[] = []
  const visit = (node: PositionNode | undefined) => {
    if (!node) return
    if (node.kind === 'seq') node.items.forEach(visit)
    if (node.kind !== 'map') return
    const seen = new Map<string, MapEntry>()
    for (const entry of node.entries) {
      const first = seen.get(entry.key)
      if (first && entry.key !== '<<') found.push({ entry, first })
      else seen.set(entry.key, entry)
      visit(entry.value)
    }
  }
  visit(root)
  return found
}

/** The 1-based line and column of an offset in a document. */
export function positionIn(doc: DocumentIndex, offset: number): { line: number; column: number } {
  return toPosition(doc, offset)
}
