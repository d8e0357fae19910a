// drawables(model, scene): the flat, keyed lists the D3 layers join — each view item with its box
// and tier — and the lines between them: a DNS record to its slot's tenant, a pod to the claims
// it mounts, a claim to its volume. Pure, so the pairing is tested without a DOM.
import { t } from '../i18n/i18n'
import type { Box, Scene, SetGeometry } from './geometry'
import type { ClaimView, DnsRecordView, PodView, SlotRevision, SlotView, VolumeView } from './model'
import type { CanvasModel, SetView } from './model'
import type { Tier } from './sizes'

export interface Placed<T> {
  readonly key: string
  readonly item: T
  readonly box: Box
  readonly tier: Tier
  /** A pod of no StatefulSet: no slot, so no identity that outlives it. */
  readonly loose?: boolean
  /** A set's pod: the revision it runs, drawn as a chip on its card. */
  readonly revision?: SlotRevision
}

/** A RollingUpdate partition: a line between the held ordinals and the ones that update. */
export interface PartitionMark {
  readonly key: string
  readonly partition: number
  /** The first ordinal that updates: ordinals.start + partition. */
  readonly firstUpdated: number
  readonly setName: string
  /** x of the line, top and bottom, and the y of its label. */
  readonly x: number
  readonly y1: number
  readonly y2: number
  readonly labelY: number
}

export interface Link {
  readonly key: string
  readonly kind: 'dns' | 'mount' | 'bind'
  readonly x1: number
  readonly y1: number
  readonly x2: number
  readonly y2: number
  /** Drawn beside the line (a mount's path). */
  readonly label?: string
}

export interface Drawables {
  readonly frames: Placed<SlotView & { readonly setName: string }>[]
  readonly pods: Placed<PodView>[]
  readonly records: Placed<DnsRecordView>[]
  /** Signposts of slots whose name has no record now (NXDOMAIN). */
  readonly absent: Placed<{ readonly name: string; readonly note: string }>[]
  readonly claims: Placed<ClaimView>[]
  readonly volumes: Placed<VolumeView>[]
  readonly links: Link[]
  readonly partitions: PartitionMark[]
}

const bottom = (b: Box) => ({ x: b.x + b.w / 2, y: b.y + b.h })
const top = (b: Box) => ({ x: b.x + b.w / 2, y: b.y })

function line(key: string, kind: Link['kind'], from: Box, to: Box, dx = 0): Link {
  const a = bottom(from)
  const b = top(to)
  return { key, kind, x1: b.x + dx, y1: a.y, x2: b.x + dx, y2: b.y }
}

export function drawables(model: CanvasModel, scene: Scene): Drawables {
  const d: Drawables = {
    frames: [],
    pods: [],
    records: [],
    absent: [],
    claims: [],
    volumes: [],
    links: [],
    partitions: [],
  }
  for (const set of model.sets) {
    const geo = scene.sets.get(set.key)
    if (!geo) continue
    const tier = geo.tier
    const mark = partitionMark(set, geo)
    if (mark) d.partitions.push(mark)
    for (const slot of set.slots) {
      const g = geo.slots.get(slot.key)
      if (!g) continue
      d.frames.push({ key: slot.key, item: { ...slot, setName: set.name }, box: g.frame, tier })
      const pod = slot.pod
      if (pod) d.pods.push({ key: pod.key, item: pod, box: g.pod, tier, revision: slot.revision })
      if (slot.record) {
        d.records.push({ key: slot.record.key, item: slot.record, box: g.dns, tier })
        if (pod) d.links.push(line(`dns:${slot.record.key}:${pod.uid}`, 'dns', g.dns, g.pod))
      } else if (slot.recordName) {
        const note = slot.pod ? slot.note : t('canvas.slot.noTenant')
        d.absent.push({ key: slot.key, item: { name: slot.recordName, note }, box: g.dns, tier })
      }
      slot.claims.forEach((claim, i) => {
        const cb = g.claims[i]
        const vb = g.volumes[i]
        if (!cb) return
        d.claims.push({ key: claim.key, item: claim, box: cb, tier })
        // Several templates: each mount line runs at its own offset so the lines stay apart.
        const dx = (i - (slot.claims.length - 1) / 2) * 16
        if (pod && pod.claimKeys.includes(claim.key)) {
          const mount = line(`mount:${pod.uid}:${claim.key}`, 'mount', g.pod, cb, dx)
          const path = pod.mountPaths[claim.key]
          d.links.push(
            tier === 'detail' && path && slot.claims.length === 1 ? { ...mount, label: path } : mount,
          )
        }
        if (claim.volume && vb) {
          d.volumes.push({ key: claim.volume.key, item: claim.volume, box: vb, tier })
          d.links.push(line(`bind:${claim.key}:${claim.volume.key}`, 'bind', cb, vb))
        }
      })
    }
  }
  for (const dep of model.deployments) {
    const geo = scene.deployments.get(dep.key)
    if (!geo) continue
    const claimBoxes = new Map<string, Box>()
    for (const claim of dep.claims) {
      const boxes = geo.claims.get(claim.key)
      if (!boxes) continue
      claimBoxes.set(claim.key, boxes.claim)
      d.claims.push({ key: claim.key, item: claim, box: boxes.claim, tier: 'detail' })
      if (claim.volume && boxes.volume) {
        d.volumes.push({ key: claim.volume.key, item: claim.volume, box: boxes.volume, tier: 'detail' })
        d.links.push(line(`bind:${claim.key}:${claim.volume.key}`, 'bind', boxes.claim, boxes.volume))
      }
    }
    for (const rs of dep.replicaSets) {
      for (const pod of rs.pods) {
        const box = geo.pods.get(pod.key)
        if (!box) continue
        d.pods.push({ key: pod.key, item: pod, box, tier: 'detail', loose: true })
        // Every pod's mount runs to the one shared claim: the picture of "one claim for all".
        for (const key of pod.claimKeys) {
          const cb = claimBoxes.get(key)
          if (!cb) continue
          const from = bottom(box)
          const to = top(cb)
          d.links.push({
            key: `mount:${pod.uid}:${key}`,
            kind: 'mount',
            x1: from.x,
            y1: from.y,
            x2: to.x,
            y2: to.y,
          })
        }
      }
    }
  }
  for (const pod of model.loosePods) {
    const box = scene.loosePods.get(pod.key)
    if (box) d.pods.push({ key: pod.key, item: pod, box, tier: 'detail', loose: true })
  }
  for (const claim of model.claims) {
    const boxes = scene.claims.get(claim.key)
    if (!boxes) continue
    d.claims.push({ key: claim.key, item: claim, box: boxes.claim, tier: 'detail' })
    if (claim.volume && boxes.volume) {
      d.volumes.push({ key: claim.volume.key, item: claim.volume, box: boxes.volume, tier: 'detail' })
      d.links.push(line(`bind:${claim.key}:${claim.volume.key}`, 'bind', boxes.claim, boxes.volume))
    }
  }
  for (const v of model.volumes) {
    const box = scene.volumes.get(v.key)
    if (box) d.volumes.push({ key: v.key, item: v, box, tier: 'detail' })
  }
  return d
}

/**
 * Where a partition's line goes: in the gap before the first slot that updates (after the last
 * slot when the partition is beyond them all), from the signposts to the volumes.
 */
function partitionMark(set: SetView, geo: SetGeometry): PartitionMark | undefined {
  if (set.partition <= 0 || !set.slots.some((s) => s.held)) return undefined
  const first = set.slots.find((s) => !s.held)
  const last = set.slots[set.slots.length - 1]!
  const g = geo.slots.get((first ?? last).key)
  if (!g) return undefined
  const gap = geo.tier === 'detail' ? 12 : 7
  const x = first ? g.frame.x - gap : g.frame.x + g.frame.w + gap
  const lowest = Math.max(g.frame.y + g.frame.h, ...g.volumes.map((v) => v.y + v.h))
  return {
    key: set.key,
    partition: set.partition,
    firstUpdated: set.updatesFrom,
    setName: set.name,
    x,
    y1: g.dns.y,
    y2: lowest,
    labelY: geo.bar.y + geo.bar.h + 2,
  }
}
