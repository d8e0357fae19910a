// Editor diagnostics (src/manifest/validate.ts) as Monaco markers, and Monaco's markers (ours and
// monaco-yaml's schema markers) back as plain problems for the panel's list.
import type { editor } from 'monaco-editor/esm/vs/editor/editor.api'
import type { Diagnostic, Severity } from '../manifest/validate'

/** Marker owner for kubectl's diagnostics (monaco-yaml's are owned by `yaml`). */
export const KUBECTL_OWNER = 'kubectl'

/** monaco.MarkerSeverity, whose values are fixed by Monaco's API. */
const SEVERITY: Record<Severity, number> = { error: 8, warning: 4, info: 2 }

export interface Problem extends Diagnostic {
  /** `kubectl` for what kubectl would print, `schema` for the Kubernetes schema's checks. */
  source: 'kubectl' | 'schema'
}

export function toMarkers(diagnostics: readonly Diagnostic[]): editor.IMarkerData[] {
  return diagnostics.map((d) => ({
    severity: SEVERITY[d.severity],
    message: d.message,
    source: 'kubectl',
    startLineNumber: d.line,
    startColumn: d.column,
    endLineNumber: d.endLine ?? d.line,
    endColumn: d.endColumn ?? d.column + 1,
  }))
}

export function toProblems(markers: readonly editor.IMarker[]): Problem[] {
  return markers
    .map((m): Problem => ({
      line: m.startLineNumber,
      column: m.startColumn,
      endLine: m.endLineNumber,
      endColumn: m.endColumn,
      severity: m.severity >= 8 ? 'error' : m.severity >= 4 ? 'warning' : 'info',
      message: m.message,
      source: m.owner === KUBECTL_OWNER ? 'kubectl' : 'schema',
    }))
    .sort((a, b) => a.line - b.line || a.column - b.column)
}
