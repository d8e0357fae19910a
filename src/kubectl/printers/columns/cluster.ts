// printers.go printNode, printNamespace and printEvent (the current `LAST SEEN TYPE REASON OBJECT
// MESSAGE` layout, with SUBOBJECT SOURCE FIRST SEEN COUNT NAME only under -o wide).
import type { Event, KubeObject, Namespace, Node } from '../../../sim/model'
import { translateTimestampSince } from '../humanDuration'
import { AGE, NAME, type TableHandler } from './types'
import { nodeRoles } from './util'

type NodeX = Node & { status: Node['status'] & { addresses: { type: string; address: string }[] } }

export const nodeTable: TableHandler = {
  columns: [
    NAME,
    { name: 'Status' },
    { name: 'Roles' },
    AGE,
    { name: 'Version' },
    { name: 'Internal-IP', priority: 1 },
    { name: 'External-IP', priority: 1 },
    { name: 'OS-Image', priority: 1 },
    { name: 'Kernel-Version', priority: 1 },
    { name: 'Container-Runtime', priority: 1 },
  ],
  row(obj: KubeObject, nowMs: number) {
    const node = obj as NodeX
    // Only the Ready condition counts (NodeAllConditions = [NodeReady]).
    const ready = node.status?.conditions?.find((c) => c.type === 'Ready')
    const status = ready ? [ready.status === 'True' ? 'Ready' : 'NotReady'] : ['Unknown']
    if (node.spec?.unschedulable) status.push('SchedulingDisabled')
    const info = node.status?.nodeInfo
    const address = (type: string) =>
      node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>'
    return [
      node.metadata.name,
      status.join(','),
      nodeRoles(node.metadata.labels).join(',') || '<none>',
      translateTimestampSince(node.metadata.creationTimestamp, nowMs),
      info?.kubeletVersion ?? '',
      address('InternalIP'),
      address('ExternalIP'),
      info?.osImage || '<unknown>',
      info?.kernelVersion || '<unknown>',
      info?.containerRuntimeVersion || '<unknown>',
    ]
  },
}

export const namespaceTable: TableHandler = {
  columns: [NAME, { name: 'Status' }, AGE],
  row: (obj: KubeObject, nowMs: number) => [
    obj.metadata.name,
    (obj as Namespace).status?.phase ?? '',
    translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
  ],
}

type EventX = Event & {
  involvedObject: Event['involvedObject'] & { fieldPath?: string }
  reportingInstance?: string
  eventTime?: string | null
}

export const eventTable: TableHandler = {
  columns: [
    { name: 'Last Seen' },
    { name: 'Type' },
    { name: 'Reason' },
    { name: 'Object' },
    { name: 'Subobject', priority: 1 },
    { name: 'Source', priority: 1 },
    { name: 'Message' },
    { name: 'First Seen', priority: 1 },
    { name: 'Count', priority: 1 },
    { name: 'Name', priority: 1, format: 'name' },
  ],
  row(obj: KubeObject, nowMs: number) {
    const e = obj as EventX
    const first = e.firstTimestamp
      ? translateTimestampSince(e.firstTimestamp, nowMs)
      : translateTimestampSince(e.eventTime, nowMs)
    const last = e.lastTimestamp ? translateTimestampSince(e.lastTimestamp, nowMs) : first
    const kind = (e.involvedObject.kind ?? '').toLowerCase()
    const target = e.involvedObject.name ? `${kind}/${e.involvedObject.name}` : kind
    return [
      last,
      e.type ?? '',
      e.reason ?? '',
      target,
      e.involvedObject.fieldPath ?? '',
      eventSource(e),
      (e.message ?? '').trim(),
      first,
      String(e.count || 1), // singleton events of the events.k8s.io API carry no count
      e.metadata.name,
    ]
  },
}

/** formatEventSource: `component, host`, falling back to reportingComponent/reportingInstance. */
export function eventSource(e: EventX): string {
  const component = e.source?.component || e.reportingComponent || ''
  const host = e.source?.host || e.reportingInstance || ''
  return host ? `${component}, ${host}` : component
}
