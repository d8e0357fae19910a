// The shape every namespace file follows: English messages, and a translation with the same keys.

/** The same keys as T, every value a string (nested objects allowed). */
export type SameKeys<T> = { readonly [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> }

export interface Namespace<T> {
  readonly en: T
  readonly 'zh-CN': SameKeys<T>
}
