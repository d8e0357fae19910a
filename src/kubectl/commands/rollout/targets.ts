// What kubectl's resource.Builder does for the rollout and set commands: objects named by
// argument (`sts/web`, `sts web`), by type (every one, when the command allows an empty
// selector), by `-l`, or read from `-f` and looked up live — with the builder's errors.
import type { KubeObject } from '../../../sim/model'
import { qualifiedResource } from '../../../sim/model/kinds'
import { notFound } from '../../../sim/api/errors'
import type { KubectlEnv } from '../../env'
import { KubectlError } from '../../env'
import type { FlagValues } from '../../flags'
import { loadManifests } from '../../manifests'
import { parseResourceArgs } from '../../resources'
import { selectObjects } from '../../select'

export const MISSING_RESOURCE =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'"

export interface TargetOptions {
  /** ResourceTypeOrNameArgs(allowEmptySelector): a bare type selects every object of it. */
  allowEmptySelector: boolean
}

export interface Targets {
  objects: KubeObject[]
  /** Lookup failures (NotFound, unreadable files), reported after the objects are handled. */
  errors: unknown[]
}

export function namespaceOf(flags: FlagValues): string {
  return (flags.namespace as string | undefined) ?? 'default'
}

/** Throws the builder's own errors (no resources, a type without a name); collects lookups that fail. */
export function resolveTargets(
  env: KubectlEnv,
  args: string[],
  flags: FlagValues,
  opts: TargetOptions,
): Targets {
  const files = flags.filename as string[] | undefined
  if (files?.length) return fromFiles(env, files, flags)
  const selector = flags.selector as string | undefined
  const targets = parseResourceArgs(args)
  if (targets.length === 0) throw new KubectlError(MISSING_RESOURCE)
  const named = targets.some((t) => t.names)
  if (!named && !opts.allowEmptySelector && selector === undefined && !flags.all)
    throw new KubectlError('resource(s) were provided, but no name was specified')
  const { objects, errors } = selectObjects(env.sim.ctx.api, targets, {
    namespace: namespaceOf(flags),
    ...(selector !== undefined ? { labelSelector: selector } : {}),
  })
  return { objects, errors }
}

function fromFiles(env: KubectlEnv, files: string[], flags: FlagValues): Targets {
  const loaded = loadManifests(env, files, flags.namespace as string | undefined)
  const errors: unknown[] = loaded.errors.map((text) => new KubectlError(text.replace(/^error: /, '')))
  const objects: KubeObject[] = []
  for (const item of loaded.items) {
    const { kind } = item.info
    const live = env.sim.ctx.api.tryGet<KubeObject>(
      kind,
      item.object.metadata.namespace ?? namespaceOf(flags),
      item.object.metadata.name,
    )
    if (live) objects.push(live)
    else errors.push(notFound(qualifiedResource(item.info), item.object.metadata.name))
  }
  return { objects, errors }
}
