// genericclioptions.PrintFlags for the rollout and set commands: no -o prints the name printer's
// `<kind>/<name> <operation>`, `-o name` just the name, the other formats the object itself.
import type { KubeObject } from '../../../sim/model'
import { KubectlError } from '../../env'
import { printOutput, resourceName } from '../../printers/output'

const ALLOWED = [
  'go-template',
  'go-template-file',
  'json',
  'jsonpath',
  'jsonpath-as-json',
  'jsonpath-file',
  'name',
  'template',
  'templatefile',
  'yaml',
]

/** PrintFlags.ToPrinter's check: throws kubectl's error for a format it has no printer for. */
export function checkOutput(output: string | undefined): void {
  if (output === undefined || output === '') return
  if (ALLOWED.includes(output.split('=')[0]!)) return
  throw new KubectlError(
    `unable to match a printer suitable for the output format "${output}", allowed formats are: ${ALLOWED.join(',')}`,
  )
}

/** What the command's printer writes for `obj` after `operation` succeeded. */
export function printedObject(
  obj: KubeObject,
  output: string | undefined,
  operation: string,
  readFile?: (path: string) => string | undefined,
): string {
  if (output === undefined || output === '') return `${resourceName(obj)} ${operation}\n`
  const r = printOutput([obj], { output, singleItem: true, ...(readFile ? { readFile } : {}) })
  if (r.exitCode !== 0) throw new KubectlError(r.stderr.replace(/^error: /, '').replace(/\n$/, ''))
  return r.stdout
}
