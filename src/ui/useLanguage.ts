// The current language for React components: re-renders them when the learner switches.
import { useTranslation } from 'react-i18next'
import { LANGUAGES, type Language } from '../i18n/i18n'

export function useLanguage(): Language {
  const { i18n } = useTranslation()
  return (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'en'
}
