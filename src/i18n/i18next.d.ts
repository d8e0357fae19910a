// Typed keys for t(): i18next checks every key against the English messages.
import 'i18next'
import type { EN } from './resources'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'ui'
    resources: typeof EN
    returnNull: false
  }
}
