// Pod cards, keyed by uid: a new tenant of a slot is a new element that rises in, the old one
// shrinks and fades out. Status is icon shape + the words kubectl prints + colour; a changed IP
// (the slot's previous tenant had another) is highlighted for a moment.
import { t } from '../i18n/i18n'
import { select } from 'd3'
import type { Placed } from './drawables'
import { drawIcon } from './icons'
import type { PodView } from './model'
import { enter, flash, leave, place, type Motion, type Sel } from './motion'
import { attrs, changed, label, part, setSurface, setTone, textWidth } from './surface'

export interface PodMemory {
  /** Last IP drawn for each pod name (namespace/name): the slot's identity, not the tenant's. */
  readonly ips: Map<string, string>
}

export function drawPods(layer: Sel, items: readonly Placed<PodView>[], m: Motion, memory: PodMemory): void {
  const groups = layer
    .selectAll<SVGGElement, Placed<PodView>>(':scope > g.oc-pod:not(.oc-leaving)')
    .data(items, (d) => d.key)
    .join(
      (e) => {
        const g = e.append('g').attr('class', 'oc-pod')
        const body = g.append('g').attr('class', 'oc-body')
        body.append('rect').attr('class', 'oc-card')
        body.append('rect').attr('class', 'oc-flash').attr('opacity', 0)
        body.append('g')
        return g.call(enter, m, 14)
      },
      (u) => u,
      (x) => x.call(leave, m, (d: Placed<PodView>) => d.box),
    )
  place(groups, (d) => d.box, m)
  groups.each(function (d) {
    const g = select<SVGGElement, Placed<PodView>>(this)
    const p = d.item
    const identity = `${p.namespace}/${p.name}`
    const before = memory.ips.get(identity)
    if (p.ip) memory.ips.set(identity, p.ip)
    // The age ticks every second: it alone is redrawn then, not the whole card.
    if (d.tier === 'detail') renderAge(g.select(':scope > .oc-body'), d)
    if (!changed(this, [{ ...p, age: '' }, d.revision, d.box.w, d.box.h, d.tier, d.loose])) return
    setSurface(g, {
      kind: 'Pod',
      name: p.name,
      namespace: p.namespace,
      uid: p.uid,
      status: p.summary,
      interactive: true,
      label: t('canvas.pod.label', {
        name: p.name,
        summary: p.summary,
        ip: p.ip ? t('canvas.pod.ip', { ip: p.ip }) : '',
        node: p.node ? t('canvas.pod.node', { node: p.node }) : '',
        uid: p.uidShort,
        tenant: p.incarnation > 1 ? t('canvas.pod.tenantOf', { n: p.incarnation }) : '',
        revision: revisionWords(d),
      }),
    })
    g.attr('data-revision', d.revision?.number ?? null).attr('data-revision-state', d.revision?.state ?? null)
    setTone(g, p.tone)
    g.classed('oc-terminating', p.terminating)
    renderCard(g.select(':scope > .oc-body'), d)
    if (p.ip && before && before !== p.ip) flash(g.select('.oc-flash'), m)
  })
}

/** The revision chip at the card's top right: solid at the update revision, dashed while outdated. Returns its width. */
function renderRevision(body: Sel, d: Placed<PodView>): number {
  const r = d.revision
  const detail = d.tier === 'detail'
  const chip = part<SVGGElement>(body, 'g', 'oc-rev')
  if (!r) {
    chip.attr('display', 'none')
    return 0
  }
  const text = detail
    ? t('canvas.pod.chip', { revision: r.number ?? '?', tag: r.tag })
    : `r${r.number ?? '?'}`
  const px = detail ? 11.5 : 10.5
  const w = Math.min(textWidth(text, px, 'bold') + 12, d.box.w / 2)
  const h = detail ? 19 : 16
  chip
    .attr('display', null)
    .attr('class', `oc-rev oc-rev-${r.state}`)
    .attr('transform', `translate(${d.box.w - w - (detail ? 10 : 6)},${detail ? 16 : 7})`)
  attrs(part<SVGRectElement>(chip, 'rect', 'oc-rev-bg'), { width: w, height: h, rx: h / 2 })
  label(chip, 'oc-rev-text', w / 2, h / 2 + px * 0.36, text, px, 'bold', w - 6).attr('text-anchor', 'middle')
  return w
}

function revisionWords(d: Placed<PodView>): string {
  const r = d.revision
  if (!r) return ''
  const revision =
    r.number === undefined
      ? t('canvas.pod.earlierRevision')
      : t('canvas.pod.revision', { revision: r.number })
  const old = r.state === 'old' ? t('canvas.pod.notUpdated') : ''
  return t('canvas.pod.revisionWords', { revision, tag: r.tag, old })
}

function renderAge(body: Sel, { item: p, box }: Placed<PodView>): void {
  label(
    body,
    'oc-line2',
    16,
    112,
    `${p.node ?? t('canvas.pod.notScheduled')} · uid ${p.uidShort} · ${p.age}`,
    13,
    'sans',
    box.w - 28,
  )
}

function renderCard(body: Sel, d: Placed<PodView>): void {
  const p = d.item
  const { w, h } = d.box
  const detail = d.tier === 'detail'
  attrs(body.select('.oc-card'), { width: w, height: h, rx: detail ? 12 : 9 })
  const icon = body
    .select<SVGGElement>(':scope > g')
    .attr('transform', detail ? 'translate(26,27)' : 'translate(15,17)')
  drawIcon(icon, p.tone, detail ? 12 : 8.5)
  const chipW = renderRevision(body, d)
  if (!detail) {
    label(body, 'oc-name', 29, 22, p.name, 14, 'bold', w - 40 - chipW)
    label(body, 'oc-status', 10, 44, p.summary, 12.5, 'bold', w - 16)
    label(body, 'oc-mono', 10, 64, p.ip ?? t('canvas.pod.noIpYet'), 12, 'monobold', w - 16)
    attrs(body.select('.oc-flash'), { x: 6, y: 51, width: w - 12, height: 18, rx: 4 })
    return
  }
  // Long generated names (a Deployment's `web-deploy-56b5c97dcf-bxrkd`) drop to a smaller size before truncating.
  const nameW = w - 100 - chipW
  const namePx = textWidth(p.name, 19, 'bold') <= nameW ? 19 : 14
  label(body, 'oc-name', 48, 33, p.name, namePx, 'bold', nameW)
  label(body, 'oc-kind', w - 14 - (chipW ? chipW + 8 : 0), 30, 'POD', 11, 'bold').attr('text-anchor', 'end')
  label(body, 'oc-status', 48, 55, p.summary, 15, 'bold', w - 60)
  attrs(part<SVGLineElement>(body, 'line', 'oc-rule'), { x1: 14, x2: w - 14, y1: 67, y2: 67 })
  const ip = label(body, 'oc-line1', 16, 90, '', 13)
  ip.append('tspan').attr('class', 'oc-muted').text('IP ')
  ip.append('tspan')
    .attr('class', 'oc-ip')
    .text(p.ip ?? '—')
  if (!p.ip) ip.append('tspan').attr('class', 'oc-muted').text(t('canvas.pod.notAssigned'))
  attrs(body.select('.oc-flash'), { x: 10, y: 73, width: w - 20, height: 24, rx: 5 })
  renderAge(body, d)
  const tenant = d.loose
    ? t('canvas.pod.noSlot')
    : p.incarnation > 1
      ? t('canvas.pod.tenant', { n: p.incarnation })
      : t('canvas.pod.firstTenant')
  label(body, 'oc-line3', 16, 133, tenant, 12.5, p.incarnation > 1 ? 'bold' : 'sans', w - 28).classed(
    'oc-new',
    p.incarnation > 1,
  )
}
