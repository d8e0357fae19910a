// One StatefulSet's view: its slots (ordinals start..start+max(replicas, pods)-1 plus any ordinal
// whose claims survive), each with its tenant pod, its DNS record and its claims and volumes.
import { t } from '../i18n/i18n'
import type { PersistentVolumeClaim, StatefulSet } from '../sim/model'
import { tableHandler } from '../kubectl/printers'
import { setActivity, slotNote } from './activity'
import type { ServiceDns } from './dns'
import type { ClaimView, PodView, SetView, SlotRevision, SlotView, VolumeView } from './model'
import { claimView } from './objectViews'

export interface SetContext {
  readonly now: number
  readonly podByUid: ReadonlyMap<string, PodView>
  /** Pod uid → the uid of its controller (ownerReference with controller: true). */
  readonly controllerOf: ReadonlyMap<string, string | undefined>
  readonly dns: ReadonlyMap<string, ServiceDns>
  readonly notHeadless: ReadonlySet<string>
  readonly claims: ReadonlyMap<string, PersistentVolumeClaim>
  readonly volumeOf: (pvc: PersistentVolumeClaim) => VolumeView | undefined
  /** ControllerRevision namespace/name → its revision number. */
  readonly revisionNumbers: ReadonlyMap<string, number>
  /** Nodes that are NotReady or whose kubelet is stopped. */
  readonly unreachable: ReadonlySet<string>
}

export function setView(set: StatefulSet, ctx: SetContext): SetView {
  const { now, podByUid, claims, volumeOf } = ctx
  const ns = set.metadata.namespace ?? 'default'
  const name = set.metadata.name
  const start = set.spec.ordinals?.start ?? 0
  const replicas = set.spec.replicas ?? 1
  const templates = (set.spec.volumeClaimTemplates ?? []).map((tpl) => tpl.metadata.name)

  const podAt = new Map<number, PodView>()
  for (const p of podByUid.values()) {
    if (p.namespace !== ns) continue
    const m = /^(.*)-(\d+)$/.exec(p.name)
    // The set's pods: those it controls, or a `<set>-<n>` pod nobody controls (it would adopt it).
    const owner = ctx.controllerOf.get(p.uid)
    if (m?.[1] === name && (owner === undefined || owner === set.metadata.uid)) podAt.set(Number(m[2]), p)
  }
  const ordinals = new Set<number>()
  for (let i = 0; i < replicas; i++) ordinals.add(start + i)
  for (const o of podAt.keys()) ordinals.add(o)
  for (const tpl of templates) {
    const prefix = `${ns}/${tpl}-${name}-`
    for (const key of claims.keys()) {
      const rest = key.startsWith(prefix) ? key.slice(prefix.length) : ''
      if (/^\d+$/.test(rest)) ordinals.add(Number(rest))
    }
  }

  const serviceKey = `${ns}/${set.spec.serviceName ?? ''}`
  const service = set.spec.serviceName ? ctx.dns.get(serviceKey) : undefined
  const serviceProblem = !set.spec.serviceName
    ? t('canvas.set.noServiceName')
    : !service
      ? t('canvas.set.serviceNotFound', { name: set.spec.serviceName })
      : ctx.notHeadless.has(serviceKey)
        ? t('canvas.set.notHeadless', { name: set.spec.serviceName })
        : ''
  const st = set.status
  const updateRevision = st?.updateRevision
  const rollingOut = !!updateRevision && st?.currentRevision !== updateRevision
  const strategy = set.spec.updateStrategy?.type ?? 'RollingUpdate'
  const partition =
    strategy === 'RollingUpdate' ? (set.spec.updateStrategy?.rollingUpdate?.partition ?? 0) : 0
  const revisionOf = (pod: PodView | undefined): SlotRevision | undefined =>
    pod?.revision
      ? {
          number: ctx.revisionNumbers.get(`${ns}/${pod.revision}`),
          tag: imageTag(pod.image),
          state: pod.revision === updateRevision || !updateRevision ? 'update' : 'old',
        }
      : undefined
  const facts = [...ordinals]
    .sort((a, b) => a - b)
    .map((ordinal) => ({
      ordinal,
      name: `${name}-${ordinal}`,
      wanted: ordinal >= start && ordinal < start + replicas,
      pod: podAt.get(ordinal),
      revision: revisionOf(podAt.get(ordinal)),
    }))
  const slots: SlotView[] = facts.map((f) => {
    const record = service?.byPod.get(f.name)
    const slotClaims: ClaimView[] = templates.flatMap((tpl) => {
      const pvc = claims.get(`${ns}/${tpl}-${f.name}`)
      return pvc ? [claimView(pvc, now, { orphaned: !f.pod, forPod: f.name, volume: volumeOf(pvc) })] : []
    })
    return {
      ...f,
      key: `${set.metadata.uid}/${f.ordinal}`,
      record,
      recordName: set.spec.serviceName
        ? `${f.name}.${set.spec.serviceName}.${ns}.svc.cluster.local`
        : undefined,
      claims: slotClaims,
      held: f.ordinal < start + partition,
      note: slotNote(set, f, facts, !!record, serviceProblem),
    }
  })
  const number = (rev: string | undefined) => (rev ? ctx.revisionNumbers.get(`${ns}/${rev}`) : undefined)
  const activity = setActivity(set, facts, number(updateRevision), ctx.unreachable)
  const [, ready = ''] = tableHandler('StatefulSet').row(set, now)
  return {
    key: set.metadata.uid,
    uid: set.metadata.uid,
    name,
    namespace: ns,
    ready,
    replicas,
    currentReplicas: st?.replicas ?? 0,
    readyReplicas: st?.readyReplicas ?? 0,
    policy: set.spec.podManagementPolicy ?? 'OrderedReady',
    strategy: strategy === 'RollingUpdate' && partition ? `${strategy} (partition ${partition})` : strategy,
    revision: rollingOut ? `${st?.currentRevision} → ${updateRevision}` : (updateRevision ?? ''),
    currentRevision: number(st?.currentRevision),
    updateRevision: number(updateRevision),
    outdated: facts.filter((f) => f.revision?.state === 'old' && f.ordinal >= start + partition).length,
    heldOutdated: facts.filter((f) => f.revision?.state === 'old' && f.ordinal < start + partition).length,
    partition,
    updatesFrom: start + partition,
    serviceName: set.spec.serviceName ?? '',
    serviceProblem,
    activity: activity.text,
    activityTone: activity.tone,
    slots,
  }
}

/** The tag of an image reference (`registry.k8s.io/nginx-slim:0.8` → `0.8`); `latest` when none. */
export function imageTag(image: string): string {
  const ref = image.split('@')[0]!
  const colon = ref.lastIndexOf(':')
  return colon > ref.lastIndexOf('/') ? ref.slice(colon + 1) : 'latest'
}
