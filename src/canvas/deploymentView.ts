// One Deployment's view, for comparing with a StatefulSet running the same template: no slots and
// no ordinals — its ReplicaSets (one per template revision) each own pods with random suffixes,
// and a claim named in the template is one claim that every pod mounts.
import { t } from '../i18n/i18n'
import type { Deployment, PersistentVolumeClaim, ReplicaSet } from '../sim/model'
import { tableHandler } from '../kubectl/printers'
import type { ClaimView, DeploymentView, PodView, ReplicaSetView, Tone, VolumeView } from './model'
import { claimView } from './objectViews'

export interface DeploymentContext {
  readonly now: number
  readonly replicaSets: readonly ReplicaSet[]
  /** Pods by the uid of their controller. */
  readonly podsByOwner: ReadonlyMap<string, readonly PodView[]>
  readonly claims: ReadonlyMap<string, PersistentVolumeClaim>
  readonly volumeOf: (pvc: PersistentVolumeClaim) => VolumeView | undefined
}

const REVISION = 'deployment.kubernetes.io/revision'

export function deploymentView(d: Deployment, ctx: DeploymentContext): DeploymentView {
  const ns = d.metadata.namespace ?? 'default'
  const owned = ctx.replicaSets
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid))
    .map((rs) => ({ rs, revision: revisionOf(rs) }))
    .sort((a, b) => (b.revision ?? 0) - (a.revision ?? 0))
  const newest = owned[0]?.rs
  const replicaSets: ReplicaSetView[] = owned
    .map(({ rs, revision }) => {
      const pods = [...(ctx.podsByOwner.get(rs.metadata.uid) ?? [])].sort((a, b) =>
        a.name < b.name ? -1 : 1,
      )
      return {
        key: rs.metadata.uid,
        name: rs.metadata.name,
        revision,
        current: rs === newest,
        desired: rs.spec.replicas ?? 1,
        ready: rs.status?.readyReplicas ?? 0,
        pods,
      }
    })
    .filter((rs) => rs.current || rs.pods.length > 0)
  const claimKeys = [...new Set(replicaSets.flatMap((rs) => rs.pods.flatMap((p) => p.claimKeys)))].sort()
  const claims: ClaimView[] = claimKeys.flatMap((key) => {
    const pvc = ctx.claims.get(key)
    return pvc ? [claimView(pvc, ctx.now, { volume: ctx.volumeOf(pvc) })] : []
  })
  const [, ready = ''] = tableHandler('Deployment').row(d, ctx.now)
  const strategy = d.spec.strategy
  const rolling = strategy?.rollingUpdate
  const activity = deploymentActivity(d, replicaSets)
  return {
    key: `deploy:${d.metadata.uid}`,
    uid: d.metadata.uid,
    name: d.metadata.name,
    namespace: ns,
    ready,
    replicas: d.spec.replicas ?? 1,
    strategy:
      strategy?.type === 'Recreate'
        ? 'Recreate'
        : `RollingUpdate (maxSurge ${rolling?.maxSurge ?? '25%'}, maxUnavailable ${rolling?.maxUnavailable ?? '25%'})`,
    revision: newest ? revisionOf(newest) : undefined,
    activity: activity.text,
    activityTone: activity.tone,
    replicaSets,
    claims,
  }
}

function revisionOf(rs: ReplicaSet): number | undefined {
  const n = Number(rs.metadata.annotations?.[REVISION])
  return Number.isFinite(n) && n > 0 ? n : undefined
}

function deploymentActivity(d: Deployment, sets: readonly ReplicaSetView[]): { text: string; tone: Tone } {
  const replicas = d.spec.replicas ?? 1
  const current = sets.find((s) => s.current)
  const old = sets.filter((s) => !s.current && s.pods.length > 0)
  const pods = sets.flatMap((s) => s.pods)
  if (old.length > 0 && current) {
    const left = old.reduce((n, s) => n + s.pods.length, 0)
    const how = t(
      d.spec.strategy?.type === 'Recreate' ? 'canvas.deployment.recreate' : 'canvas.deployment.rolling',
    )
    return {
      text: t('canvas.deployment.progress', {
        count: left,
        paused: d.spec.paused ? t('canvas.deployment.paused') : '',
        how,
        name: current.name,
        have: current.pods.length,
        replicas,
      }),
      tone: d.spec.paused ? 'warn' : 'progress',
    }
  }
  const terminating = pods.filter((p) => p.terminating)
  if (terminating.length > 0) {
    const names = terminating.map((p) => p.name).join(t('common.listSep'))
    // Scaling down removes pods for good; otherwise each one gone is replaced under a new name.
    const staying = pods.length - terminating.length
    return {
      text: t(staying >= replicas ? 'canvas.deployment.scalingDown' : 'canvas.deployment.replaced', {
        names,
      }),
      tone: 'stop',
    }
  }
  const ready = pods.filter((p) => p.tone === 'ok').length
  if (ready >= replicas && pods.length === replicas)
    return { text: t('canvas.deployment.allReady', { count: replicas }), tone: 'ok' }
  return {
    text: t('canvas.deployment.starting', { ready, replicas }),
    tone: pods.some((p) => p.tone === 'bad') ? 'bad' : 'progress',
  }
}
