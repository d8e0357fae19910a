// Diagnostics for the editor: every error `kubectl apply -f` would print for the text, with
// kubectl's own wording, placed at the line and column of what it is about — YAML syntax errors,
// missing kind/apiVersion, unknown kinds, Ordinal's limits, and the API server's decoding,
// defaulting and validation run on each object — plus warnings kubectl does not give: StatefulSet
// mistakes the API server accepts (warnings.ts) and keys written twice. Pure: the same text and
// cluster always give the same list. Computed with the preview in one pass by check.ts.
import { checkManifests } from './check'
import type { ClusterView } from './cluster'

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

export { EDITOR_SOURCE } from './check'

/** Every diagnostic for `text`, in text order (errors before warnings on the same line). */
export function validateManifests(text: string, options: CheckOptions = {}): Diagnostic[] {
  return checkManifests(text, options).diagnostics
}
