// How kubectl prints what went wrong (cmdutil.CheckErr / StandardErrorMessage): server errors as
// `Error from server (Reason): …`, Invalid as `The Kind "name" is invalid: …`, flag errors with
// the usage hint, client errors as `error: …`.
import { StatusError, fieldErrorText } from '../sim/api/errors'
import { FlagError } from './flags'
import { KubectlError, UsageError } from './env'

/** The text kubectl prints for `e` (without a trailing newline). `source` adds `error when <verb> "<file>": `. */
export function errorText(e: unknown, verb?: string, context?: { action: string; source: string }): string {
  if (e instanceof FlagError)
    return `error: ${e.message}\nSee 'kubectl ${verb ?? ''} --help' for usage.`.replace(
      'kubectl  --help',
      'kubectl --help',
    )
  if (e instanceof StatusError) {
    if (e.reason === 'Invalid' && (e.details.kind || e.details.causes?.length)) {
      const causes = [...new Set((e.details.causes ?? []).map(fieldErrorText))]
      // checkErr: an error naming no kind and no object (a patch's) is "The request is invalid".
      const head =
        e.details.kind || e.details.name
          ? `The ${e.details.kind} "${e.details.name ?? ''}" is invalid: `
          : 'The request is invalid: '
      return causes.length === 1 ? head + causes[0] : head + '\n' + causes.map((c) => `* ${c}`).join('\n')
    }
    if (e.reason === 'BadRequest' && e.details.kind === 'JsonPatch') return e.message
    const prefix = context ? `error when ${context.action} "${context.source}": ` : ''
    return `Error from server (${e.reason}): ${prefix}${e.message}`
  }
  if (e instanceof KubectlError) return `error: ${e.message}`
  if (e instanceof UsageError)
    return `error: ${e.message}\nSee 'kubectl ${verb ?? ''} -h' for help and examples`
  return `error: ${e instanceof Error ? e.message : String(e)}`
}
