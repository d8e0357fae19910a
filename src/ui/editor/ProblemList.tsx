// Owner: React. Every problem with the text, as a list under the editor: kubectl's errors and
// warnings and (once Monaco runs) the schema's, each with an icon and a word (never colour
// alone) and its position; choosing one moves the caret there. A huge paste lists the first
// SHOWN problems (the count and the editor's markers cover the rest). Messages are text nodes:
// names with markup in them are shown, never interpreted.
import { useTranslation } from 'react-i18next'
import type { Problem } from '../../editor/markers'

const SHOWN = 200

const ICON = { error: '✖', warning: '▲', info: 'ℹ' } as const
const WORD = {
  error: 'editor.problems.error',
  warning: 'editor.problems.warning',
  info: 'editor.problems.info',
} as const

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
  const { t } = useTranslation()
  const errors = problems.filter((p) => p.severity === 'error').length
  const warnings = problems.filter((p) => p.severity === 'warning').length
  const summary =
    problems.length === 0
      ? t('editor.problems.none')
      : [
          errors && t('editor.problems.errors', { count: errors }),
          warnings && t('editor.problems.warnings', { count: warnings }),
        ]
          .filter(Boolean)
          .join(t('common.listSep'))
  return (
    <section className="ed-section ed-problems" aria-label={t('editor.problems.heading')}>
      <h2 className="ed-heading">
        {t('editor.problems.heading')} <span className="ed-count">{summary}</span>
        {checking && <span className="ed-count"> · {t('editor.problems.checking')}</span>}
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
                  {t('editor.problems.where', {
                    severity: t(WORD[p.severity]),
                    line: p.line,
                    column: p.column,
                  })}
                  {p.source === 'schema' ? ` · ${t('editor.problems.schema')}` : ''}
                </span>
                <span className="ed-msg">{p.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {problems.length > SHOWN && (
        <p className="ed-hint">{t('editor.problems.more', { count: problems.length - SHOWN })}</p>
      )}
    </section>
  )
}
