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

/** One step of a field path: a key, and whether its value is a list to walk. */
interface Step {
  key: string
  list: boolean
}

const stepsByPath = new Map<string, Step[]>()

/** A path's steps, parsed once: every API write of a pod runs every path of its kind. */
function stepsOf(path: string): Step[] {
  let steps = stepsByPath.get(path)
  if (!steps) {
    steps = path.split('.').map((part) => {
      const list = part.endsWith('[]')
      return { key: list ? part.slice(0, -2) : part, list }
    })
    stepsByPath.set(path, steps)
  }
  return steps
}

/** No value misfits (a value of its own, so `undefined` cannot be mistaken for it). */
const FITS = Symbol('fits')

/**
 * The first value at `steps` (lists expanded, depth first: the order of the values themselves)
 * that does not fit `type`; null and absent values are skipped (they decode as zero).
 */
function firstMisfit(node: unknown, steps: Step[], at: number, type: GoType): unknown {
  if (at === steps.length) return fits(node, type) ? FITS : node
  if (!node || typeof node !== 'object' || Array.isArray(node)) return FITS
  const { key, list } = steps[at]!
  const v = (node as Record<string, unknown>)[key]
  if (v === undefined || v === null) return FITS
  if (!list || !Array.isArray(v)) return firstMisfit(v, steps, at + 1, type)
  for (const item of v) {
    const misfit = firstMisfit(item, steps, at + 1, type)
    if (misfit !== FITS) return misfit
  }
  return FITS
}

/** Throws BadRequest for the first field whose JSON type the API's Go type cannot take. */
export function decodeTypes(obj: KubeObject): void {
  for (const field of FIELDS[obj.kind] ?? []) {
    const value = firstMisfit(obj, stepsOf(field.path), 0, field.type)
    if (value === FITS) continue
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
