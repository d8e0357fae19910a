// metav1.TableColumnDefinition and the per-kind row generators of printers.go (printPod, printService…).
import type { KubeObject } from '../../../sim/model'

export interface ColumnDefinition {
  /** As printers.go spells it ("Access Modes"); the table printer upper-cases it for the header. */
  readonly name: string
  /** 0 = always shown; 1 = only with `-o wide` (the server's Priority). */
  readonly priority?: number
  /** 'name' marks the column `kubectl get` prefixes with `kind/` (decorateTable). */
  readonly format?: 'name'
}

/**
 * A kind's server-side table. `row` always returns every cell, wide ones included, as the API
 * server does; the client hides priority ≠ 0 columns unless `-o wide`.
 */
export interface TableHandler {
  readonly columns: readonly ColumnDefinition[]
  row(obj: KubeObject, nowMs: number): string[]
}

export const NAME: ColumnDefinition = { name: 'Name', format: 'name' }
export const AGE: ColumnDefinition = { name: 'Age' }
