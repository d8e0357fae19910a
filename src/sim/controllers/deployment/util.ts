// Port of pkg/controller/deployment/util/deployment_util.go: the revision and replica
// annotations, maxSurge/maxUnavailable (ResolveFenceposts), the new-RS size (NewRSNewReplicas),
// proportions for scaling, the new/old ReplicaSet split and the status predicates. Pure.
import type {
  Deployment,
  DeploymentCondition,
  DeploymentStatus,
  IntOrString,
  PodTemplateSpec,
  ReplicaSet,
} from '../../model'
import { deepEqual } from '../../api/apiServer'
import { simTimeOf } from '../../runtime/time'
import { byCreationTimestamp, POD_TEMPLATE_HASH_LABEL, specReplicas } from '../replicaset/utils'

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision'
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history'
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas'
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas'
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'
const ROLLBACK_TO = 'deprecated.deployment.rollback.to'

// Condition reasons.
export const REPLICA_SET_UPDATED = 'ReplicaSetUpdated'
export const FAILED_RS_CREATE = 'ReplicaSetCreateError'
export const NEW_REPLICA_SET = 'NewReplicaSetCreated'
export const FOUND_NEW_RS = 'FoundNewReplicaSet'
export const NEW_RS_AVAILABLE = 'NewReplicaSetAvailable'
export const TIMED_OUT = 'ProgressDeadlineExceeded'
export const MINIMUM_REPLICAS_AVAILABLE = 'MinimumReplicasAvailable'
export const MINIMUM_REPLICAS_UNAVAILABLE = 'MinimumReplicasUnavailable'

const MAX_INT32 = 2147483647
const SKIPPED_ANNOTATIONS = new Set([
  LAST_APPLIED,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  ROLLBACK_TO,
])
/** Longest revision-history annotation kept (sync.go maxRevHistoryLengthInChars). */
const MAX_REV_HISTORY_CHARS = 2000

export function deploymentReplicas(d: Deployment): number {
  return d.spec.replicas ?? 1
}

// ---- conditions ----

export function newCondition(
  type: DeploymentCondition['type'],
  status: DeploymentCondition['status'],
  reason: string,
  message: string,
  now: string,
): DeploymentCondition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message }
}

export function getCondition(
  status: DeploymentStatus | undefined,
  type: DeploymentCondition['type'],
): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type)
}

/** SetDeploymentCondition: same status and reason changes nothing; same status keeps lastTransitionTime. */
export function setCondition(status: DeploymentStatus, condition: DeploymentCondition): void {
  const current = getCondition(status, condition.type)
  if (current && current.status === condition.status && current.reason === condition.reason) return
  const c = { ...condition }
  if (current && current.status === c.status) c.lastTransitionTime = current.lastTransitionTime
  status.conditions = [...(status.conditions ?? []).filter((x) => x.type !== c.type), c]
}

export function removeCondition(status: DeploymentStatus, type: DeploymentCondition['type']): void {
  const kept = (status.conditions ?? []).filter((c) => c.type !== type)
  if (kept.length) status.conditions = kept
  else delete status.conditions
}

// ---- revisions and annotations ----

/** Revision: the revision annotation as a number (0 when absent, NaN when malformed). */
export function revisionOf(rs: ReplicaSet): number {
  const v = rs.metadata.annotations?.[REVISION_ANNOTATION]
  if (v === undefined) return 0
  return /^[+-]?[0-9]+$/.test(v) ? Number(v) : NaN
}

/** MaxRevision: the highest parsable revision among the sets. */
export function maxRevision(sets: readonly ReplicaSet[]): number {
  return sets.reduce((max, rs) => {
    const v = revisionOf(rs)
    return Number.isNaN(v) ? max : Math.max(max, v)
  }, 0)
}

/** SetDeploymentRevision: returns whether the annotation changed. `d` is a working copy. */
export function setDeploymentRevision(d: Deployment, revision: string): boolean {
  if (d.metadata.annotations?.[REVISION_ANNOTATION] === revision) return false
  d.metadata.annotations = { ...d.metadata.annotations, [REVISION_ANNOTATION]: revision }
  return true
}

/**
 * SetNewReplicaSetAnnotations on `annotations` (a working copy): the deployment's own
 * annotations (minus the skipped ones), the revision (only ever raised; a raised one remembers
 * the old in revision-history) and, for a set about to be created, the replica annotations.
 */
export function setNewReplicaSetAnnotations(
  d: Deployment,
  annotations: Record<string, string>,
  newRevision: string,
  exists: boolean,
): boolean {
  let changed = false
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (SKIPPED_ANNOTATIONS.has(k) || annotations[k] === v) continue
    annotations[k] = v
    changed = true
  }
  const oldRevision = annotations[REVISION_ANNOTATION]
  let oldNum = 0
  if (oldRevision !== undefined && oldRevision !== '') {
    if (!/^[+-]?[0-9]+$/.test(oldRevision)) return false
    oldNum = Number(oldRevision)
  }
  const newNum = Number(newRevision)
  if (oldNum < newNum) {
    annotations[REVISION_ANNOTATION] = newRevision
    changed = true
    if (oldRevision !== undefined) {
      // A rollback to this set: keep the revisions it served before.
      const history = annotations[REVISION_HISTORY_ANNOTATION] ?? ''
      const previous = history === '' ? [] : history.split(',')
      previous.push(oldRevision)
      while (previous.join(',').length > MAX_REV_HISTORY_CHARS && previous.length > 1) previous.shift()
      annotations[REVISION_HISTORY_ANNOTATION] = previous.join(',')
    }
  }
  const replicas = deploymentReplicas(d)
  if (!exists && setReplicasAnnotations(annotations, replicas, replicas + maxSurge(d))) changed = true
  return changed
}

/** SetReplicasAnnotations: desired-replicas and max-replicas; returns whether either changed. */
export function setReplicasAnnotations(
  annotations: Record<string, string>,
  desired: number,
  max: number,
): boolean {
  let changed = false
  if (annotations[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) {
    annotations[DESIRED_REPLICAS_ANNOTATION] = String(desired)
    changed = true
  }
  if (annotations[MAX_REPLICAS_ANNOTATION] !== String(max)) {
    annotations[MAX_REPLICAS_ANNOTATION] = String(max)
    changed = true
  }
  return changed
}

export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desired: number, max: number): boolean {
  const a = rs.metadata.annotations ?? {}
  return a[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || a[MAX_REPLICAS_ANNOTATION] !== String(max)
}

function intAnnotation(rs: ReplicaSet, key: string): number | undefined {
  const v = rs.metadata.annotations?.[key]
  return v !== undefined && /^[+-]?[0-9]+$/.test(v) ? Number(v) : undefined
}

export function desiredReplicasAnnotation(rs: ReplicaSet): number | undefined {
  return intAnnotation(rs, DESIRED_REPLICAS_ANNOTATION)
}

// ---- maxSurge and maxUnavailable ----

/** intstr.GetScaledValueFromIntOrPercent: a percent of `total`, rounded up or down. */
export function scaledValue(v: IntOrString | undefined, total: number, roundUp: boolean): number {
  if (v === undefined || v === null) return 0
  if (typeof v === 'number') return v
  const m = /^([0-9]+)%$/.exec(v)
  if (!m) return /^[+-]?[0-9]+$/.test(v) ? Number(v) : 0
  const exact = (Number(m[1]) * total) / 100
  return roundUp ? Math.ceil(exact) : Math.floor(exact)
}

/** ResolveFenceposts: surge rounds up, unavailable down; both 0 makes unavailable 1. */
export function resolveFenceposts(d: Deployment): { surge: number; unavailable: number } {
  const ru = d.spec.strategy?.rollingUpdate ?? {}
  const desired = deploymentReplicas(d)
  const surge = scaledValue(ru.maxSurge, desired, true)
  let unavailable = scaledValue(ru.maxUnavailable, desired, false)
  if (surge === 0 && unavailable === 0) unavailable = 1
  return { surge, unavailable }
}

export function isRollingUpdate(d: Deployment): boolean {
  return (d.spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate'
}

export function maxSurge(d: Deployment): number {
  return isRollingUpdate(d) ? resolveFenceposts(d).surge : 0
}

export function maxUnavailable(d: Deployment): number {
  const replicas = deploymentReplicas(d)
  if (!isRollingUpdate(d) || replicas === 0) return 0
  return Math.min(resolveFenceposts(d).unavailable, replicas)
}

/** NewRSNewReplicas: the size the new set may grow to now. */
export function newRSNewReplicas(d: Deployment, allRSs: readonly ReplicaSet[], newRS: ReplicaSet): number {
  const replicas = deploymentReplicas(d)
  if (!isRollingUpdate(d)) return replicas
  const surge = scaledValue(d.spec.strategy?.rollingUpdate?.maxSurge, replicas, true)
  const current = replicaCount(allRSs)
  const maxTotal = replicas + surge
  if (current >= maxTotal) return specReplicas(newRS)
  const scaleUp = Math.min(maxTotal - current, replicas - specReplicas(newRS))
  return specReplicas(newRS) + scaleUp
}

/** IsSaturated: the new set owns every desired replica, all available. */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false
  const desired = desiredReplicasAnnotation(rs)
  const replicas = deploymentReplicas(d)
  return (
    desired !== undefined &&
    specReplicas(rs) === replicas &&
    desired === replicas &&
    (rs.status?.availableReplicas ?? 0) === replicas
  )
}

/** GetProportion: this set's share of `toAdd`, never beyond what is left to add. */
export function getProportion(
  rs: ReplicaSet | undefined,
  d: Deployment,
  toAdd: number,
  added: number,
): number {
  if (!rs || specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0
  const fraction = replicaSetFraction(rs, d)
  const allowed = toAdd - added
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed)
}

function replicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  const replicas = deploymentReplicas(d)
  if (replicas === 0) return -specReplicas(rs)
  const deploymentReplicasWithSurge = replicas + maxSurge(d)
  const annotated = intAnnotation(rs, MAX_REPLICAS_ANNOTATION) ?? d.status?.replicas ?? 0
  // Never reached in Kubernetes (a set is never scaled proportionally from zero); Go would divide by 0.
  if (annotated === 0) return 0
  const size = (specReplicas(rs) * deploymentReplicasWithSurge) / annotated
  // integer.RoundToInt32: half away from zero.
  return Math.sign(size) * Math.round(Math.abs(size)) - specReplicas(rs)
}

// ---- the new and old sets ----

/** EqualIgnoreHash: the templates equal once the pod-template-hash label is dropped. */
export function equalIgnoreHash(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  const strip = (t: PodTemplateSpec) => {
    const labels = { ...t.metadata?.labels }
    delete labels[POD_TEMPLATE_HASH_LABEL]
    const metadata = { ...t.metadata, labels }
    if (Object.keys(labels).length === 0) delete (metadata as { labels?: unknown }).labels
    return { ...t, metadata }
  }
  return deepEqual(strip(a), strip(b))
}

/** FindNewReplicaSet: the oldest set whose template is the deployment's. */
export function findNewReplicaSet(d: Deployment, sets: readonly ReplicaSet[]): ReplicaSet | undefined {
  return [...sets].sort(byCreationTimestamp).find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template))
}

/** FindOldReplicaSets: [those with replicas, all of them], oldest first. */
export function findOldReplicaSets(
  d: Deployment,
  sets: readonly ReplicaSet[],
): { required: ReplicaSet[]; all: ReplicaSet[] } {
  const newRS = findNewReplicaSet(d, sets)
  const all = [...sets].sort(byCreationTimestamp).filter((rs) => rs.metadata.uid !== newRS?.metadata.uid)
  return { required: all.filter((rs) => specReplicas(rs) !== 0), all }
}

export function replicaCount(sets: readonly (ReplicaSet | undefined)[]): number {
  return sets.reduce((n, rs) => n + (rs ? specReplicas(rs) : 0), 0)
}

export function actualReplicaCount(sets: readonly (ReplicaSet | undefined)[]): number {
  return sets.reduce((n, rs) => n + (rs?.status?.replicas ?? 0), 0)
}

export function readyReplicaCount(sets: readonly (ReplicaSet | undefined)[]): number {
  return sets.reduce((n, rs) => n + (rs?.status?.readyReplicas ?? 0), 0)
}

export function availableReplicaCount(sets: readonly (ReplicaSet | undefined)[]): number {
  return sets.reduce((n, rs) => n + (rs?.status?.availableReplicas ?? 0), 0)
}

// ---- progress ----

export function hasProgressDeadline(d: Deployment): boolean {
  const s = d.spec.progressDeadlineSeconds
  return s !== undefined && s !== null && s !== MAX_INT32
}

export function hasRevisionHistoryLimit(d: Deployment): boolean {
  const l = d.spec.revisionHistoryLimit
  return l !== undefined && l !== null && l !== MAX_INT32
}

/** DeploymentComplete: every desired replica updated and available, none old, spec observed. */
export function deploymentComplete(d: Deployment, status: DeploymentStatus): boolean {
  const replicas = deploymentReplicas(d)
  return (
    (status.updatedReplicas ?? 0) === replicas &&
    (status.replicas ?? 0) === replicas &&
    (status.availableReplicas ?? 0) === replicas &&
    (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 1)
  )
}

/** DeploymentProgressing: more updated, ready or available pods, or fewer old ones, than before. */
export function deploymentProgressing(d: Deployment, next: DeploymentStatus): boolean {
  const old = d.status ?? {}
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0)
  const newOld = (next.replicas ?? 0) - (next.updatedReplicas ?? 0)
  return (
    (next.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (next.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (next.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  )
}

/** DeploymentTimedOut: no progress reported for progressDeadlineSeconds (at `nowMs`). */
export function deploymentTimedOut(d: Deployment, status: DeploymentStatus, nowMs: number): boolean {
  if (!hasProgressDeadline(d)) return false
  const c = getCondition(status, 'Progressing')
  if (!c || c.reason === NEW_RS_AVAILABLE) return false
  if (c.reason === TIMED_OUT) return true
  if (!c.lastUpdateTime) return false
  return simTimeOf(c.lastUpdateTime) + (d.spec.progressDeadlineSeconds ?? 0) * 1000 < nowMs
}
