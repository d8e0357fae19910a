// Ordinal's own limits on what `kubectl apply -f` (and the editor's checks) will read, stated in
// the README's "Limits" section. kubectl has none of them: each message says it is Ordinal's, and
// a text over a limit is refused whole, before anything is parsed or applied. go-yaml's own limits
// (excessive aliasing, 10,000 nesting levels) are kubectl's and are reported in its words.

/** Bytes (UTF-8) of manifest text read by one apply. The API server refuses requests over 3 MiB. */
export const MAX_MANIFEST_BYTES = 1024 * 1024

/** `---`-separated documents with content in one apply. */
export const MAX_DOCUMENTS = 1000

/** Nesting of YAML collections; deeper documents are refused (kubectl's go-yaml allows 10,000). */
export const MAX_DEPTH = 100

export type LimitError =
  | { kind: 'size'; bytes: number }
  | { kind: 'documents'; documents: number }
  | { kind: 'depth'; documentLine: number }

const WHERE = 'see "Limits" in the README'

/** The message for a text over one of Ordinal's limits, worded like kubectl's errors. */
export function limitMessage(source: string, limit: LimitError): string {
  switch (limit.kind) {
    case 'size':
      return `error: ${source} is ${megabytes(limit.bytes)}: Ordinal applies at most ${megabytes(MAX_MANIFEST_BYTES)} of manifests at a time (${WHERE}); nothing is applied`
    case 'documents':
      return `error: ${source} has ${limit.documents} documents: Ordinal applies at most ${MAX_DOCUMENTS} at a time (${WHERE}); nothing is applied`
    case 'depth':
      return `error: error parsing ${source}: line ${limit.documentLine}: collections nested more than ${MAX_DEPTH} deep: Ordinal's limit (${WHERE}; kubectl allows 10000)`
  }
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024)
  return `${mb >= 10 || Number.isInteger(mb) ? mb.toFixed(0) : mb.toFixed(1)} MB`
}

/** UTF-8 length of `text` (a lone surrogate counts as the 3 bytes WTF-8 would give it). */
export function utf8Length(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4
      i++
    } else n += 3
  }
  return n
}
