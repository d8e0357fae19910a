// Owner: React. Every problem with the text, as a list under the editor: kubectl's errors and
// warnings and (once Monaco runs) the schema's, each with an icon and a word (never colour
// alone) and its position; choosing one moves the caret there. A huge paste lists the first
// SHOWN problems (the count and the editor's markers cover the rest). Messages are text nodes:
// names with markup in them are shown, never interpreted.
import type { Problem } from '../../editor/markers'

const SHOWN = 200

const ICON = { error: '✖', warning: '▲', info: 'ℹ' } as const
const WORD = { error: 'Error', warning: 'Warning', info: 'Note' } as const

export function ProblemList({
  problems,
  checking = false,
  onPick,
}: {
  problems: readonly Problem[]
  /** The text changed since these problems were found (a large paste takes a moment to check). */
  checking?: boolean
  onPick(p: Problem): void
}) {
  const errors = problems.filter((p) => p.severity === 'error').length
  const warnings = problems.filter((p) => p.severity === 'warning').length
  const summary =
    problems.length === 0
      ? 'No problems'
      : [
          errors && `${errors} error${errors > 1 ? 's' : ''}`,
          warnings && `${warnings} warning${warnings > 1 ? 's' : ''}`,
        ]
          .filter(Boolean)
          .join(', ')
  return (
    <section className="ed-section ed-problems" aria-label="Problems">
      <h2 className="ed-heading">
        Problems <span className="ed-count">{summary}</span>
        {checking && <span className="ed-count"> · checking…</span>}
      </h2>
      {problems.length > 0 && (
        <ul>
          {problems.slice(0, SHOWN).map((p, i) => (
            <li key={`${p.line}:${p.column}:${i}`} data-severity={p.severity} data-source={p.source}>
              <button type="button" onClick={() => onPick(p)}>
                <span className="ed-sev" aria-hidden="true">
                  {ICON[p.severity]}
                </span>
                <span className="ed-where">
                  {WORD[p.severity]} · Ln {p.line}, Col {p.column}
                  {p.source === 'schema' ? ' · schema' : ''}
                </span>
                <span className="ed-msg">{p.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {problems.length > SHOWN && (
        <p className="ed-hint">… and {problems.length - SHOWN} more, marked in the editor.</p>
      )}
    </section>
  )
}
