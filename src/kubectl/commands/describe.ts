// kubectl describe (pkg/cmd/describe): a named object (or, as kubectl does, every object whose
// name starts with the given prefix), all of a type, or those matching -l; describers get the
// events and the related objects they would look up.
import type { Event, KubeObject, Pod } from '../../sim/model'
import type { ApiServer } from '../../sim/api/apiServer'
import { notFound } from '../../sim/api/errors'
import { qualifiedResource } from '../../sim/model/kinds'
import type { CommandOutcome, KubectlEnv } from '../env'
import { KubectlError } from '../env'
import { parseFlags, type FlagSpec } from '../flags'
import { errorText } from '../printErrors'
import { parseResourceArgs } from '../resources'
import { selectObjects } from '../select'
import { describe as describeObject } from '../printers/describe'
import { printNoResources } from '../printers/table'
import { nodeLease } from '../../sim/kubelet/nodePower'

const FLAGS: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'show-events', type: 'bool', default: true },
  { name: 'filename', short: 'f', type: 'strings' },
]

export function describe(argv: string[], env: KubectlEnv): CommandOutcome {
  const { flags, args } = parseFlags(argv, FLAGS)
  const targets = parseResourceArgs(args)
  if (targets.length === 0)
    throw new KubectlError(
      'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.',
    )
  const namespace = (flags.namespace as string | undefined) ?? 'default'
  const api = env.sim.ctx.api
  const objects: KubeObject[] = []
  let failed = false
  for (const target of targets) {
    if (!target.names) {
      objects.push(
        ...selectObjects(api, [target], {
          namespace,
          allNamespaces: !!flags['all-namespaces'],
          labelSelector: flags.selector as string | undefined,
        }).objects,
      )
      continue
    }
    for (const name of target.names) {
      const exact = selectObjects(api, [{ info: target.info, names: [name] }], { namespace }).objects
      const byPrefix = exact.length
        ? exact
        : selectObjects(api, [{ info: target.info }], { namespace }).objects.filter((o) =>
            o.metadata.name.startsWith(name),
          )
      if (byPrefix.length === 0) {
        env.err(errorText(notFound(qualifiedResource(target.info), name)) + '\n')
        failed = true
      }
      objects.push(...byPrefix)
    }
  }
  if (objects.length === 0 && !failed) {
    env.err(printNoResources(flags['all-namespaces'] ? undefined : namespace))
    return 0
  }
  const events = flags['show-events'] ? api.list<Event>('Event') : []
  env.out(
    objects
      .map((o) => {
        const related = relatedTo(api, o)
        // The node's Lease, as the kubelet last renewed it.
        if (o.kind === 'Node') related.push(nodeLease(env.sim.ctx, o.metadata.name))
        return describeObject(o, { events, related, nowMs: env.sim.now })
      })
      .join('\n\n'),
  )
  return failed ? 1 : 0
}

/** What the real describer would look up next to the object. */
function relatedTo(api: ApiServer, obj: KubeObject): KubeObject[] {
  const ns = obj.metadata.namespace
  switch (obj.kind) {
    case 'StatefulSet':
      return api.store.dependents(obj.metadata.uid).filter((o) => o.kind === 'Pod')
    case 'ReplicaSet':
      return api.list<Pod>('Pod', ns)
    case 'Deployment':
      return api.list('ReplicaSet', ns)
    case 'PersistentVolumeClaim':
      return api
        .list<Pod>('Pod', ns)
        .filter((p) => p.spec.volumes?.some((v) => v.persistentVolumeClaim?.claimName === obj.metadata.name))
    case 'Node':
      return api.list<Pod>('Pod').filter((p) => p.spec.nodeName === obj.metadata.name)
    case 'Service':
      return api
        .list('EndpointSlice', ns)
        .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === obj.metadata.name)
    default:
      return []
  }
}
