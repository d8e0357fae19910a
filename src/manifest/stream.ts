// A YAML stream cut into documents the way kubectl's reader does (apimachinery's YAMLReader): a
// line starting with `---` ends a document and belongs to neither; anything but spaces or a
// comment after the `---` is an error that ends the stream there. Chunks without content (blank
// lines and comments only) parse to nothing, as kubectl skips them. Ordinal's size and document
// limits are checked here, before anything is parsed.
import { MAX_DOCUMENTS, MAX_MANIFEST_BYTES, utf8Length, type LimitError } from './limits'

export interface Chunk {
  /** 1-based line of the chunk's first line in the whole text. */
  startLine: number
  /** The chunk's lines joined with \n. */
  body: string
  /** 0-based line at which go-yaml meets the end of this chunk (kubectl's chunk keeps its last newline). */
  eofLine: number
  /** It has something besides blank lines and comments. */
  hasContent: boolean
}

export interface SplitStream {
  /** The chunks up to the end of the text or to a bad separator, empty ones included. */
  chunks: Chunk[]
  /** A `---` line kubectl refuses (`--- foo`): the stream ends there. */
  badSeparator?: { line: number; rest: string }
  /** Over Ordinal's size or document limit: nothing is parsed or applied. */
  limit?: { error: LimitError; line: number }
}

const BLANK = /^\s*(#.*)?$/
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/**
 * A lone surrogate (text that was never valid UTF-16) becomes U+FFFD, as Go's JSON encoding turns
 * invalid UTF-8 into it on the way to the API server: kubectl's reader lets such bytes through.
 */
export function withoutLoneSurrogates(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD')
}

export function splitStream(raw: string): SplitStream {
  const text = withoutLoneSurrogates(raw)
  // Any text longer than the limit in UTF-16 units is over it in bytes too: no need to measure it.
  const bytes = text.length > MAX_MANIFEST_BYTES ? text.length : utf8Length(text)
  if (bytes > MAX_MANIFEST_BYTES) return { chunks: [], limit: { error: { kind: 'size', bytes }, line: 1 } }
  const lines = text.split(/\r?\n/)
  const bounds: { start: number; end: number; hasContent: boolean }[] = []
  let start = 0
  let hasContent = false
  for (let i = 0; i <= lines.length; i++) {
    const line = lines[i]
    if (line !== undefined && !line.startsWith('---')) {
      hasContent ||= !BLANK.test(line)
      continue
    }
    bounds.push({ start, end: i, hasContent })
    start = i + 1
    hasContent = false
  }
  const withContent = bounds.filter((b) => b.hasContent)
  if (withContent.length > MAX_DOCUMENTS) {
    const line = withContent[MAX_DOCUMENTS]!.start + 1
    return { chunks: [], limit: { error: { kind: 'documents', documents: withContent.length }, line } }
  }
  const chunks: Chunk[] = []
  for (const b of bounds) {
    const last = b.end === lines.length
    chunks.push({
      startLine: b.start + 1,
      body: lines.slice(b.start, b.end).join('\n'),
      eofLine: last ? b.end - b.start - 1 : b.end - b.start,
      hasContent: b.hasContent,
    })
    if (last) break
    const rest = lines[b.end]!.slice(3).trim()
    if (rest && !rest.startsWith('#')) return { chunks, badSeparator: { line: b.end + 1, rest } }
  }
  return { chunks }
}
