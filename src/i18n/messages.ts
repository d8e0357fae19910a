// The shape every translation follows: the same keys as the English messages.

/** The same keys as T, every value a string (nested objects allowed). */
export type SameKeys<T> = { readonly [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> }
