// The shape rollout restart, pause and resume share (RunRestart / RunPause / RunResume): look
// the objects up, compute each change (set.CalculatePatches), patch what changed and print
// `<kind>/<name> <operation>`; errors are aggregated and printed last.
import type { KubeObject } from '../../../sim/model'
import { qualifiedResource } from '../../../sim/model/kinds'
import type { CommandOutcome, KubectlEnv } from '../../env'
import { KubectlError } from '../../env'
import { parseFlags, type FlagSpec } from '../../flags'
import { calculatePatches } from '../set/patches'
import { finish } from './errors'
import { checkOutput, printedObject } from './printFlags'
import { namespaceOf, resolveTargets } from './targets'

const FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'field-manager', type: 'string' },
]

export interface PatchVerb {
  change(obj: KubeObject, env: KubectlEnv): KubeObject
  /** Printed after a successful patch (`restarted`, `paused`, `resumed`). */
  done: string
  /** What an empty patch means: an error (restart) or an operation to print (`already paused`). */
  unchanged(obj: KubeObject): { error: Error } | { operation: string }
}

export function runPatchVerb(verb: PatchVerb, argv: string[], env: KubectlEnv): CommandOutcome {
  const { flags, args } = parseFlags(argv, FLAGS)
  if (args.length === 0 && !(flags.filename as string[] | undefined)?.length)
    throw new KubectlError('required resource not specified')
  const output = flags.output as string | undefined
  checkOutput(output)
  const { objects, errors } = resolveTargets(env, args, flags, { allowEmptySelector: true })
  const patches = calculatePatches(objects, (obj) => verb.change(obj, env))
  if (patches.length === 0 && errors.length === 0) {
    env.err(`No resources found in ${namespaceOf(flags)} namespace.\n`)
    return 0
  }
  const api = env.sim.ctx.api
  for (const p of patches) {
    const obj = p.original
    if (p.err) {
      errors.push(
        new Error(`error: ${qualifiedResource(api.info(obj.kind))} "${obj.metadata.name}" ${p.err.message}`),
      )
      continue
    }
    if (!p.changed) {
      const unchanged = verb.unchanged(obj)
      if ('error' in unchanged) errors.push(unchanged.error)
      else env.out(printedObject(obj, output, unchanged.operation, env.readFile))
      continue
    }
    let patched: KubeObject
    try {
      patched = api.update(p.modified!)
    } catch (e) {
      errors.push(new Error(`failed to patch: ${e instanceof Error ? e.message : String(e)}`))
      continue
    }
    env.out(printedObject(patched, output, verb.done, env.readFile))
  }
  return finish(env, errors)
}
