// Diagnostics for the editor: every error `kubectl apply -f` would print for the text, with
// kubectl's own wording, placed at the line and column of what it is about — YAML syntax errors,
// missing kind/apiVersion, unknown kinds, and the API server's decoding, defaulting and
// validation run on each object — plus StatefulSet warnings the API server does not give
// (see warnings.ts). Pure: the same text and cluster always give the same list.
import { checkOnServer } from './admission'
import { ClusterIndex, type ClusterView } from './cluster'
import { loadDocuments, type LoadedObject } from './documents'
import { firstLine, locateField, type SourceRange } from './positions'
import { objectWarnings } from './warnings'

export type Severity = 'error' | 'warning' | 'info'

export interface Diagnostic {
  /** 1-based, in the whole text. */
  line: number
  column: number
  endLine?: number
  endColumn?: number
  severity: Severity
  message: string
}

export interface CheckOptions {
  /** The file name kubectl reports (the store applies the editor as `editor.yaml`). */
  source?: string
  /** The live cluster; a fresh one when absent. */
  cluster?: ClusterView
}

export const EDITOR_SOURCE = 'editor.yaml'

/** Every diagnostic for `text`, in text order (errors before warnings on the same line). */
export function validateManifests(text: string, options: CheckOptions = {}): Diagnostic[] {
  const source = options.source ?? EDITOR_SOURCE
  const loaded = loadDocuments(text, source)
  const items = loaded.objects.flatMap((o) => (o.item ? [o.item.object] : []))
  const cluster = new ClusterIndex(options.cluster, items)
  const out: Diagnostic[] = []
  for (const o of loaded.objects) {
    if (o.error) {
      out.push(at(o, o.error.path, 'error', o.error.message))
      continue
    }
    const item = o.item!
    for (const f of checkOnServer(item, cluster, source).failures) out.push(at(o, f.path, 'error', f.message))
    for (const w of objectWarnings(item.object, cluster)) out.push(at(o, w.path, 'warning', w.message))
  }
  if (loaded.syntaxError)
    out.push({ ...loaded.syntaxError.range, severity: 'error', message: loaded.syntaxError.message })
  // kubectl prints a repeated cause once.
  const seen = new Set<string>()
  const unique = out.filter((d) => {
    const k = `${d.line}:${d.column}:${d.message}`
    return !seen.has(k) && !!seen.add(k)
  })
  return unique.sort((a, b) => a.line - b.line || a.column - b.column || rank(a) - rank(b))
}

const rank = (d: Diagnostic) => (d.severity === 'error' ? 0 : d.severity === 'warning' ? 1 : 2)

function at(o: LoadedObject, path: string, severity: Severity, message: string): Diagnostic {
  const range: SourceRange = path || o.prefix ? locateField(o.doc, o.prefix + path) : firstLine(o.doc)
  return { ...range, severity, message }
}
