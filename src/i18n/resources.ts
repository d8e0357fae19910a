// Every namespace's messages. English is bundled with the page (it is the fallback and the shape
// the types check against); another language is a chunk of its own, loaded when it is needed.
import { ui } from './locales/en/ui'
import { share } from './locales/en/share'
import { lessons } from './locales/en/lessons'
import type { SameKeys } from './messages'

export const EN = { ui, share, lessons } as const

/** A translation: every namespace with English's keys, so a missing key is a compile error. */
export type Messages = SameKeys<typeof EN>
