// Ordinal's own limit on workload size, enforced by the simulated API server on create and update
// (so `kubectl apply`, `kubectl scale` and the editor's checks all refuse it alike). Kubernetes
// takes any int32; the engine is measured to 10,000 replicas (README "Limits", bench/).
import type { FieldError } from '../errors'
import type { KubeObject } from '../../model'
import { invalid } from './field'

/** Replicas of one StatefulSet, Deployment or ReplicaSet. */
export const MAX_REPLICAS = 10_000

const SCALED = new Set(['StatefulSet', 'Deployment', 'ReplicaSet'])

/** `spec.replicas: Invalid value: 20000: must be no more than 10000 in Ordinal (…)`, or nothing. */
export function validateOrdinalLimits(obj: KubeObject): FieldError[] {
  if (!SCALED.has(obj.kind)) return []
  const replicas = (obj as { spec?: { replicas?: unknown } }).spec?.replicas
  if (typeof replicas !== 'number' || replicas <= MAX_REPLICAS) return []
  return [
    invalid(
      'spec.replicas',
      replicas,
      `must be no more than ${MAX_REPLICAS} in Ordinal (a limit of the simulator, not of Kubernetes; see "Limits" in the README)`,
    ),
  ]
}
