// layout(model): world coordinates for everything the canvas draws, top to bottom: Services with
// their DNS zone; each StatefulSet (layoutSet.ts); pods of no set; standalone claims and volumes;
// StorageClasses; nodes. Pure: the same model always gives the same boxes.
import { t as translate } from '../i18n/i18n'
import type { Box, Caption, DeploymentGeometry, Scene, SetGeometry } from './geometry'
import { layoutSet } from './layoutSet'
import { answerParts } from './dns'
import type { CanvasModel, DeploymentView, ServiceView } from './model'
import { DETAIL } from './sizes'

export const MIN_WIDTH = 960
const SECTION_GAP = 40
const HEADING = 34
const SERVICE_CARD_W = 280
const NODE_W = 300

/** Height of a Service row: the zone lists its records (at least two lines). */
export function serviceHeight(records: number): number {
  return Math.max(DETAIL.serviceH, 52 + Math.max(2, records) * 26)
}

const MONO_13 = 13 * 0.61

/** The scene width a Service's zone needs to list its records (answers beyond ~440px say "+N"). */
export function serviceWidth(s: ServiceView): number {
  const names = Math.max(s.fqdn.length, ...s.records.map((r) => r.name.length)) * MONO_13 + 8
  const answers = s.records.map((r) => {
    const { head, items } = answerParts(r, s.fqdn)
    return (head + items.join(', ')).length * MONO_13
  })
  return SERVICE_CARD_W + 20 + 40 + names + 58 + Math.min(440, Math.max(240, ...answers)) + 12
}

/** Lays boxes of w×h left to right from (x0, y0), wrapping at maxW. */
function flow(keys: readonly string[], y0: number, w: number, h: number, gap: number, maxW: number) {
  const perRow = Math.max(1, Math.floor((maxW + gap) / (w + gap)))
  const boxes = new Map<string, Box>()
  keys.forEach((k, i) =>
    boxes.set(k, { x: (i % perRow) * (w + gap), y: y0 + Math.floor(i / perRow) * (h + gap), w, h }),
  )
  const rows = Math.ceil(keys.length / perRow)
  return { boxes, height: rows > 0 ? rows * (h + gap) - gap : 0 }
}

export function layout(model: CanvasModel): Scene {
  const headings: Caption[] = []
  let y = model.services.reduce((sum, s) => sum + serviceHeight(s.records.length) + 16, 0)
  if (model.services.length > 0) y += SECTION_GAP - 16

  const laid = model.sets.map((set) => {
    const r = layoutSet(set, y)
    y += r.height + SECTION_GAP
    return [set.key, r] as const
  })
  const width = Math.ceil(
    Math.max(MIN_WIDTH, ...laid.map(([, r]) => r.width), ...model.services.map(serviceWidth)),
  )
  // Every bar spans the scene, so the sets read as one stack.
  const sets = new Map<string, SetGeometry>(
    laid.map(([key, r]) => [key, { ...r.geo, bar: { ...r.geo.bar, w: width } }]),
  )

  const deployments = new Map<string, DeploymentGeometry>()
  for (const d of model.deployments) {
    const r = layoutDeployment(d, y, width)
    deployments.set(d.key, r.geo)
    y += r.height + SECTION_GAP
  }

  const section = (key: string, text: string) => {
    headings.push({ key, text, x: 0, y: y + 16 })
    y += HEADING
  }
  const cardW = DETAIL.colW - 2 * DETAIL.podInset
  let loosePods = new Map<string, Box>()
  if (model.loosePods.length > 0) {
    section('pods', translate('canvas.sections.pods'))
    const podH = DETAIL.frameH - DETAIL.frameLabel - DETAIL.podInset
    const f = flow(
      model.loosePods.map((p) => p.key),
      y,
      cardW,
      podH,
      24,
      width,
    )
    loosePods = f.boxes
    y += f.height + SECTION_GAP
  }

  const claims = new Map<string, { claim: Box; volume?: Box }>()
  const volumes = new Map<string, Box>()
  if (model.claims.length + model.volumes.length > 0) {
    section('storage', translate('canvas.sections.storage'))
    const keys = [...model.claims.map((c) => `c:${c.key}`), ...model.volumes.map((v) => `v:${v.key}`)]
    const volumeY = DETAIL.claimH + DETAIL.bindGap
    const inset = DETAIL.volumeInset - DETAIL.podInset
    const f = flow(keys, y, cardW, volumeY + DETAIL.volumeH, 24, width)
    for (const c of model.claims) {
      const b = f.boxes.get(`c:${c.key}`)!
      const volume = c.volume
        ? { x: b.x + inset, y: b.y + volumeY, w: cardW - 2 * inset, h: DETAIL.volumeH }
        : undefined
      claims.set(c.key, { claim: { ...b, h: DETAIL.claimH }, volume })
    }
    for (const v of model.volumes) {
      const b = f.boxes.get(`v:${v.key}`)!
      volumes.set(v.key, { x: b.x + inset, y: b.y + volumeY, w: cardW - 2 * inset, h: DETAIL.volumeH })
    }
    y += f.height + SECTION_GAP
  }

  const mine =
    model.sets.length +
    model.deployments.length +
    model.services.length +
    model.loosePods.length +
    model.claims.length
  const hint = mine === 0 ? { x: 0, y, w: width, h: 132 } : undefined
  if (hint) y += hint.h + SECTION_GAP

  const primaryHeight = Math.max(0, y - SECTION_GAP)
  section('infra', translate('canvas.sections.infra'))
  const storageClasses = new Map<string, Box>()
  for (const sc of model.storageClasses) {
    storageClasses.set(sc.key, { x: 0, y, w: width, h: DETAIL.classH })
    y += DETAIL.classH + 12
  }
  y += 12
  const nodes = flow(
    model.nodes.map((n) => n.key),
    y,
    NODE_W,
    DETAIL.nodeH,
    24,
    width,
  )
  y += nodes.height

  const services = new Map<string, { card: Box; zone: Box }>()
  let top = 0
  for (const s of model.services) {
    const h = serviceHeight(s.records.length)
    const zoneX = SERVICE_CARD_W + 20
    services.set(s.key, {
      card: { x: 0, y: top, w: SERVICE_CARD_W, h },
      zone: { x: zoneX, y: top, w: width - zoneX, h },
    })
    top += h + 16
  }
  return {
    width,
    height: y,
    primaryHeight,
    services,
    sets,
    deployments,
    headings,
    loosePods,
    claims,
    volumes,
    storageClasses,
    nodes: nodes.boxes,
    hint,
  }
}

const RS_LABEL_H = 24

/**
 * A Deployment: its bar across the scene; per ReplicaSet a label line and its pods flowing left
 * to right (aligned with the StatefulSet slots above); below them, the claims its pods mount.
 */
function layoutDeployment(
  d: DeploymentView,
  y0: number,
  width: number,
): { geo: DeploymentGeometry; height: number } {
  const t = DETAIL
  const cardW = t.colW - 2 * t.podInset
  const podH = t.frameH - t.frameLabel - t.podInset
  const bar = { x: 0, y: y0, w: width, h: t.barH }
  let y = y0 + t.barH + t.barGap
  const rows = new Map<string, Box>()
  const pods = new Map<string, Box>()
  for (const rs of d.replicaSets) {
    rows.set(rs.key, { x: t.gutter, y, w: width - t.gutter, h: RS_LABEL_H })
    y += RS_LABEL_H + 8
    const f = flow(
      rs.pods.map((p) => p.key),
      y,
      cardW,
      podH,
      t.colGap,
      width - t.gutter,
    )
    for (const [k, b] of f.boxes) pods.set(k, { ...b, x: b.x + t.gutter })
    y += (rs.pods.length ? f.height : 0) + t.rowGap / 2
  }
  const claims = new Map<string, { claim: Box; volume?: Box }>()
  if (d.claims.length > 0) {
    y += t.mountGap
    d.claims.forEach((c, i) => {
      const x = t.gutter + i * (cardW + t.colGap)
      const claim = { x, y, w: cardW, h: t.claimH }
      const inset = t.volumeInset - t.podInset
      const volume = c.volume
        ? { x: x + inset, y: y + t.claimH + t.bindGap, w: cardW - 2 * inset, h: t.volumeH }
        : undefined
      claims.set(c.key, { claim, volume })
    })
    y += t.claimH + t.bindGap + t.volumeH
  }
  return { geo: { bar, rows, pods, claims }, height: y - y0 }
}
