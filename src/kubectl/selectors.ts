// kubectl's `-l` label selector and `--field-selector` syntax (apimachinery labels.Parse and
// fields.ParseSelector): `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`.
import type { KubeObject } from '../sim/model'
import { KubectlError } from './env'
import { StatusError } from '../sim/api/errors'

export type Matcher = (obj: KubeObject) => boolean

export function parseLabelSelector(text: string): Matcher {
  const reqs = splitRequirements(text)
    .map((r) => r.trim())
    .filter(Boolean)
  const tests = reqs.map((r): ((l: Record<string, string>) => boolean) => {
    let m = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(r)
    if (m) {
      const values = m[3]!.split(',').map((v) => v.trim())
      return m[2] === 'in'
        ? (l) => values.includes(l[m![1]!] as string)
        : (l) => !values.includes(l[m![1]!] as string)
    }
    m = /^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/.exec(r)
    if (m) {
      const [, key, op, value] = m as unknown as [string, string, string, string]
      return op === '!=' ? (l) => l[key] !== value : (l) => l[key] === value
    }
    m = /^(!?)([\w./-]+)$/.exec(r)
    if (m) {
      const key = m[2]!
      return m[1] ? (l) => !(key in l) : (l) => key in l
    }
    throw new KubectlError(
      `unable to parse requirement: found '${r}', expected: in, notin, =, ==, !=, gt, lt`,
    )
  })
  return (obj) => tests.every((t) => t(obj.metadata.labels ?? {}))
}

function splitRequirements(text: string): string[] {
  const out: string[] = []
  let depth = 0
  let cur = ''
  for (const ch of text) {
    if (ch === '(') depth++
    if (ch === ')') depth--
    if (ch === ',' && depth === 0) {
      out.push(cur)
      cur = ''
    } else cur += ch
  }
  out.push(cur)
  return out
}

/** The fields each kind's API accepts besides metadata.name and metadata.namespace (the kinds' field label conversions). */
const FIELD_SELECTORS: Record<string, string[]> = {
  Pod: [
    'status.phase',
    'spec.nodeName',
    'status.podIP',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'status.nominatedNodeName',
  ],
  Event: [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
  PersistentVolumeClaim: [],
  Node: ['spec.unschedulable'],
  Namespace: ['status.phase'],
}

/** Field selectors kubectl users reach for: metadata.name, metadata.namespace, status.phase, spec.nodeName. */
export function parseFieldSelector(text: string, kind: string): Matcher {
  const tests = text
    .split(',')
    .filter(Boolean)
    .map((r) => {
      const m = /^([\w.]+)\s*(==|=|!=)\s*(.*)$/.exec(r.trim())
      if (!m) throw new KubectlError(`invalid selector: '${text}'; can't understand '${r}'`)
      const [, field, op, value] = m as unknown as [string, string, string, string]
      const supported = ['metadata.name', 'metadata.namespace', ...(FIELD_SELECTORS[kind] ?? [])]
      if (!supported.includes(field)) {
        throw new StatusError(
          'BadRequest',
          `Unable to find "/v1, Resource=${kind.toLowerCase()}s" that match label selector "", field selector "${text}": "${field}" is not a known field selector: only "metadata.name", "metadata.namespace"`,
        )
      }
      const get = (o: KubeObject) =>
        String(
          field.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], o) ??
            '',
        )
      return op === '!=' ? (o: KubeObject) => get(o) !== value : (o: KubeObject) => get(o) === value
    })
  return (obj) => tests.every((t) => t(obj))
}
