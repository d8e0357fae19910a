// kubectl annotate (pkg/cmd/annotate/annotate.go): `TYPE NAME KEY=VAL … KEY-`, printing
// `<kind>/<name> annotated` for every object, changed or not. Values may be anything (ParsePairs
// splits at the first `=`); the API server checks keys and the total size.
import type { CommandOutcome, KubectlEnv } from '../env'
import { KubectlError } from '../env'
import { parseFlags } from '../flags'
import { dryRunStrategy } from './rollout/dryRun'
import { checkOutput } from './rollout/printFlags'
import { resourcesAndPairs } from './set/pairs'
import { METADATA_FLAGS, runMetadataEdit, validateMetadataArgs } from './metadataEdit'

/** polymorphichelpers.ChangeCauseAnnotation, which --overwrite never guards. */
const CHANGE_CAUSE = 'kubernetes.io/change-cause'

export function annotate(argv: string[], env: KubectlEnv): CommandOutcome {
  const { flags, args } = parseFlags(argv, METADATA_FLAGS)
  // ToOptions, in kubectl's order.
  const dryRun = dryRunStrategy(flags['dry-run'] as string)
  const { resources, pairs } = resourcesAndPairs(args, 'annotation')
  const { add, remove } = parseAnnotationPairs(pairs)
  const output = flags.output as string | undefined
  validateMetadataArgs(flags, resources, add.size + remove.length, 'annotation')
  const both = remove.filter((k) => add.has(k))
  if (both.length)
    throw new KubectlError(
      `can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`,
    )
  checkOutput(output)

  const overwrite = !!flags.overwrite
  return runMetadataEdit(
    {
      field: 'annotations',
      removals: remove,
      change: (current) => {
        if (!overwrite) {
          // validateNoAnnotationOverwrites: one error naming every clashing key.
          const clashes = [...add]
            .filter(([k, v]) => k !== CHANGE_CAUSE && k in current && current[k] !== v)
            .map(([k]) => `'${k}' already has a value (${current[k]})`)
          if (clashes.length)
            throw new KubectlError(
              `--overwrite is false but found the following declared annotation(s): ${clashes.join('; ')}`,
            )
        }
        for (const [k, v] of add) current[k] = v
        for (const k of remove) delete current[k]
        return current
      },
      operation: () => 'annotated',
      printsLocalCopy: false,
    },
    { resources, flags, dryRun },
    env,
  )
}

/** cmdutil.ParsePairs(…, "annotation", true): `k=v` split at the first `=`, `k-` to remove. */
export function parseAnnotationPairs(pairs: string[]): { add: Map<string, string>; remove: string[] } {
  const add = new Map<string, string>()
  const remove: string[] = []
  const invalid: string[] = []
  for (const p of pairs) {
    if (p.includes('=') && p[0] !== '=') {
      const eq = p.indexOf('=')
      add.set(p.slice(0, eq), p.slice(eq + 1))
    } else if (p.endsWith('-') && p !== '-') remove.push(p.slice(0, -1))
    else invalid.push(p)
  }
  if (invalid.length) throw new KubectlError(`invalid annotation format: ${invalid.join(', ')}`)
  return { add, remove }
}
