// Every namespace's messages, per language. Each namespace file exports `{ en, 'zh-CN' }` where
// zh-CN is typed by en's shape, so a missing translation is a compile error.
import { ui } from './locales/ui'
import { share } from './locales/share'
import { lessons } from './locales/lessons'

export const RESOURCES = {
  en: { ui: ui.en, share: share.en, lessons: lessons.en },
  'zh-CN': { ui: ui['zh-CN'], share: share['zh-CN'], lessons: lessons['zh-CN'] },
} as const
