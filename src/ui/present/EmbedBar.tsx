// Embed mode's only chrome: the name, the language, and a link that opens the full app in a new tab.
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from '../LanguageSwitch'

/** The page's own address without `embed`, so the full app opens on the same lesson or link. */
function fullAppUrl(): string {
  const url = new URL(location.href)
  url.searchParams.delete('embed')
  return url.toString()
}

export function EmbedBar() {
  const { t } = useTranslation('lessons')
  return (
    <div className="embed-bar" data-testid="embed-bar">
      <a href={fullAppUrl()} target="_blank" rel="noopener noreferrer" className="embed-brand">
        <span className="brand-mark" aria-hidden="true">
          <span>0</span>
          <span>1</span>
          <span>2</span>
        </span>
        Ordinal <span aria-hidden="true">↗</span>
        <span className="visually-hidden"> ({t('openFull')})</span>
      </a>
      <LanguageSwitch />
    </div>
  )
}
