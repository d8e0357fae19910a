// kubectl delete (kubernetes/kubectl pkg/cmd/delete): by name, -l, --all or -f; grace period,
// --force, --cascade=background|foreground|orphan; prints one line per object (kubectl ≥ 1.34
// wording: `… deleted from <ns> namespace`) and then waits until they are gone unless --wait=false.
import type { KubeObject } from '../../sim/model'
import { kindInfo } from '../../sim/model/kinds'
import type { PropagationPolicy } from '../../sim/api/apiServer'
import type { CommandOutcome, KubectlEnv } from '../env'
import { KubectlError } from '../env'
import { parseFlags, type FlagSpec } from '../flags'
import { loadManifests } from '../manifests'
import { errorText } from '../printErrors'
import { parseResourceArgs } from '../resources'
import { parseDuration, selectObjects } from '../select'
import { waitUntilGone } from './waitForDeletion'

const FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'grace-period', type: 'int', default: -1 },
  { name: 'force', type: 'bool' },
  { name: 'now', type: 'bool' },
  { name: 'wait', type: 'bool', default: true },
  { name: 'timeout', type: 'string', default: '0s' },
  { name: 'cascade', type: 'string', default: 'background' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
]

export const FORCE_WARNING =
  'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n'

export function deleteCommand(argv: string[], env: KubectlEnv): CommandOutcome {
  const { flags, args } = parseFlags(argv, FLAGS)
  const namespace = (flags.namespace as string | undefined) ?? 'default'
  let grace = flags['grace-period'] as number
  const force = flags.force as boolean
  if (flags.now) grace = 1
  if (force && grace > 0)
    throw new KubectlError('--force and --grace-period greater than 0 cannot be specified together')
  // kubectl turns --grace-period=0 without --force into 1, and --force alone into 0.
  if (grace === 0 && !force) grace = 1
  if (force && grace < 0) grace = 0
  const propagation = cascadePolicy(flags.cascade as string)
  // kubectl warns before it looks anything up.
  if (force && grace === 0) env.err(FORCE_WARNING)

  let objects: KubeObject[]
  const errors: string[] = []
  const files = flags.filename as string[] | undefined
  if (files?.length) {
    const loaded = loadManifests(env, files, flags.namespace as string | undefined)
    errors.push(...loaded.errors)
    objects = []
    for (const item of loaded.items) {
      const live = env.sim.ctx.api.tryGet<KubeObject>(
        item.info.kind,
        item.object.metadata.namespace,
        item.object.metadata.name,
      )
      if (live) objects.push(live)
      else if (!flags['ignore-not-found']) {
        errors.push(
          `Error from server (NotFound): error when deleting "${item.source}": ${item.info.resource}${item.info.group ? '.' + item.info.group : ''} "${item.object.metadata.name}" not found`,
        )
      }
    }
  } else {
    const targets = parseResourceArgs(args)
    if (targets.length === 0)
      throw new KubectlError(
        "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
      )
    const named = targets.some((t) => t.names)
    if (!named && !flags.all && flags.selector === undefined && flags['field-selector'] === undefined) {
      throw new KubectlError('resource(s) were provided, but no name was specified')
    }
    const selection = selectObjects(env.sim.ctx.api, targets, {
      namespace,
      allNamespaces: flags['all-namespaces'] as boolean,
      labelSelector: flags.selector as string | undefined,
      fieldSelector: flags['field-selector'] as string | undefined,
    })
    objects = selection.objects
    if (!flags['ignore-not-found']) errors.push(...selection.errors.map((e) => errorText(e)))
    if (!named && objects.length === 0) env.out('No resources found\n')
  }

  const deleted: KubeObject[] = []
  for (const obj of objects) {
    try {
      env.sim.ctx.api.delete(obj.kind, obj.metadata.namespace, obj.metadata.name, {
        ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
        propagationPolicy: propagation,
      })
      deleted.push(obj)
      env.out(deletedLine(obj, force && grace === 0, flags.output as string | undefined))
    } catch (e) {
      errors.push(errorText(e))
    }
  }
  const finish = (code: number) => {
    for (const e of errors) env.err(e + '\n')
    return errors.length ? 1 : code
  }
  if (!flags.wait || deleted.length === 0) return finish(0)
  const timeout = parseDuration(flags.timeout as string)
  return waitUntilGone(env, deleted, timeout > 0 ? timeout : undefined, finish)
}

function cascadePolicy(value: string): PropagationPolicy {
  switch (value) {
    case 'background':
    case 'true':
      return 'Background'
    case 'foreground':
      return 'Foreground'
    case 'orphan':
    case 'false':
      return 'Orphan'
    default:
      throw new KubectlError(
        `invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`,
      )
  }
}

/** `pod "web-0" deleted from default namespace`, `persistentvolume "pv-1" deleted`, or `-o name`. */
export function deletedLine(obj: KubeObject, forced: boolean, output?: string): string {
  const info = kindInfo(obj.kind)!
  const kind = info.group ? `${info.singular}.${info.group}` : info.singular
  if (output === 'name') return `${kind}/${obj.metadata.name}\n`
  const where = info.namespaced ? ` from ${obj.metadata.namespace} namespace` : ''
  return `${kind} "${obj.metadata.name}" ${forced ? 'force deleted' : 'deleted'}${where}\n`
}
