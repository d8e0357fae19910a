// Port of pkg/controller/deployment/sync.go: finding (or creating) the new ReplicaSet and syncing
// revisions, scaling (proportionally across the active sets during a rollout), cleaning up old
// sets beyond revisionHistoryLimit and computing status. Go mutates its deep copy of the
// Deployment; here `d` is such a working copy, and writeStatus stores its annotations and status.
import type { Deployment, ReplicaSet } from '../../model'
import { StatusError } from '../../api/errors'
import { deepEqual } from '../../api/apiServer'
import type { SimContext } from '../../simContext'
import { computeHash } from './hash'
import { calculateStatus } from './status'
import {
  byCreationTimestamp,
  filterActiveReplicaSets,
  getControllerOf,
  newControllerRef,
  POD_TEMPLATE_HASH_LABEL,
  specReplicas,
} from '../replicaset/utils'
import {
  deploymentReplicas,
  desiredReplicasAnnotation,
  equalIgnoreHash,
  FAILED_RS_CREATE,
  findNewReplicaSet,
  findOldReplicaSets,
  FOUND_NEW_RS,
  getCondition,
  getProportion,
  hasProgressDeadline,
  hasRevisionHistoryLimit,
  isRollingUpdate,
  isSaturated,
  maxRevision,
  maxSurge,
  NEW_REPLICA_SET,
  newCondition,
  newRSNewReplicas,
  replicaCount,
  REVISION_ANNOTATION,
  replicasAnnotationsNeedUpdate,
  revisionOf,
  setCondition,
  setDeploymentRevision,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
  TIMED_OUT,
} from './util'

export const DEPLOYMENT_COMPONENT = 'deployment-controller'

export interface ReplicaSets {
  newRS: ReplicaSet | undefined
  oldRSs: ReplicaSet[]
}

export class DeploymentSync {
  constructor(readonly ctx: SimContext) {}

  now(): string {
    return this.ctx.api.now()
  }

  event(d: Deployment, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.ctx.recorder.record(d, type, reason, message, DEPLOYMENT_COMPONENT)
  }

  /** UpdateStatus of the working copy; the revision annotation rides along, as Go's status update lets it. */
  writeStatus(d: Deployment): void {
    const live = this.ctx.store.get<Deployment>('Deployment', d.metadata.namespace, d.metadata.name)
    if (!live || live.metadata.uid !== d.metadata.uid) return
    let current = live
    if (!deepEqual(live.metadata.annotations ?? {}, d.metadata.annotations ?? {})) {
      const metadata = { ...live.metadata, annotations: d.metadata.annotations }
      current = this.ctx.api.update<Deployment>({ ...live, metadata })
    }
    this.ctx.api.updateStatus<Deployment>({ ...current, status: d.status })
  }

  /** sync: scaling events and paused deployments — no rollout progress. */
  sync(d: Deployment, rsList: ReplicaSet[]): void {
    const { newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(d, rsList, false)
    this.scale(d, newRS, oldRSs)
    if (d.spec.paused) this.cleanupDeployment(oldRSs, d)
    this.syncDeploymentStatus([...oldRSs, newRS], newRS, d)
  }

  syncStatusOnly(d: Deployment, rsList: ReplicaSet[]): void {
    const { newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(d, rsList, false)
    this.syncDeploymentStatus([...oldRSs, newRS], newRS, d)
  }

  /** checkPausedConditions: Progressing Unknown DeploymentPaused / DeploymentResumed. */
  checkPausedConditions(d: Deployment): void {
    if (!hasProgressDeadline(d)) return
    const cond = getCondition(d.status, 'Progressing')
    if (cond?.reason === TIMED_OUT) return
    const pausedCondExists = cond?.reason === 'DeploymentPaused'
    const status = (d.status ??= {})
    if (d.spec.paused && !pausedCondExists) {
      setCondition(
        status,
        newCondition('Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused', this.now()),
      )
    } else if (!d.spec.paused && pausedCondExists) {
      setCondition(
        status,
        newCondition('Progressing', 'Unknown', 'DeploymentResumed', 'Deployment is resumed', this.now()),
      )
    } else return
    this.writeStatus(d)
  }

  getAllReplicaSetsAndSyncRevision(d: Deployment, rsList: ReplicaSet[], create: boolean): ReplicaSets {
    const { all } = findOldReplicaSets(d, rsList)
    return { newRS: this.getNewReplicaSet(d, rsList, all, create), oldRSs: all }
  }

  /**
   * getNewReplicaSet: the set whose template is the deployment's, its revision raised above every
   * old one (a rollback reuses the old set and renumbers it); created when `create` is set.
   */
  private getNewReplicaSet(
    d: Deployment,
    rsList: ReplicaSet[],
    oldRSs: ReplicaSet[],
    create: boolean,
  ): ReplicaSet | undefined {
    const existing = findNewReplicaSet(d, rsList)
    const newRevision = String(maxRevision(oldRSs) + 1)
    const status = (d.status ??= {})
    if (existing) {
      const annotations = { ...existing.metadata.annotations }
      const annotationsUpdated = setNewReplicaSetAnnotations(d, annotations, newRevision, true)
      const minReady = d.spec.minReadySeconds ?? 0
      if (annotationsUpdated || (existing.spec.minReadySeconds ?? 0) !== minReady) {
        const spec = { ...existing.spec, minReadySeconds: minReady || undefined }
        if (!spec.minReadySeconds) delete spec.minReadySeconds
        return this.ctx.api.update<ReplicaSet>({
          ...existing,
          metadata: { ...existing.metadata, annotations },
          spec,
        })
      }
      let needsUpdate = setDeploymentRevision(d, annotations[REVISION_ANNOTATION] ?? '')
      if (hasProgressDeadline(d) && !getCondition(status, 'Progressing')) {
        const msg = `Found new replica set "${existing.metadata.name}"`
        setCondition(status, newCondition('Progressing', 'True', FOUND_NEW_RS, msg, this.now()))
        needsUpdate = true
      }
      if (needsUpdate) this.writeStatus(d)
      return existing
    }
    if (!create) return undefined

    const hash = computeHash(d.spec.template, status.collisionCount)
    const labels = { ...d.spec.template.metadata?.labels, [POD_TEMPLATE_HASH_LABEL]: hash }
    const template = { ...d.spec.template, metadata: { ...d.spec.template.metadata, labels } }
    const selector = {
      ...d.spec.selector,
      matchLabels: { ...d.spec.selector.matchLabels, [POD_TEMPLATE_HASH_LABEL]: hash },
    }
    const name = `${d.metadata.name}-${hash}`
    const newRS = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name,
        namespace: d.metadata.namespace,
        ownerReferences: [newControllerRef(d)],
        labels,
        annotations: {} as Record<string, string>,
      },
      spec: {
        replicas: 0,
        ...(d.spec.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}),
        selector,
        template,
      },
    } as unknown as ReplicaSet
    const newReplicas = newRSNewReplicas(d, [...oldRSs, newRS], newRS)
    newRS.spec.replicas = newReplicas
    setNewReplicaSetAnnotations(d, newRS.metadata.annotations as Record<string, string>, newRevision, false)

    let created: ReplicaSet
    let alreadyExists = false
    try {
      created = this.ctx.api.create<ReplicaSet>(newRS)
    } catch (e) {
      if (!(e instanceof StatusError)) throw e
      if (e.reason === 'AlreadyExists') {
        const rs = this.ctx.store.get<ReplicaSet>('ReplicaSet', d.metadata.namespace, name)!
        // Ours, with this template: a stale view, not a collision.
        if (
          getControllerOf(rs)?.uid === d.metadata.uid &&
          equalIgnoreHash(d.spec.template, rs.spec.template)
        ) {
          created = rs
          alreadyExists = true
        } else {
          // A hash collision: bump collisionCount so the next sync hashes to another name.
          status.collisionCount = (status.collisionCount ?? 0) + 1
          this.writeStatus(d)
          throw e
        }
      } else {
        const msg = `Failed to create new replica set "${name}": ${e.message}`
        if (hasProgressDeadline(d)) {
          setCondition(status, newCondition('Progressing', 'False', FAILED_RS_CREATE, msg, this.now()))
          this.writeStatus(d)
        }
        this.event(d, 'Warning', FAILED_RS_CREATE, msg)
        throw e
      }
    }
    if (!alreadyExists && newReplicas > 0)
      this.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${name} to ${newReplicas}`)
    let needsUpdate = setDeploymentRevision(d, newRevision)
    if (!alreadyExists && hasProgressDeadline(d)) {
      const msg = `Created new replica set "${name}"`
      setCondition(status, newCondition('Progressing', 'True', NEW_REPLICA_SET, msg, this.now()))
      needsUpdate = true
    }
    if (needsUpdate) this.writeStatus(d)
    return created
  }

  /**
   * scale: a single active set takes the whole count; a saturated new set empties the old ones;
   * otherwise (RollingUpdate) the change is spread over the active sets in proportion to their
   * size, larger sets first, so a scale in mid-rollout keeps the rollout's balance.
   */
  scale(d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
    const replicas = deploymentReplicas(d)
    const activeOrLatest = findActiveOrLatest(newRS, oldRSs)
    if (activeOrLatest) {
      if (specReplicas(activeOrLatest) !== replicas)
        this.scaleReplicaSetAndRecordEvent(activeOrLatest, replicas, d)
      return
    }
    if (isSaturated(d, newRS)) {
      for (const old of filterActiveReplicaSets(oldRSs)) this.scaleReplicaSetAndRecordEvent(old, 0, d)
      return
    }
    if (!isRollingUpdate(d)) return
    const allRSs = filterActiveReplicaSets([...oldRSs, newRS])
    const allowedSize = replicas > 0 ? replicas + maxSurge(d) : 0
    const toAdd = allowedSize - replicaCount(allRSs)
    let operation = ''
    if (toAdd > 0) {
      allRSs.sort((a, b) => specReplicas(b) - specReplicas(a) || byCreationTimestamp(b, a))
      operation = 'up'
    } else if (toAdd < 0) {
      allRSs.sort((a, b) => specReplicas(b) - specReplicas(a) || byCreationTimestamp(a, b))
      operation = 'down'
    }
    let added = 0
    const sizes = allRSs.map((rs) => {
      if (toAdd === 0) return specReplicas(rs)
      const proportion = getProportion(rs, d, toAdd, added)
      added += proportion
      return specReplicas(rs) + proportion
    })
    allRSs.forEach((rs, i) => {
      // Leftovers go to the largest set.
      let size = sizes[i]!
      if (i === 0 && toAdd !== 0) size = Math.max(0, size + toAdd - added)
      this.scaleReplicaSet(rs, size, d, operation)
    })
  }

  scaleReplicaSetAndRecordEvent(
    rs: ReplicaSet,
    newScale: number,
    d: Deployment,
  ): { scaled: boolean; rs: ReplicaSet } {
    if (specReplicas(rs) === newScale) return { scaled: false, rs }
    return this.scaleReplicaSet(rs, newScale, d, specReplicas(rs) < newScale ? 'up' : 'down')
  }

  /** scaleReplicaSet: spec.replicas and the replica annotations, with a ScalingReplicaSet event. */
  private scaleReplicaSet(
    rs: ReplicaSet,
    newScale: number,
    d: Deployment,
    operation: string,
  ): { scaled: boolean; rs: ReplicaSet } {
    const replicas = deploymentReplicas(d)
    const max = replicas + maxSurge(d)
    const sizeNeedsUpdate = specReplicas(rs) !== newScale
    if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, replicas, max)) return { scaled: false, rs }
    const oldScale = specReplicas(rs)
    const annotations = { ...rs.metadata.annotations }
    setReplicasAnnotations(annotations, replicas, max)
    const updated = this.ctx.api.update<ReplicaSet>({
      ...rs,
      metadata: { ...rs.metadata, annotations },
      spec: { ...rs.spec, replicas: newScale },
    })
    if (sizeNeedsUpdate) {
      const message = `Scaled ${operation} replica set ${updated.metadata.name} to ${newScale} from ${oldScale}`
      this.event(d, 'Normal', 'ScalingReplicaSet', message)
    }
    return { scaled: sizeNeedsUpdate, rs: updated }
  }

  /** cleanupDeployment: deletes the oldest empty, fully observed old sets beyond revisionHistoryLimit. */
  cleanupDeployment(oldRSs: ReplicaSet[], d: Deployment): void {
    if (!hasRevisionHistoryLimit(d)) return
    const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp)
    const diff = cleanable.length - (d.spec.revisionHistoryLimit ?? 10)
    if (diff <= 0) return
    cleanable.sort((a, b) => {
      const ra = revisionOf(a)
      const rb = revisionOf(b)
      if (Number.isNaN(ra) || Number.isNaN(rb) || ra === rb) return byCreationTimestamp(a, b)
      return ra - rb
    })
    for (const rs of cleanable.slice(0, diff)) {
      if (
        (rs.status?.replicas ?? 0) !== 0 ||
        specReplicas(rs) !== 0 ||
        (rs.metadata.generation ?? 1) > (rs.status?.observedGeneration ?? 0)
      )
        continue
      this.ctx.api.delete('ReplicaSet', rs.metadata.namespace, rs.metadata.name)
    }
  }

  syncDeploymentStatus(
    allRSs: (ReplicaSet | undefined)[],
    newRS: ReplicaSet | undefined,
    d: Deployment,
  ): void {
    const status = calculateStatus(allRSs, newRS, d, this.now())
    if (deepEqual(d.status ?? {}, status)) return
    d.status = status
    this.writeStatus(d)
  }

  /** isScalingEvent: an active set's desired-replicas annotation differs from spec.replicas. */
  isScalingEvent(d: Deployment, rsList: ReplicaSet[]): boolean {
    const { newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(d, rsList, false)
    return filterActiveReplicaSets([...oldRSs, newRS]).some((rs) => {
      const desired = desiredReplicasAnnotation(rs)
      return desired !== undefined && desired !== deploymentReplicas(d)
    })
  }
}

/** FindActiveOrLatest: the only active set, the newest when none is active, else undefined. */
function findActiveOrLatest(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined
  // Go sorts the caller's slice in place (newest first); later loops see that order.
  oldRSs.sort((a, b) => byCreationTimestamp(b, a))
  const active = filterActiveReplicaSets([...oldRSs, newRS])
  if (active.length === 0) return newRS ?? oldRSs[0]
  return active.length === 1 ? active[0] : undefined
}
