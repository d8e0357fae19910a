// Splits a YAML stream into documents and parses each, the way kubectl's YAML reader does:
// documents are separated by `---` lines and decoded one at a time, so a broken document stops
// the stream there while the ones before it still apply. Errors carry the line and column in the
// whole text (for the editor) and in the document (for kubectl's `yaml: line N:` message).
import { YAML11_SCHEMA, load } from 'js-yaml'

export interface ManifestDocument {
  /** 0-based index among non-empty documents. */
  index: number
  /** 1-based line of the document's first line in the whole text. */
  startLine: number
  value: unknown
}

export interface ManifestSyntaxError {
  /** 1-based, in the whole text. */
  line: number
  column: number
  /** 1-based line within the document, as go-yaml reports it. */
  documentLine: number
  reason: string
}

export interface ParseResult {
  documents: ManifestDocument[]
  error?: ManifestSyntaxError
}

export function parseManifests(text: string): ParseResult {
  const documents: ManifestDocument[] = []
  const lines = text.split(/\r?\n/)
  let chunk: string[] = []
  let chunkStart = 1
  const flush = (): ManifestSyntaxError | undefined => {
    const body = chunk.join('\n')
    chunk = []
    if (!body.trim() || body.split('\n').every((l) => /^\s*(#.*)?$/.test(l))) return undefined
    try {
      const value = load(body, { schema: YAML11_SCHEMA })
      if (value !== null && value !== undefined)
        documents.push({ index: documents.length, startLine: chunkStart, value })
      return undefined
    } catch (e) {
      const mark = (e as { mark?: { line: number; column: number }; reason?: string }).mark
      const reason = (e as { reason?: string }).reason ?? String(e)
      const docLine = (mark?.line ?? 0) + 1
      return {
        line: chunkStart + docLine - 1,
        column: (mark?.column ?? 0) + 1,
        documentLine: docLine,
        reason,
      }
    }
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (/^---(\s.*)?$/.test(line)) {
      const error = flush()
      if (error) return { documents, error }
      chunkStart = i + 2
      continue
    }
    chunk.push(line)
  }
  const error = flush()
  return error ? { documents, error } : { documents }
}

/** kubectl's wording for a document that does not parse. */
export function yamlErrorMessage(source: string, e: ManifestSyntaxError): string {
  return `error parsing ${source}: error converting YAML to JSON: yaml: line ${e.documentLine}: ${e.reason}`
}
