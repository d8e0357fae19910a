// Reads a YAML stream the way kubectl's YAML reader does: documents are separated by `---` lines
// (stream.ts) and decoded one at a time, so a broken document ends the stream there while the
// ones before it still apply. Each document is parsed once into js-yaml's events, checked for
// go-yaml's alias errors (aliases.ts), then built into a value; duplicate keys keep the last
// value, as go-yaml does. Errors are worded as kubectl prints them (goYaml.ts) and carry the line
// and column in the whole text (for the editor); Ordinal's own limits (limits.ts) are reported as such.
import { YAML11_SCHEMA, constructFromEvents, parseEvents, type Event } from 'js-yaml'
import { aliasProblem } from './aliases'
import { toGoYaml } from './goYaml'
import { MAX_DEPTH, limitMessage, type LimitError } from './limits'
import { splitStream, type Chunk } from './stream'

export interface ManifestDocument {
  /** 0-based index among non-empty documents. */
  index: number
  /** 1-based line of the document's first line in the whole text. */
  startLine: number
  value: unknown
  /** The document's text and events, for the position index (positions.ts). */
  chunk: Chunk
  events: Event[]
}

export interface ManifestSyntaxError {
  /** 1-based, in the whole text. */
  line: number
  column: number
  /** What kubectl prints after `error parsing <file>: ` (`error converting YAML to JSON: yaml: …`). */
  yaml?: string
  /** Over one of Ordinal's limits instead. */
  limit?: LimitError
  /** False when go-yaml's wording for this error is not known and js-yaml's is shown. */
  mapped: boolean
}

export interface ParseResult {
  documents: ManifestDocument[]
  /** Ends the stream: the documents before it are still read. */
  error?: ManifestSyntaxError
  /** Over Ordinal's size or document limit: no document was read. */
  refused?: boolean
}

const DEPTH_REASON = `nesting exceeded maxDepth (${MAX_DEPTH})`

export function parseManifests(text: string): ParseResult {
  const split = splitStream(text)
  if (split.limit)
    return {
      documents: [],
      refused: true,
      error: { line: split.limit.line, column: 1, limit: split.limit.error, mapped: true },
    }
  const documents: ManifestDocument[] = []
  for (const chunk of split.chunks) {
    if (!chunk.hasContent) continue
    const read = readChunk(chunk)
    if ('error' in read) return { documents, error: read.error }
    if (read.value !== null && read.value !== undefined)
      documents.push({
        index: documents.length,
        startLine: chunk.startLine,
        value: read.value,
        chunk,
        events: read.events,
      })
  }
  if (split.badSeparator) {
    const { line, rest } = split.badSeparator
    return {
      documents,
      error: { line, column: 1, yaml: `invalid Yaml document separator: ${rest}`, mapped: true },
    }
  }
  return { documents }
}

function readChunk(chunk: Chunk): { value: unknown; events: Event[] } | { error: ManifestSyntaxError } {
  const { body } = chunk
  let events: Event[]
  try {
    events = parseEvents(body, { maxDepth: MAX_DEPTH })
    const alias = aliasProblem(body, events)
    if (alias) return { error: at(chunk, positionOf(body, alias.offset), converting(alias.text), true) }
    return {
      value: constructFromEvents(events, { source: body, schema: YAML11_SCHEMA, json: true })[0],
      events,
    }
  } catch (e) {
    const mark = (e as { mark?: { line: number; column: number; position: number } }).mark
    const reason = (e as { reason?: string }).reason ?? String(e)
    const failure = { reason, line: mark?.line ?? 0, column: mark?.column ?? 0, offset: mark?.position ?? 0 }
    if (reason === DEPTH_REASON) {
      const error = at(chunk, failure, undefined, true)
      return { error: { ...error, limit: { kind: 'depth', documentLine: failure.line + 1 } } }
    }
    const go = toGoYaml(body, failure, chunk.eofLine)
    const where = go.offset === undefined ? failure : positionOf(body, go.offset)
    return { error: at(chunk, where, converting(go.text), go.mapped) }
  }
}

const converting = (text: string) => `error converting YAML to JSON: yaml: ${text}`

function at(
  chunk: Chunk,
  p: { line: number; column: number },
  yaml: string | undefined,
  mapped: boolean,
): ManifestSyntaxError {
  return { line: chunk.startLine + p.line, column: p.column + 1, ...(yaml ? { yaml } : {}), mapped }
}

function positionOf(body: string, offset: number): { line: number; column: number } {
  let line = 0
  let lineStart = 0
  for (let i = 0; i < offset && i < body.length; i++) {
    if (body[i] === '\n') {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: offset - lineStart }
}

/** kubectl's whole error line for a document that does not parse (or a text over a limit). */
export function parseErrorMessage(source: string, e: ManifestSyntaxError): string {
  if (e.limit) return limitMessage(source, e.limit)
  return `error: error parsing ${source}: ${e.yaml ?? ''}`
}
