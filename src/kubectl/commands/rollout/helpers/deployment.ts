// The Deployment's rollout helpers (polymorphichelpers: DeploymentStatusViewer,
// DeploymentHistoryViewer, DeploymentRollbacker, kubectl's util/deployment). Its history is its
// ReplicaSets, numbered by their deployment.kubernetes.io/revision annotation.
import type { ApiServer } from '../../../../sim/api/apiServer'
import type { Deployment, PodTemplateSpec, ReplicaSet } from '../../../../sim/model'
import { sortedJson } from '../../../sortedJson'
import { controlledBy, revisionNotFound } from './controllerHistory'
import { CHANGE_CAUSE_ANNOTATION, printHistory, printTemplate, type HistoryEntry } from './historyPrinter'
import type { HistoryViewer, Rollbacker, RolloutStatus } from './types'

const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision'
const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash'
const TIMED_OUT_REASON = 'ProgressDeadlineExceeded'

/** Annotations a rollback keeps from the Deployment instead of copying them from the ReplicaSet. */
const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION_ANNOTATION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
])

/** deploymentutil.Revision: the revision annotation as an integer, undefined when absent or malformed. */
function revisionOf(obj: { metadata: { annotations?: Record<string, string> } }): number | undefined {
  const v = obj.metadata.annotations?.[REVISION_ANNOTATION]
  if (v === undefined) return 0
  return /^[+-]?\d+$/.test(v) ? Number(v) : undefined
}

/** DeploymentStatusViewer.Status. */
export function deploymentRolloutStatus(d: Deployment, revision: number): RolloutStatus {
  const name = d.metadata.name
  if (revision > 0) {
    const current = revisionOf(d)
    if (current === undefined)
      throw new Error(`cannot get the revision of deployment "${name}": invalid revision annotation`)
    if (revision !== current)
      throw new Error(`desired revision (${revision}) is different from the running revision (${current})`)
  }
  const status = d.status ?? {}
  if ((d.metadata.generation ?? 0) > (status.observedGeneration ?? 0))
    return { message: 'Waiting for deployment spec update to be observed...\n', done: false }
  const progressing = status.conditions?.find((c) => c.type === 'Progressing')
  if (progressing?.reason === TIMED_OUT_REASON)
    throw new Error(`deployment "${name}" exceeded its progress deadline`)
  const updated = status.updatedReplicas ?? 0
  const waiting = (what: string) => ({
    message: `Waiting for deployment "${name}" rollout to finish: ${what}...\n`,
    done: false,
  })
  if (d.spec.replicas !== undefined && updated < d.spec.replicas)
    return waiting(`${updated} out of ${d.spec.replicas} new replicas have been updated`)
  if ((status.replicas ?? 0) > updated)
    return waiting(`${(status.replicas ?? 0) - updated} old replicas are pending termination`)
  if ((status.availableReplicas ?? 0) < updated)
    return waiting(`${status.availableReplicas ?? 0} of ${updated} updated replicas are available`)
  return { message: `deployment "${name}" successfully rolled out\n`, done: true }
}

/** deploymentutil.GetAllReplicaSets: every ReplicaSet the Deployment controls, old and new. */
function replicaSetsOf(api: ApiServer, d: Deployment): ReplicaSet[] {
  return controlledBy<ReplicaSet>(api, 'ReplicaSet', d)
}

export const deploymentHistoryViewer: HistoryViewer = {
  viewHistory(api, obj, revision) {
    const entries = new Map<number, HistoryEntry>()
    for (const rs of replicaSetsOf(api, obj as Deployment)) {
      const v = revisionOf(rs)
      if (v === undefined) continue
      const changeCause = rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION]
      // The viewer writes the change cause into the template it prints.
      entries.set(v, {
        changeCause,
        template: () => withAnnotation(rs.spec.template, CHANGE_CAUSE_ANNOTATION, changeCause),
      })
    }
    return printHistory(entries, revision)
  },
  getHistory(api, obj) {
    const out = new Map<number, ReplicaSet>()
    for (const rs of replicaSetsOf(api, obj as Deployment)) {
      const v = revisionOf(rs)
      if (v !== undefined) out.set(v, rs)
    }
    return out
  },
}

export const deploymentRollbacker: Rollbacker = {
  rollback(api, obj, toRevision, dryRun) {
    if (toRevision < 0) throw revisionNotFound(toRevision)
    const d = api.get<Deployment>('Deployment', obj.metadata.namespace, obj.metadata.name)
    const rs = deploymentRevision(api, d, toRevision)
    if (dryRun === 'client') return printTemplate(rs.spec.template)
    if (d.spec.paused)
      throw new Error(
        "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
      )
    if (equalIgnoreHash(rs.spec.template, d.spec.template))
      return `skipped rollback (current template already matches revision ${toRevision})`
    const annotations: Record<string, string> = {}
    for (const [k, v] of Object.entries(d.metadata.annotations ?? {}))
      if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v
    for (const [k, v] of Object.entries(rs.metadata.annotations ?? {}))
      if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v
    const restored: Deployment = {
      ...d,
      metadata: { ...d.metadata, annotations },
      spec: { ...d.spec, template: withoutHashLabel(rs.spec.template) },
    }
    try {
      api.update(restored, { dryRun: dryRun === 'server' })
    } catch (e) {
      throw new Error(
        `failed restoring revision ${toRevision}: ${e instanceof Error ? e.message : String(e)}`,
        { cause: e },
      )
    }
    return 'rolled back'
  },
}

/** deploymentRevision: the ReplicaSet of `toRevision`, or for 0 the one before the latest. */
function deploymentRevision(api: ApiServer, d: Deployment, toRevision: number): ReplicaSet {
  const numbered = replicaSetsOf(api, d)
    .map((rs) => ({ rs, v: revisionOf(rs) }))
    .filter((e): e is { rs: ReplicaSet; v: number } => e.v !== undefined)
  if (toRevision > 0) {
    const found = numbered.find((e) => e.v === toRevision)
    if (!found) throw revisionNotFound(toRevision)
    return found.rs
  }
  const sorted = [...numbered].sort((a, b) => b.v - a.v)
  const previous = sorted[1]
  if (!previous) throw new Error(`no rollout history found for deployment "${d.metadata.name}"`)
  return previous.rs
}

function withoutHashLabel(template: PodTemplateSpec): PodTemplateSpec {
  const { [POD_TEMPLATE_HASH_LABEL]: _hash, ...labels } = template.metadata?.labels ?? {}
  const metadata = { ...template.metadata, labels }
  if (Object.keys(labels).length === 0) delete (metadata as { labels?: unknown }).labels
  return { ...template, metadata }
}

/** equalIgnoreHash: the templates are semantically equal apart from pod-template-hash. */
function equalIgnoreHash(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  return sortedJson(withoutHashLabel(a)) === sortedJson(withoutHashLabel(b))
}

function withAnnotation(template: PodTemplateSpec, key: string, value: string | undefined): PodTemplateSpec {
  if (!value) return template
  return {
    ...template,
    metadata: { ...template.metadata, annotations: { ...template.metadata?.annotations, [key]: value } },
  }
}
