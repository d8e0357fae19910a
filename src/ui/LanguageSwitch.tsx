// The header's language picker: each language is named in itself, so a learner who cannot read the
// current language still finds their own.
import { useTranslation } from 'react-i18next'
import { LANGUAGE_NAMES, LANGUAGES, setLanguage, type Language } from '../i18n/i18n'
import { useLanguage } from './useLanguage'

export function LanguageSwitch() {
  const { t } = useTranslation()
  const language = useLanguage()
  return (
    <select
      className="control language-switch"
      data-testid="language-switch"
      aria-label={t('language.label')}
      value={language}
      onChange={(e) => void setLanguage(e.target.value as Language)}
    >
      {LANGUAGES.map((lang) => (
        <option key={lang} value={lang} lang={lang}>
          {LANGUAGE_NAMES[lang]}
        </option>
      ))}
    </select>
  )
}
