// cmdutil.GetDryRunStrategy and PrintFlagsWithDryRunStrategy: `--dry-run=none|client|server`
// and the suffix the name printer adds to the operation.
import { KubectlError } from '../../env'

export type DryRunStrategy = 'none' | 'client' | 'server'

export function dryRunStrategy(value: string | undefined): DryRunStrategy {
  if (value === undefined || value === 'none') return 'none'
  if (value === 'client' || value === 'server') return value
  throw new KubectlError(`Invalid dry-run value (${value}). Must be "none", "server", or "client".`)
}

/** `rolled back` → `rolled back (dry run)` / `rolled back (server dry run)`. */
export function withDryRun(operation: string, strategy: DryRunStrategy): string {
  if (strategy === 'client') return `${operation} (dry run)`
  if (strategy === 'server') return `${operation} (server dry run)`
  return operation
}
