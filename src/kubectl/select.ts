// Finds the objects a command names: by name (NotFound errors in kubectl's words), by type
// (all of it), filtered by `-l` and `--field-selector`, in one namespace or all (`-A`).
import type { KubeObject } from '../sim/model'
import { qualifiedResource } from '../sim/model/kinds'
import { notFound } from '../sim/api/errors'
import type { ApiServer } from '../sim/api/apiServer'
import type { ResourceTarget } from './resources'
import { parseFieldSelector, parseLabelSelector } from './selectors'

export interface SelectOptions {
  namespace: string
  allNamespaces?: boolean
  labelSelector?: string
  fieldSelector?: string
}

export interface Selection {
  objects: KubeObject[]
  /** NotFound errors for names that do not exist, in argument order. */
  errors: Error[]
}

export function selectObjects(api: ApiServer, targets: ResourceTarget[], opts: SelectOptions): Selection {
  const objects: KubeObject[] = []
  const errors: Error[] = []
  for (const { info, names } of targets) {
    const ns = info.namespaced ? opts.namespace : undefined
    if (names) {
      for (const name of names) {
        const obj = api.tryGet<KubeObject>(info.kind, ns, name)
        if (obj) objects.push(obj)
        else errors.push(notFound(qualifiedResource(info), name))
      }
      continue
    }
    let list = api.list<KubeObject>(info.kind, info.namespaced && !opts.allNamespaces ? ns : undefined)
    if (opts.labelSelector !== undefined) list = list.filter(parseLabelSelector(opts.labelSelector))
    if (opts.fieldSelector !== undefined)
      list = list.filter(parseFieldSelector(opts.fieldSelector, info.kind))
    if (opts.allNamespaces)
      list.sort((a, b) => ((a.metadata.namespace ?? '') < (b.metadata.namespace ?? '') ? -1 : 1))
    objects.push(...list)
  }
  return { objects, errors }
}

/** Go's time.ParseDuration for kubectl's --timeout values (`30s`, `5m`, `1h30m`, `0`), in ms. */
export function parseDuration(text: string): number {
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/g
  let total = 0
  let consumed = 0
  for (const m of text.matchAll(re)) {
    const n = Number(m[1])
    total += m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : m[2] === 'm' ? n * 60000 : n * 3600000
    consumed += m[0].length
  }
  if (consumed !== text.length || !text) throw new Error(`time: invalid duration "${text}"`)
  return total
}
