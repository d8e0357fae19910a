// kubectl apply -f (client-side apply, kubernetes/kubectl pkg/cmd/apply): create what does not
// exist, three-way merge what does, keep going past a failing object and report every error at
// the end — as kubectl does. Prints `<kind>[.<group>]/<name> created|configured|unchanged`.
// `--validate` (strict, warn or ignore) is sent as the requests' fieldValidation.
import type { KubeObject } from '../../sim/model'
import { qualifiedSingular } from '../../sim/model/kinds'
import type { FieldValidation } from '../../sim/api/fieldValidation'
import { KubectlError, UsageError, type CommandOutcome, type KubectlEnv } from '../env'
import { parseFlags, type FlagSpec } from '../flags'
import { loadManifests } from '../manifests'
import { threeWayMerge } from '../merge'
import { threeWayPatch } from '../applyPatch'
import { errorText } from '../printErrors'
import { sortedJson } from '../sortedJson'
import { deepEqual } from '../../sim/api/apiServer'

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'

const FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'dry-run', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict' },
  { name: 'server-side', type: 'bool' },
  { name: 'force-conflicts', type: 'bool' },
  { name: 'recursive', short: 'R', type: 'bool' },
]

export function apply(argv: string[], env: KubectlEnv, verb: 'apply' | 'create' = 'apply'): CommandOutcome {
  const { flags, args } = parseFlags(argv, FLAGS)
  if (verb === 'apply' && args.length) throw new UsageError(`Unexpected args: [${args.join(' ')}]`)
  const fieldValidation = validationDirective(flags.validate as string)
  const files = (flags.filename as string[] | undefined) ?? []
  if (files.length === 0) {
    env.err('error: must specify one of -f and -k\n')
    return 1
  }
  const dryRun = flags['dry-run'] as string | undefined
  const suffix = dryRun === 'client' ? ' (dry run)' : dryRun === 'server' ? ' (server dry run)' : ''
  const { items, errors } = loadManifests(env, files, flags.namespace as string | undefined, {
    validate: fieldValidation !== 'Ignore',
  })
  if (items.length === 0 && errors.length === 0) {
    env.err(`error: no objects passed to ${verb}\n`)
    return 1
  }
  const api = env.sim.ctx.api
  // kubectl's warning handler prints each distinct warning once per invocation.
  const warned = new Set<string>()
  const printWarnings = (warnings: string[]) => {
    for (const w of warnings) if (!warned.has(w) && warned.add(w)) env.err(`Warning: ${w}\n`)
  }
  // A client dry run sends nothing, so nothing is decoded.
  const decoding = dryRun === 'client' ? {} : { fieldValidation }
  for (const { object, info, source } of items) {
    const ref = `${qualifiedSingular(info)}/${object.metadata.name}`
    let action = 'creating'
    const warnings: string[] = []
    const options = { dryRun: !!dryRun, ...decoding, warnings }
    try {
      const live = api.tryGet<KubeObject>(info.kind, object.metadata.namespace, object.metadata.name)
      if (verb === 'create') {
        api.create(object, options)
        printWarnings(warnings)
        printResult(env, flags.output as string | undefined, ref, 'created' + suffix)
        continue
      }
      const desired = withLastApplied(object)
      if (!live) {
        api.create(desired, options)
        printWarnings(warnings)
        printResult(env, flags.output as string | undefined, ref, 'created' + suffix)
        continue
      }
      action = 'applying patch'
      const lastText = live.metadata.annotations?.[LAST_APPLIED]
      const last = lastText ? (JSON.parse(lastText) as unknown) : undefined
      const merged = threeWayMerge(live, last, desired) as KubeObject
      const patch = threeWayPatch(last, desired as unknown as Record<string, unknown>, live)
      const result = api.update(merged, { ...options, patch })
      printWarnings(warnings)
      printResult(
        env,
        flags.output as string | undefined,
        ref,
        (result === live || sameObject(result, live) ? 'unchanged' : 'configured') + suffix,
      )
    } catch (e) {
      printWarnings(warnings)
      errors.push(errorText(e, verb, { action, source }))
    }
  }
  for (const e of errors) env.err(e + '\n')
  return errors.length ? 1 : 0
}

/** GetValidationDirective: `--validate` is strict, warn, ignore or a boolean (strconv.ParseBool). */
export function validationDirective(flag: string): FieldValidation {
  if (['1', 't', 'T', 'TRUE', 'true', 'True', 'strict'].includes(flag)) return 'Strict'
  if (['0', 'f', 'F', 'FALSE', 'false', 'False', 'ignore'].includes(flag)) return 'Ignore'
  if (flag === 'warn') return 'Warn'
  throw new KubectlError(
    `invalid - validate option "${flag}"; must be one of: strict (or true), warn, ignore (or false)`,
  )
}

/** Same content apart from resourceVersion (a dry run returns a new object even when nothing changes). */
function sameObject(a: KubeObject, b: KubeObject): boolean {
  return deepEqual(
    { ...a, metadata: { ...a.metadata, resourceVersion: '' } },
    { ...b, metadata: { ...b.metadata, resourceVersion: '' } },
  )
}

function printResult(env: KubectlEnv, output: string | undefined, ref: string, what: string): void {
  env.out(output === 'name' ? `${ref}\n` : `${ref} ${what}\n`)
}

/** The manifest with the annotation kubectl keeps it in (sorted-key JSON plus a newline). */
export function withLastApplied(object: KubeObject): KubeObject {
  const annotations = { ...(object.metadata.annotations ?? {}) }
  delete annotations[LAST_APPLIED]
  // GetModifiedConfiguration encodes the object with its annotation map emptied of itself, so
  // `"annotations":{}` is always there.
  const recorded = { ...object, metadata: { ...object.metadata, annotations } }
  return {
    ...object,
    metadata: {
      ...object.metadata,
      annotations: { ...annotations, [LAST_APPLIED]: sortedJson(recorded) + '\n' },
    },
  }
}
