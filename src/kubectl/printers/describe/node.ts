// describe.go describeNode (brief: conditions, addresses, capacity, system info, non-terminated
// pods with their requests/limits, allocated resources, events) and describeNamespace.
// The Lease section comes from the node's Lease among `related` (the kubelet's last renewal); without
// one it shows the node as its own holder, renewed now — what a healthy kubelet's lease looks like.
import { type Quantity, formatQuantity, parseQuantity, quantityValue } from '../../../sim/api/quantity'
import type { Event, KubeObject, Namespace, Node, Pod } from '../../../sim/model'
import { timestamp } from '../../../sim/runtime/time'
import { nodeRoles } from '../columns/util'
import { translateTimestampSince } from '../humanDuration'
import { describeEvents, eventsFor } from './events'
import {
  LEVEL_0,
  LEVEL_1,
  type PrefixWriter,
  formatRFC1123Z,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTaintsMultiline,
  tabbedString,
} from './writer'

type NodeX = Node & {
  spec: Node['spec'] & { podCIDRs?: string[]; providerID?: string }
  status: Node['status'] & {
    allocatable?: Record<string, string>
    addresses: { type: string; address: string }[]
    conditions: (Node['status']['conditions'][number] & { lastHeartbeatTime?: string })[]
    nodeInfo?: Record<string, string>
  }
}

/** `related` are pods; the non-terminated ones bound to this node are listed. */
export function describeNode(
  node: NodeX,
  events: readonly Event[],
  related: readonly KubeObject[],
  nowMs: number,
): string {
  const pods = related.filter(
    (o): o is Pod =>
      o.kind === 'Pod' &&
      (o as Pod).spec.nodeName === node.metadata.name &&
      !['Succeeded', 'Failed'].includes((o as Pod).status?.phase),
  )
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`)
    w.write(LEVEL_0, `Roles:\t${nodeRoles(node.metadata.labels).join(',') || '<none>'}\n`)
    printLabelsMultiline(w, 'Labels', node.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations)
    w.write(LEVEL_0, `CreationTimestamp:\t${formatRFC1123Z(node.metadata.creationTimestamp)}\n`)
    printTaintsMultiline(w, 'Taints', node.spec?.taints)
    w.write(LEVEL_0, `Unschedulable:\t${!!node.spec?.unschedulable}\n`)
    w.write(LEVEL_0, 'Lease:\n')
    const lease = related.find((o) => o.kind === 'Lease') as
      (KubeObject & { spec?: { holderIdentity?: string; renewTime?: string } }) | undefined
    w.write(
      LEVEL_1,
      `HolderIdentity:\t${lease ? (lease.spec?.holderIdentity ?? '<unset>') : node.metadata.name}\n`,
    )
    w.write(LEVEL_1, 'AcquireTime:\t<unset>\n')
    const renew = lease ? lease.spec?.renewTime : timestamp(nowMs)
    w.write(LEVEL_1, `RenewTime:\t${renew ? formatRFC1123Z(renew) : '<unset>'}\n`)
    const conditions = node.status?.conditions ?? []
    if (conditions.length > 0) {
      w.write(
        LEVEL_0,
        'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n',
      )
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n')
      for (const c of conditions) {
        w.write(
          LEVEL_1,
          `${c.type} \t${c.status} \t${formatRFC1123Z(c.lastHeartbeatTime)} \t${formatRFC1123Z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
        )
      }
    }
    w.write(LEVEL_0, 'Addresses:\n')
    for (const a of node.status?.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`)
    const resources = (title: string, list: Record<string, string> | undefined) => {
      if (Object.keys(list ?? {}).length === 0) return
      w.write(LEVEL_0, `${title}:\n`)
      for (const name of Object.keys(list!).sort())
        w.write(LEVEL_0, `  ${name}:\t${formatQuantity(parseQuantity(list![name]!))}\n`)
    }
    resources('Capacity', node.status?.capacity)
    resources('Allocatable', node.status?.allocatable)
    const info: Record<string, string> = node.status?.nodeInfo ?? {}
    w.write(LEVEL_0, 'System Info:\n')
    for (const [label, field] of SYSTEM_INFO) w.write(LEVEL_0, `  ${label}:\t${info[field] ?? ''}\n`)
    if (node.spec?.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${node.spec.podCIDR}\n`)
    if ((node.spec?.podCIDRs ?? []).length > 0)
      w.write(LEVEL_0, `PodCIDRs:\t${node.spec.podCIDRs!.join(',')}\n`)
    if (node.spec?.providerID) w.write(LEVEL_0, `ProviderID:\t${node.spec.providerID}\n`)
    describeNodeResource(w, node, pods, nowMs)
    describeEvents(w, eventsFor(node, events), nowMs)
  })
}

const SYSTEM_INFO = [
  ['Machine ID', 'machineID'],
  ['System UUID', 'systemUUID'],
  ['Boot ID', 'bootID'],
  ['Kernel Version', 'kernelVersion'],
  ['OS Image', 'osImage'],
  ['Operating System', 'operatingSystem'],
  ['Architecture', 'architecture'],
  ['Container Runtime Version', 'containerRuntimeVersion'],
  ['Kubelet Version', 'kubeletVersion'],
  ['Kube-Proxy Version', 'kubeProxyVersion'],
] as const

const ZERO: Quantity = { unscaled: 0n, scale: 0, format: 'DecimalSI' }

/** Quantity.Add of every container's request or limit for `resource` (init containers ignored). */
function podTotal(pod: Pod, kind: 'requests' | 'limits', resource: string): Quantity {
  let sum = ZERO
  for (const c of pod.spec.containers) {
    const q = c.resources?.[kind]?.[resource]
    if (q !== undefined) sum = add(sum, parseQuantity(String(q)))
  }
  return sum
}

function add(a: Quantity, b: Quantity): Quantity {
  if (a.unscaled === 0n) return b
  if (b.unscaled === 0n) return a
  const lo = Math.min(a.scale, b.scale)
  let unscaled = a.unscaled * 10n ** BigInt(a.scale - lo) + b.unscaled * 10n ** BigInt(b.scale - lo)
  let scale = lo
  while (unscaled !== 0n && unscaled % 10n === 0n) {
    unscaled /= 10n
    scale++
  }
  return { unscaled, scale, format: a.format }
}

/** MilliValue() for cpu, Value() for everything else. */
function amount(q: Quantity, resource: string): number {
  return resource === 'cpu' ? Number(quantityValue({ ...q, scale: q.scale + 3 })) : Number(quantityValue(q))
}

function percent(q: Quantity, allocatable: Quantity, resource: string): number {
  const total = amount(allocatable, resource)
  return total === 0 ? 0 : Math.trunc((amount(q, resource) / total) * 100)
}

function describeNodeResource(w: PrefixWriter, node: NodeX, pods: Pod[], nowMs: number): void {
  const list =
    Object.keys(node.status?.allocatable ?? {}).length > 0
      ? node.status.allocatable!
      : (node.status?.capacity ?? {})
  const allocatable = (r: string) => (list[r] !== undefined ? parseQuantity(list[r]!) : ZERO)
  const cell = (q: Quantity, r: string) => `${formatQuantity(q)} (${percent(q, allocatable(r), r)}%)`
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`)
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n')
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n')
  for (const p of pods) {
    const cells = ['cpu', 'memory'].flatMap((r) => [
      cell(podTotal(p, 'requests', r), r),
      cell(podTotal(p, 'limits', r), r),
    ])
    w.write(
      LEVEL_1,
      `${p.metadata.namespace ?? ''}\t${p.metadata.name}\t\t${cells.join('\t')}\t${translateTimestampSince(p.metadata.creationTimestamp, nowMs)}\n`,
    )
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n')
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n')
  w.write(LEVEL_1, '--------\t--------\t------\n')
  for (const r of ['cpu', 'memory', 'ephemeral-storage']) {
    const req = pods.reduce((s, p) => add(s, podTotal(p, 'requests', r)), ZERO)
    const lim = pods.reduce((s, p) => add(s, podTotal(p, 'limits', r)), ZERO)
    w.write(LEVEL_1, `${r}\t${cell(req, r)}\t${cell(lim, r)}\n`)
  }
}

export function describeNamespace(ns: Namespace): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ns.metadata.name}\n`)
    printLabelsMultiline(w, 'Labels', ns.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations)
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`)
    // Ordinal has no ResourceQuota or LimitRange objects: kubectl's empty-list texts.
    w.write(LEVEL_0, '\n')
    w.write(LEVEL_0, 'No resource quota.\n')
    w.write(LEVEL_0, '\n')
    w.write(LEVEL_0, 'No LimitRange resource.\n')
  })
}
