// Every namespace in Simplified Chinese: one chunk, loaded by i18n.ts when the page needs it.
import type { Messages } from '../../resources'
import { ui } from './ui'
import { share } from './share'
import { lessons } from './lessons'

export const zhCN: Messages = { ui, share, lessons }
