// The typed half of request decoding: a field of the wrong JSON type (`replicas: "two"`) fails
// the request with 400 BadRequest, worded as Go's encoding/json does, before defaulting or
// validation run. Covers the scalar fields the lessons use; others are left to validation.
import { StatusError } from './errors'
import type { KubeObject } from '../model'

type GoType = 'int32' | 'int64' | 'string' | 'bool'

interface FieldType {
  /** JSON path from the object's root; `[]` walks every element of a list. */
  path: string
  /** The Go struct that holds the field (as the error names it). */
  struct: string
  type: GoType
}

const POD_SPEC = (prefix: string): FieldType[] => [
  { path: `${prefix}.terminationGracePeriodSeconds`, struct: 'PodSpec', type: 'int64' },
  { path: `${prefix}.activeDeadlineSeconds`, struct: 'PodSpec', type: 'int64' },
  { path: `${prefix}.containers[].name`, struct: 'Container', type: 'string' },
  { path: `${prefix}.containers[].image`, struct: 'Container', type: 'string' },
  { path: `${prefix}.containers[].ports[].containerPort`, struct: 'ContainerPort', type: 'int32' },
  ...['readinessProbe', 'livenessProbe', 'startupProbe'].flatMap((probe) =>
    ['initialDelaySeconds', 'periodSeconds', 'timeoutSeconds', 'successThreshold', 'failureThreshold'].map(
      (f): FieldType => ({ path: `${prefix}.containers[].${probe}.${f}`, struct: 'Probe', type: 'int32' }),
    ),
  ),
]

const FIELDS: Record<string, FieldType[]> = {
  StatefulSet: [
    { path: 'spec.replicas', struct: 'StatefulSetSpec', type: 'int32' },
    { path: 'spec.serviceName', struct: 'StatefulSetSpec', type: 'string' },
    { path: 'spec.minReadySeconds', struct: 'StatefulSetSpec', type: 'int32' },
    { path: 'spec.revisionHistoryLimit', struct: 'StatefulSetSpec', type: 'int32' },
    { path: 'spec.ordinals.start', struct: 'StatefulSetOrdinals', type: 'int32' },
    {
      path: 'spec.updateStrategy.rollingUpdate.partition',
      struct: 'RollingUpdateStatefulSetStrategy',
      type: 'int32',
    },
    ...POD_SPEC('spec.template.spec'),
  ],
  Deployment: [
    { path: 'spec.replicas', struct: 'DeploymentSpec', type: 'int32' },
    { path: 'spec.minReadySeconds', struct: 'DeploymentSpec', type: 'int32' },
    { path: 'spec.revisionHistoryLimit', struct: 'DeploymentSpec', type: 'int32' },
    { path: 'spec.progressDeadlineSeconds', struct: 'DeploymentSpec', type: 'int32' },
    { path: 'spec.paused', struct: 'DeploymentSpec', type: 'bool' },
    { path: 'spec.strategy.type', struct: 'DeploymentStrategy', type: 'string' },
    ...POD_SPEC('spec.template.spec'),
  ],
  ReplicaSet: [
    { path: 'spec.replicas', struct: 'ReplicaSetSpec', type: 'int32' },
    { path: 'spec.minReadySeconds', struct: 'ReplicaSetSpec', type: 'int32' },
    ...POD_SPEC('spec.template.spec'),
  ],
  Pod: POD_SPEC('spec'),
  Service: [
    { path: 'spec.clusterIP', struct: 'ServiceSpec', type: 'string' },
    { path: 'spec.publishNotReadyAddresses', struct: 'ServiceSpec', type: 'bool' },
    { path: 'spec.ports[].port', struct: 'ServicePort', type: 'int32' },
    { path: 'spec.ports[].name', struct: 'ServicePort', type: 'string' },
  ],
  PersistentVolumeClaim: [
    { path: 'spec.storageClassName', struct: 'PersistentVolumeClaimSpec', type: 'string' },
  ],
}

function jsonType(v: unknown): string {
  if (typeof v === 'string') return 'string'
  if (typeof v === 'number') return 'number'
  if (typeof v === 'boolean') return 'bool'
  return Array.isArray(v) ? 'array' : 'object'
}

function fits(v: unknown, type: GoType): boolean {
  if (type === 'string') return typeof v === 'string'
  if (type === 'bool') return typeof v === 'boolean'
  if (type === 'int32') return typeof v === 'number' && Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31
  return typeof v === 'number' && Number.isInteger(v)
}

/** Every value at `path` (lists expanded), with null and absent values skipped (they decode as zero). */
function valuesAt(root: unknown, path: string): unknown[] {
  let current: unknown[] = [root]
  for (const part of path.split('.')) {
    const list = part.endsWith('[]')
    const key = list ? part.slice(0, -2) : part
    const next: unknown[] = []
    for (const c of current) {
      const v =
        c && typeof c === 'object' && !Array.isArray(c) ? (c as Record<string, unknown>)[key] : undefined
      if (v === undefined || v === null) continue
      if (list) next.push(...(Array.isArray(v) ? v : [v]))
      else next.push(v)
    }
    current = next
  }
  return current
}

/** Throws BadRequest for the first field whose JSON type the API's Go type cannot take. */
export function decodeTypes(obj: KubeObject): void {
  for (const field of FIELDS[obj.kind] ?? []) {
    for (const value of valuesAt(obj, field.path)) {
      if (fits(value, field.type)) continue
      const version = (obj.apiVersion ?? '').split('/').pop() || 'v1'
      const goPath = field.path.replace(/\[\]/g, '')
      const what =
        // encoding/json names the number when it is a number the Go type cannot hold (1.5, 2147483648).
        typeof value === 'number' && field.type !== 'string' && field.type !== 'bool'
          ? 'number ' + String(value)
          : jsonType(value)
      throw new StatusError(
        'BadRequest',
        `${obj.kind} in version "${version}" cannot be handled as a ${obj.kind}: json: cannot unmarshal ${what} into Go struct field ${field.struct}.${goPath} of type ${field.type}`,
        { kind: obj.kind },
      )
    }
  }
}
