// The contract between the editor panel and the two editors it can show (Monaco, or the plain
// textarea that stands in until Monaco has loaded).
import type { RefObject } from 'react'
import type { Diagnostic } from '../../manifest/validate'
import type { Problem } from '../../editor/markers'

/** What the panel can ask of whichever editor is showing (Monaco, or the plain fallback). */
export interface EditorHandle {
  /** Moves the caret to a position, scrolls it into view and focuses the editor. */
  reveal(line: number, column: number): void
}

export interface YamlEditorProps {
  value: string
  onChange(text: string): void
  /** Ctrl/Cmd+Enter. */
  onApply(): void
  diagnostics: readonly Diagnostic[]
  /** Every marker on the text (kubectl's and the schema's), whenever they change. */
  onProblems?(problems: Problem[]): void
  handle: RefObject<EditorHandle | null>
}
