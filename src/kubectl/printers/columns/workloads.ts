// printers.go printStatefulSet, printControllerRevision, printDeployment and printReplicaSet.
import type {
  Container,
  ControllerRevision,
  Deployment,
  KubeObject,
  ReplicaSet,
  StatefulSet,
} from '../../../sim/model'
import { translateTimestampSince } from '../humanDuration'
import { AGE, NAME, type TableHandler } from './types'
import { controllerResourceName, selectorString } from './util'

export const statefulSetTable: TableHandler = {
  columns: [
    NAME,
    { name: 'Ready' },
    AGE,
    { name: 'Containers', priority: 1 },
    { name: 'Images', priority: 1 },
  ],
  row(obj: KubeObject, nowMs: number) {
    const sts = obj as StatefulSet
    const containers = sts.spec.template.spec.containers ?? []
    return [
      sts.metadata.name,
      // spec.replicas is defaulted to 1 by the API server.
      `${sts.status?.readyReplicas ?? 0}/${sts.spec.replicas ?? 1}`,
      translateTimestampSince(sts.metadata.creationTimestamp, nowMs),
      containers.map((c) => c.name).join(','),
      containers.map((c) => c.image ?? '').join(','),
    ]
  },
}

export const controllerRevisionTable: TableHandler = {
  columns: [NAME, { name: 'Controller' }, { name: 'Revision' }, AGE],
  row(obj: KubeObject, nowMs: number) {
    const cr = obj as ControllerRevision
    const ref = cr.metadata.ownerReferences?.find((r) => r.controller)
    return [
      cr.metadata.name,
      ref ? controllerResourceName(ref) : '<none>',
      String(cr.revision),
      translateTimestampSince(cr.metadata.creationTimestamp, nowMs),
    ]
  },
}

/** layoutContainerCells: names and images joined with commas. */
function containerCells(containers: readonly Container[] | undefined): [string, string] {
  const list = containers ?? []
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')]
}

export const deploymentTable: TableHandler = {
  columns: [
    NAME,
    { name: 'Ready' },
    { name: 'Up-to-date' },
    { name: 'Available' },
    AGE,
    { name: 'Containers', priority: 1 },
    { name: 'Images', priority: 1 },
    { name: 'Selector', priority: 1 },
  ],
  row(obj: KubeObject, nowMs: number) {
    const d = obj as Deployment
    const status = d.status ?? {}
    return [
      d.metadata.name,
      `${status.readyReplicas ?? 0}/${d.spec.replicas ?? 1}`,
      String(status.updatedReplicas ?? 0),
      String(status.availableReplicas ?? 0),
      translateTimestampSince(d.metadata.creationTimestamp, nowMs),
      ...containerCells(d.spec.template?.spec?.containers),
      selectorString(d.spec.selector),
    ]
  },
}

export const replicaSetTable: TableHandler = {
  columns: [
    NAME,
    { name: 'Desired' },
    { name: 'Current' },
    { name: 'Ready' },
    AGE,
    { name: 'Containers', priority: 1 },
    { name: 'Images', priority: 1 },
    { name: 'Selector', priority: 1 },
  ],
  row(obj: KubeObject, nowMs: number) {
    const rs = obj as ReplicaSet
    return [
      rs.metadata.name,
      String(rs.spec.replicas ?? 1),
      String(rs.status?.replicas ?? 0),
      String(rs.status?.readyReplicas ?? 0),
      translateTimestampSince(rs.metadata.creationTimestamp, nowMs),
      ...containerCells(rs.spec.template?.spec?.containers),
      // metav1.FormatLabelSelector, unlike the Deployment's selector.String(), says <none> for empty.
      selectorString(rs.spec.selector) || '<none>',
    ]
  },
}
