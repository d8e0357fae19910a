export type * from './meta'
export type * from './core'
export type * from './apps'
export type * from './storage'
