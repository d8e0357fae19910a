// kubectl patch (pkg/cmd/patch): strategic merge (default), JSON merge or JSON patch; prints
// `<kind>/<name> patched` or `patched (no change)`.
import { load, YAML11_SCHEMA } from 'js-yaml'
import type { KubeObject } from '../../sim/model'
import { qualifiedSingular } from '../../sim/model/kinds'
import type { CommandOutcome, KubectlEnv } from '../env'
import { KubectlError } from '../env'
import { parseFlags, type FlagSpec } from '../flags'
import { jsonMergePatch, jsonPatch, strategicMergePatch, type JsonPatchOp } from '../merge'
import { errorText } from '../printErrors'
import { StatusError } from '../../sim/api/errors'
import { parseResourceArgs } from '../resources'
import { selectObjects } from '../select'

const FLAGS: FlagSpec[] = [
  { name: 'patch', short: 'p', type: 'string' },
  { name: 'patch-file', type: 'string' },
  { name: 'type', type: 'string', default: 'strategic' },
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'dry-run', type: 'string' },
  { name: 'subresource', type: 'string' },
]

/** A JSON patch that does not apply is a 422 the API server words generically. */
function applyJsonPatch(obj: KubeObject, ops: JsonPatchOp[]): unknown {
  try {
    return jsonPatch(obj, ops)
  } catch {
    throw new StatusError(
      'BadRequest',
      'The request is invalid: the server rejected our request due to an error in our request',
      { kind: 'JsonPatch' },
    )
  }
}

export function patch(argv: string[], env: KubectlEnv): CommandOutcome {
  const { flags, args } = parseFlags(argv, FLAGS)
  const text =
    (flags.patch as string | undefined) ??
    (flags['patch-file'] ? env.readFile(flags['patch-file'] as string) : undefined)
  if (text === undefined)
    throw new KubectlError('must specify --patch or --patch-file containing the contents of the patch')
  let body: unknown
  try {
    body = load(text, { schema: YAML11_SCHEMA })
  } catch (e) {
    throw new KubectlError(
      `unable to parse "${text}": yaml: ${(e as { reason?: string }).reason ?? String(e)}`,
    )
  }
  const type = flags.type as string
  if (!['strategic', 'merge', 'json'].includes(type)) {
    throw new KubectlError(`--type must be one of [json merge strategic], not "${type}"`)
  }
  const targets = parseResourceArgs(args)
  const { objects, errors } = selectObjects(env.sim.ctx.api, targets, {
    namespace: (flags.namespace as string | undefined) ?? 'default',
  })
  for (const e of errors) {
    env.err(errorText(e) + '\n')
    return 1
  }
  let failed = false
  for (const obj of objects) {
    const ref = `${qualifiedSingular(env.sim.ctx.api.info(obj.kind))}/${obj.metadata.name}`
    try {
      const patched =
        type === 'json'
          ? applyJsonPatch(obj, body as JsonPatchOp[])
          : type === 'merge'
            ? jsonMergePatch(obj, body)
            : strategicMergePatch(obj, body)
      const result =
        flags.subresource === 'status'
          ? env.sim.ctx.api.updateStatus(patched as KubeObject & { status?: unknown })
          : env.sim.ctx.api.update(patched as KubeObject, { dryRun: !!flags['dry-run'] })
      env.out(
        flags.output === 'name' ? `${ref}\n` : `${ref} patched${result === obj ? ' (no change)' : ''}\n`,
      )
    } catch (e) {
      env.err(errorText(e) + '\n')
      failed = true
    }
  }
  return failed ? 1 : 0
}
