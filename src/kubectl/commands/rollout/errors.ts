// cmdutil.CheckErr for the errors a command collects while it visits several objects
// (utilerrors.NewAggregate): one error prints as `error: …`, several print one per line,
// each in its standard form and without an added `error: ` prefix.
import { StatusError } from '../../../sim/api/errors'
import type { KubectlEnv } from '../../env'
import { errorText } from '../../printErrors'

/** The text CheckErr prints for `errors` (empty for none), ending in a newline. */
export function aggregateText(errors: readonly unknown[]): string {
  if (errors.length === 0) return ''
  if (errors.length === 1) {
    const e = errors[0]
    if (e instanceof StatusError) return errorText(e) + '\n'
    const msg = messageOf(e)
    return (msg.startsWith('error: ') ? msg : `error: ${msg}`).replace(/\n?$/, '\n')
  }
  return errors.map((e) => (e instanceof StatusError ? errorText(e) : messageOf(e)) + '\n').join('')
}

/** Prints the aggregate on stderr and returns the exit code. */
export function finish(env: KubectlEnv, errors: readonly unknown[]): number {
  const text = aggregateText(errors)
  if (text) env.err(text)
  return text ? 1 : 0
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}
