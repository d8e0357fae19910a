// kubectl label (pkg/cmd/label/label.go): `TYPE NAME KEY=VAL … KEY-`, printing `pod/web-0 labeled`,
// `unlabeled`, `not labeled` or `label(s) changed`. Keys are checked by the API server; values here,
// as parseLabels does. Without --overwrite a key that already has another value is an error.
import { isValidLabelValue } from '../../sim/api/validation/names'
import type { CommandOutcome, KubectlEnv } from '../env'
import { KubectlError } from '../env'
import { parseFlags } from '../flags'
import { dryRunStrategy } from './rollout/dryRun'
import { resourcesAndPairs } from './set/pairs'
import {
  AggregateError,
  METADATA_FLAGS,
  runMetadataEdit,
  validateMetadataArgs,
  type StringMap,
} from './metadataEdit'

export function label(argv: string[], env: KubectlEnv): CommandOutcome {
  const { flags, args } = parseFlags(argv, METADATA_FLAGS)
  // Complete, then Validate, in kubectl's order.
  const dryRun = dryRunStrategy(flags['dry-run'] as string)
  const { resources, pairs } = resourcesAndPairs(args, 'label')
  const { add, remove } = parseLabels(pairs)
  validateMetadataArgs(flags, resources, add.size + remove.length, 'label')

  const overwrite = !!flags.overwrite
  return runMetadataEdit(
    {
      field: 'labels',
      removals: remove,
      change: (current) => {
        if (!overwrite) {
          // validateNoOverwrites: setting the value a key already has is not an overwrite.
          const clashes = [...add]
            .filter(([k, v]) => k in current && current[k] !== v)
            .map(([k]) => `'${k}' already has a value (${current[k]}), and --overwrite is false`)
          if (clashes.length) throw new AggregateError(clashes)
        }
        for (const [k, v] of add) current[k] = v
        for (const k of remove) delete current[k]
        return current
      },
      operation: dataChangeMessage,
      printsLocalCopy: true,
      missingKeyNotice: (key) => `label ${JSON.stringify(key)} not found.\n`,
    },
    { resources, flags, dryRun },
    env,
  )
}

/** parseLabels: `k=v` (one `=`, a valid value) to set, `k-` to remove, never both for one key. */
export function parseLabels(pairs: string[]): { add: Map<string, string>; remove: string[] } {
  const add = new Map<string, string>()
  const remove: string[] = []
  for (const spec of pairs) {
    if (spec.includes('=')) {
      const parts = spec.split('=')
      if (parts.length !== 2) throw new KubectlError(`invalid label spec: ${spec}`)
      const errs = isValidLabelValue(parts[1]!)
      if (errs.length)
        throw new KubectlError(`invalid label value: ${JSON.stringify(spec)}: ${errs.join(';')}`)
      add.set(parts[0]!, parts[1]!)
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1))
    else throw new KubectlError(`unknown label spec: ${spec}`)
  }
  if (remove.some((k) => add.has(k)))
    throw new KubectlError('can not both modify and remove a label in the same command')
  return { add, remove }
}

/** updateDataChangeMsg: what the edit did to the labels. */
function dataChangeMessage(before: StringMap, after: StringMap): string {
  let labeled = false
  let unlabeled = false
  for (const [k, v] of Object.entries(before)) {
    if (!(k in after)) unlabeled = true
    else if (after[k] !== v) labeled = true
  }
  if (Object.keys(after).some((k) => !(k in before))) labeled = true
  if (labeled && unlabeled) return 'label(s) changed'
  return labeled ? 'labeled' : unlabeled ? 'unlabeled' : 'not labeled'
}
