// printers.go printStatefulSet and printControllerRevision.
import type { ControllerRevision, KubeObject, StatefulSet } from '../../../sim/model'
import { translateTimestampSince } from '../humanDuration'
import { AGE, NAME, type TableHandler } from './types'
import { controllerResourceName } from './util'

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
