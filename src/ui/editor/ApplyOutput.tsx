// Owner: React. What the last Apply printed, as kubectl prints it (`service/nginx created`, or
// the errors), under the command it ran.
import { useTranslation } from 'react-i18next'
import { EDITOR_SOURCE } from '../../manifest/validate'
import { useApp } from '../../state/store'

export function ApplyOutput() {
  const result = useApp((s) => s.lastApply)
  const { t } = useTranslation()
  return (
    <section className="ed-section ed-output" aria-label={t('editor.output.label')}>
      <h2 className="ed-heading">
        {t('editor.output.heading')}
        {result && (
          <span className="ed-count">
            {result.exitCode === 0
              ? t('editor.output.applied')
              : t('editor.output.exitCode', { code: result.exitCode })}
          </span>
        )}
      </h2>
      <output className="ed-terminal" aria-live="polite">
        {result ? (
          <>
            <span className="ed-cmd">$ kubectl apply -f {EDITOR_SOURCE}</span>
            {result.stdout && <span className="ed-out">{result.stdout}</span>}
            {result.stderr && <span className="ed-err">{result.stderr}</span>}
          </>
        ) : (
          <span className="ed-hint">{t('editor.output.hint')}</span>
        )}
      </output>
    </section>
  )
}
