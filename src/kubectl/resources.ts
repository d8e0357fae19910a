// Turns kubectl's resource arguments into what to act on: `pods`, `pod web-0`, `pod/web-0`,
// `pods,svc`, `sts web`, `all` — with kubectl's error for a type the server does not serve.
import { KINDS, resolveResource, type KindInfo } from '../sim/model/kinds'
import { KubectlError } from './env'

export interface ResourceTarget {
  info: KindInfo
  /** Names asked for; undefined means "all of this type". */
  names?: string[]
}

/** What `kubectl get all` lists (the workload kinds the simulator serves). */
const ALL = ['Pod', 'Service', 'Deployment', 'ReplicaSet', 'StatefulSet']

export function resolveType(name: string): KindInfo[] {
  if (name === 'all') return ALL.map((k) => KINDS.find((i) => i.kind === k)!)
  const info = resolveResource(name)
  if (!info) throw new KubectlError(`the server doesn't have a resource type "${name}"`)
  return [info]
}

export function parseResourceArgs(args: string[]): ResourceTarget[] {
  if (args.length === 0) return []
  if (args.some((a) => a.includes('/'))) {
    return args.map((a) => {
      const slash = a.indexOf('/')
      if (slash < 0)
        throw new KubectlError(
          "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>')",
        )
      const [info] = resolveType(a.slice(0, slash))
      const name = a.slice(slash + 1)
      if (!name)
        throw new KubectlError(`arguments in resource/name form must have a single resource and name`)
      return { info: info!, names: [name] }
    })
  }
  const [types, ...names] = args as [string, ...string[]]
  const infos = types.split(',').flatMap(resolveType)
  if (names.length > 0 && infos.length > 1) {
    // kubectl get pods,svc web-0 looks web-0 up in every type.
    return infos.map((info) => ({ info, names }))
  }
  return infos.map((info) => (names.length ? { info, names } : { info }))
}
