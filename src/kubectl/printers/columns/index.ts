// The print handlers printers.go registers in AddHandlers, keyed by kind. Kinds without one get
// the default NAME/AGE table, as kubectl does for objects it has no columns for.
import type { KubeObject } from '../../../sim/model'
import { translateTimestampSince } from '../humanDuration'
import { eventTable, namespaceTable, nodeTable } from './cluster'
import { endpointSliceTable, endpointsTable, serviceTable } from './network'
import { podTable } from './pods'
import { persistentVolumeClaimTable, persistentVolumeTable, storageClassTable } from './storage'
import { AGE, NAME, type TableHandler } from './types'
import { controllerRevisionTable, deploymentTable, replicaSetTable, statefulSetTable } from './workloads'

export type { ColumnDefinition, TableHandler } from './types'

const defaultTable: TableHandler = {
  columns: [NAME, AGE],
  row: (obj: KubeObject, nowMs: number) => [
    obj.metadata.name,
    translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
  ],
}

const HANDLERS: Readonly<Record<string, TableHandler>> = {
  Pod: podTable,
  StatefulSet: statefulSetTable,
  Deployment: deploymentTable,
  ReplicaSet: replicaSetTable,
  ControllerRevision: controllerRevisionTable,
  Service: serviceTable,
  Endpoints: endpointsTable,
  EndpointSlice: endpointSliceTable,
  PersistentVolumeClaim: persistentVolumeClaimTable,
  PersistentVolume: persistentVolumeTable,
  StorageClass: storageClassTable,
  Node: nodeTable,
  Namespace: namespaceTable,
  Event: eventTable,
}

export function tableHandler(kind: string): TableHandler {
  return HANDLERS[kind] ?? defaultTable
}
