// The page's languages: English and Simplified Chinese (i18next). The language is the link's
// (`?lang=`, for that visit), else the one the learner chose last, else the browser's, else
// English; switching re-renders React and redraws the canvas (React gets this instance through
// I18nextProvider in main.tsx; this module stays free of React and the DOM so the canvas's view
// models and their Node tests can use it). Kubernetes terms and kubectl output are never
// translated: they stay as Kubernetes prints them. English ships with the page; Chinese is a chunk
// of its own, loaded before the page speaks it.
import i18next from 'i18next'
import { EN, type Messages } from './resources'

export const LANGUAGES = ['en', 'zh-CN'] as const
export type Language = (typeof LANGUAGES)[number]

/** A text written in every language (lesson text sits beside its translation). */
export type Localized = Readonly<Record<Language, string>>

/** Names of the languages in themselves, for the switcher. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', 'zh-CN': '简体中文' }

const STORAGE_KEY = 'ordinal.language'

/** The learner's stored choice first, then the browser's preferences; Chinese variants map to zh-CN. */
export function detectLanguage(stored: string | null | undefined, preferred: readonly string[]): Language {
  if (stored && (LANGUAGES as readonly string[]).includes(stored)) return stored as Language
  for (const tag of preferred) {
    const lower = tag.toLowerCase()
    if (lower.startsWith('zh')) return 'zh-CN'
    if (lower.startsWith('en')) return 'en'
  }
  return 'en'
}

interface BrowserGlobals {
  localStorage?: { getItem(key: string): string | null; setItem(key: string, value: string): void }
  navigator?: { languages?: readonly string[]; language?: string }
  location?: { href: string }
}
const browser = globalThis as BrowserGlobals

function storedLanguage(): string | null {
  try {
    return browser.localStorage?.getItem(STORAGE_KEY) ?? null
  } catch {
    return null // storage disabled
  }
}

function browserLanguages(): readonly string[] {
  const nav = browser.navigator
  return nav?.languages ?? (nav?.language ? [nav.language] : [])
}

/** The language a link asks for (`?lang=`): shown for that visit, never remembered. */
function linkedLanguage(): Language | undefined {
  try {
    const lang = new URL(browser.location?.href ?? '').searchParams.get('lang')
    return (LANGUAGES as readonly string[]).includes(lang ?? '') ? (lang as Language) : undefined
  } catch {
    return undefined // no address (Node) or not a URL
  }
}

/** Every language but English, each a chunk loaded on first use. */
const TRANSLATIONS: Readonly<Record<Exclude<Language, 'en'>, () => Promise<Messages>>> = {
  'zh-CN': () => import('./locales/zh-CN').then((m) => m.zhCN),
}

const initial = linkedLanguage() ?? detectLanguage(storedLanguage(), browserLanguages())

export const i18n = i18next.createInstance()
void i18n.init({
  resources: { en: EN },
  lng: initial,
  fallbackLng: 'en',
  defaultNS: 'ui',
  ns: Object.keys(EN),
  // React escapes text itself; the canvas sets textContent. Nothing is ever parsed as HTML.
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
})

/** Loads `lang`'s messages unless they are there (English always is). */
async function loadLanguage(lang: Language): Promise<void> {
  if (lang === 'en' || i18n.hasResourceBundle(lang, 'ui')) return
  const messages = await TRANSLATIONS[lang]()
  for (const [ns, bundle] of Object.entries(messages)) i18n.addResourceBundle(lang, ns, bundle)
}

// Top-level await: every module that words something (start-up notices, the launch's problems, the
// first render) imports this one, so none runs before the page's language is loaded.
await loadLanguage(initial)
markDocument(initial)

export function currentLanguage(): Language {
  const lang = i18n.language
  return (LANGUAGES as readonly string[]).includes(lang) ? (lang as Language) : 'en'
}

/** Switches the page's language once its messages are loaded, and remembers the choice. */
export async function setLanguage(lang: Language): Promise<void> {
  await loadLanguage(lang)
  await i18n.changeLanguage(lang)
  markDocument(lang)
  try {
    browser.localStorage?.setItem(STORAGE_KEY, lang)
  } catch {
    // storage disabled or full: the choice lasts for this visit
  }
}

/** Calls `listener` after every language change. Returns an unsubscribe function. */
export function onLanguageChange(listener: (lang: Language) => void): () => void {
  const handler = () => listener(currentLanguage())
  i18n.on('languageChanged', handler)
  return () => i18n.off('languageChanged', handler)
}

/** `<html lang>` follows the language (screen readers, fonts); typed loosely: compiled for Node too. */
function markDocument(lang: Language): void {
  const page = globalThis as { document?: { documentElement: { lang: string } } }
  if (page.document) page.document.documentElement.lang = lang
}

/** A localized text in the given (default: current) language. */
export function localize(text: Localized, lang: Language = currentLanguage()): string {
  return text[lang]
}

/** Translation outside React (the canvas, narration): `t('ui:key')` or a key of the default namespace. */
export const t = i18n.t.bind(i18n)
