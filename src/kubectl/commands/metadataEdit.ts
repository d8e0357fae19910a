// What kubectl label and kubectl annotate share (pkg/cmd/label RunLabel, pkg/cmd/annotate
// RunAnnotate): find the objects (names, `-l`, `--all`, `-f`), change one metadata map per object
// locally, send the change unless it is a client dry run or `--list`, print each object as it is
// done and the collected errors last (the builder's ContinueOnError).
import type { KubeObject } from '../../sim/model'
import { KubectlError, type KubectlEnv } from '../env'
import type { FlagSpec, FlagValues } from '../flags'
import { withDryRun, type DryRunStrategy } from './rollout/dryRun'
import { aggregateText } from './rollout/errors'
import { checkOutput, printedObject } from './rollout/printFlags'
import { resolveTargets } from './rollout/targets'

export type MetadataField = 'labels' | 'annotations'
export type StringMap = Record<string, string>

/** The flags label and annotate both register. */
export const METADATA_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'overwrite', type: 'bool' },
  { name: 'list', type: 'bool' },
  { name: 'dry-run', type: 'string', default: 'none' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'field-manager', type: 'string' },
]

/** utilerrors.Aggregate: its Error() is one message as itself, several as `[a, b]` (each once). */
export class AggregateError extends Error {
  constructor(readonly messages: string[]) {
    const unique = [...new Set(messages)]
    super(unique.length === 1 ? unique[0]! : `[${unique.join(', ')}]`)
  }
}

/**
 * The checks label.go and annotate.go both make before touching anything, with their words:
 * --list with --output, --all with --selector, no resources, no update. `noun` is label/annotation.
 */
export function validateMetadataArgs(
  flags: Record<string, unknown>,
  resources: readonly string[],
  updates: number,
  noun: 'label' | 'annotation',
): void {
  if (flags.list && flags.output) throw new KubectlError('--list and --output may not be specified together')
  if (flags.all && flags.selector !== undefined)
    throw new KubectlError('cannot set --all and --selector at the same time')
  if (resources.length < 1 && !(flags.filename as string[] | undefined)?.length)
    throw new KubectlError(
      'one or more resources must be specified as <resource> <name> or <resource>/<name>',
    )
  if (updates < 1 && !flags.list) throw new KubectlError(`at least one ${noun} update is required`)
}

export interface MetadataEdit {
  field: MetadataField
  /** The new map for `current`; throws an AggregateError when --overwrite is needed. */
  change(current: StringMap): StringMap
  /** The name printer's operation for a change from `before` to `after`. */
  operation(before: StringMap, after: StringMap): string
  /** label prints its own edited copy of the object; annotate prints what the server returned. */
  printsLocalCopy: boolean
  /** label's `label "x" not found.` for a removal of a key the object does not have. */
  missingKeyNotice?: (key: string) => string
  removals: string[]
}

export interface EditOptions {
  resources: string[]
  flags: FlagValues
  dryRun: DryRunStrategy
}

export function runMetadataEdit(edit: MetadataEdit, opts: EditOptions, env: KubectlEnv): number {
  const { flags, dryRun } = opts
  const output = flags.output as string | undefined
  const list = !!flags.list
  const { objects, errors } = resolveTargets(env, opts.resources, flags, {
    allowEmptySelector: !!flags.all,
  })
  const one = singleItemImplied(opts.resources, flags)
  const api = env.sim.ctx.api
  for (const obj of objects) {
    const before = obj.metadata[edit.field] ?? {}
    const live = !(dryRun === 'client' || list)
    try {
      if (live && edit.missingKeyNotice) {
        for (const key of edit.removals) if (!(key in before)) env.out(edit.missingKeyNotice(key))
      }
      const after = edit.change({ ...before })
      const modified = withMap(obj, edit.field, after)
      let result = modified
      if (live) result = api.update(modified, { dryRun: dryRun === 'server' })
      if (list) {
        env.out(listing(result, edit.field, one))
        continue
      }
      // label makes its printer only now, after the change went through (ToPrinter).
      checkOutput(output)
      const printed = edit.printsLocalCopy ? modified : result
      env.out(printedObject(printed, output, withDryRun(edit.operation(before, after), dryRun), env.readFile))
    } catch (e) {
      errors.push(e)
    }
  }
  return printErrors(env, errors)
}

/** IntoSingleItemImplied: one file, or one type with one name. */
function singleItemImplied(resources: string[], flags: FlagValues): boolean {
  const files = flags.filename as string[] | undefined
  if (files?.length) return files.length === 1
  if (resources.length === 1) return resources[0]!.includes('/') && !resources[0]!.includes(',')
  return resources.length === 2 && !resources[0]!.includes(',')
}

/** The object with `field` set to `map`; an empty map is left out, as the server stores it. */
function withMap(obj: KubeObject, field: MetadataField, map: StringMap): KubeObject {
  const metadata = { ...obj.metadata, [field]: map }
  if (Object.keys(map).length === 0) delete metadata[field]
  return { ...obj, metadata }
}

/**
 * `--list`: `key=value` lines, under `Listing labels for Pod./web-0:` (Kind.Group/name) and
 * indented when several objects may be listed. kubectl walks a Go map (random order); sorted here.
 */
function listing(obj: KubeObject, field: MetadataField, one: boolean): string {
  const map = obj.metadata[field] ?? {}
  const indent = one ? '' : ' '
  const group = obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0]! : ''
  const head = one ? '' : `Listing ${field} for ${obj.kind}.${group}/${obj.metadata.name}:\n`
  return (
    head +
    Object.keys(map)
      .sort()
      .map((k) => `${indent}${k}=${map[k]}\n`)
      .join('')
  )
}

/**
 * CheckErr on what the visit collected: a lone error is unwrapped, so a lone aggregate of several
 * keys prints one line per key; several errors print one line each, none with `error: `.
 */
function printErrors(env: KubectlEnv, errors: unknown[]): number {
  if (errors.length === 0) return 0
  const only = errors[0]
  if (errors.length === 1 && only instanceof AggregateError && only.messages.length > 1) {
    env.err(only.messages.map((m) => `${m}\n`).join(''))
    return 1
  }
  env.err(aggregateText(errors))
  return 1
}
