// The header's switch into presenter mode, and the way out once in it.
import { useTranslation } from 'react-i18next'
import { usePageMode } from './pageMode'

export function PresenterToggle() {
  const { t } = useTranslation('lessons')
  const present = usePageMode((s) => s.present)
  const setPresent = usePageMode((s) => s.setPresent)
  return (
    <button
      type="button"
      className="control presenter-toggle"
      aria-pressed={present}
      onClick={() => setPresent(!present)}
      data-testid="presenter-toggle"
    >
      {present ? t('presenterExit') : t('presenter')}
    </button>
  )
}

/** The blanked screen: black, with one quiet line on how to bring the picture back. */
export function BlankScreen() {
  const { t } = useTranslation('lessons')
  const blank = usePageMode((s) => s.blank)
  if (!blank) return null
  return (
    <div className="presenter-blank" data-testid="presenter-blank">
      <p>{t('blanked')}</p>
    </div>
  )
}
