// Claims and the volumes bound to them. A claim whose slot has no tenant is drawn orphaned
// (dashed, "waiting for web-2") but keeps its phase: it is still Bound to the same volume, which
// is what lets the next tenant find its data.
import { t } from '../i18n/i18n'
import { select } from 'd3'
import type { Placed } from './drawables'
import { drawIcon } from './icons'
import type { ClaimView, VolumeView } from './model'
import { enter, leave, place, type Motion, type Sel } from './motion'
import { attrs, changed, fitEnd, part, setSurface, setTone, shortVolume, label } from './surface'

function join<T>(
  layer: Sel,
  cls: string,
  items: readonly Placed<T>[],
  m: Motion,
): Sel<SVGGElement, Placed<T>> {
  const groups = layer
    .selectAll<SVGGElement, Placed<T>>(`:scope > g.${cls}:not(.oc-leaving)`)
    .data(items, (d) => d.key)
    .join(
      (e) => {
        const g = e.append('g').attr('class', cls)
        const body = g.append('g').attr('class', 'oc-body')
        body.append('rect').attr('class', 'oc-card')
        body.append('g').attr('class', 'oc-icon')
        return g.call(enter, m, 8)
      },
      (u) => u,
      (x) => x.call(leave, m, (d: Placed<T>) => d.box),
    )
  place(groups, (d) => d.box, m)
  return groups
}

export function drawClaims(layer: Sel, items: readonly Placed<ClaimView>[], m: Motion): void {
  join(layer, 'oc-claim', items, m).each(function (d) {
    const c = d.item
    if (!changed(this, [c, d.box.w, d.box.h, d.tier])) return
    const g = select<SVGGElement, Placed<ClaimView>>(this)
    const waiting = c.orphaned && c.forPod ? t('canvas.storage.waitingFor', { pod: c.forPod }) : ''
    const volume = c.volumeName ? t('canvas.storage.volume', { name: c.volumeName }) : ''
    setSurface(g, {
      kind: 'PersistentVolumeClaim',
      name: c.name,
      namespace: c.namespace,
      status: c.phase,
      interactive: true,
      label: t('canvas.storage.claimLabel', {
        name: c.name,
        phase: c.phase,
        volume,
        orphaned: waiting ? t('canvas.storage.orphaned', { waiting }) : '',
      }),
    })
    g.attr('data-orphaned', String(c.orphaned)).classed('oc-orphaned', c.orphaned)
    setTone(g, c.tone)
    const body = g.select<SVGGElement>(':scope > .oc-body')
    const { w, h } = d.box
    const detail = d.tier === 'detail'
    attrs(body.select('.oc-card'), { width: w, height: h, rx: detail ? 10 : 7 })
    const icon = body
      .select<SVGGElement>('.oc-icon')
      .attr('transform', detail ? 'translate(22,21)' : 'translate(13,13)')
    drawIcon(icon, c.tone, detail ? 9 : 6.5)
    const size = c.capacity || c.request
    if (!detail) {
      label(body, 'oc-name', 24, 17, c.name, 12, 'bold', w - 30)
      label(
        body,
        'oc-line2',
        8,
        33,
        waiting ? t('canvas.storage.waiting', { phase: c.phase }) : `${c.phase} · ${size}`,
        11,
        'sans',
        w - 14,
      )
      return
    }
    label(body, 'oc-name', 38, 26, c.name, 15, 'bold', w - 90)
    label(body, 'oc-kind', w - 14, 24, 'PVC', 11, 'bold').attr('text-anchor', 'end')
    const line = label(body, 'oc-line2', 14, 46, '', 13)
    line.append('tspan').attr('class', 'oc-phase').text(c.phase)
    const facts = waiting ? [waiting, size] : [size, c.accessModes, c.storageClass]
    line
      .append('tspan')
      .text(fitEnd(` · ${facts.filter(Boolean).join(' · ')}`, w - 30 - c.phase.length * 8, 13))
  })
}

export function drawVolumes(layer: Sel, items: readonly Placed<VolumeView>[], m: Motion): void {
  join(layer, 'oc-volume', items, m).each(function (d) {
    const v = d.item
    if (!changed(this, [v, d.box.w, d.box.h, d.tier])) return
    const g = select<SVGGElement, Placed<VolumeView>>(this)
    const where =
      (v.claim ? t('canvas.storage.claim', { claim: v.claim }) : '') +
      (v.node ? t('canvas.storage.on', { node: v.node }) : '')
    setSurface(g, {
      kind: 'PersistentVolume',
      name: v.name,
      status: v.phase,
      interactive: true,
      label: t('canvas.storage.volumeLabel', {
        name: v.name,
        phase: v.phase,
        capacity: v.capacity,
        policy: v.reclaimPolicy,
        where,
      }),
    })
    setTone(g, v.tone)
    const body = g.select<SVGGElement>(':scope > .oc-body')
    const { w, h } = d.box
    const detail = d.tier === 'detail'
    attrs(body.select('.oc-card'), { width: w, height: h, rx: h / 2 })
    // The disk glyph says "volume"; the tone icon beside the phase says its state.
    const disk = part<SVGGElement>(body, 'g', 'oc-disk')
    if (disk.selectAll('*').empty()) {
      disk.append('path').attr('d', 'M-8,-6 L-8,6 A8,3 0 0 0 8,6 L8,-6')
      disk.append('ellipse').attr('cy', -6).attr('rx', 8).attr('ry', 3)
    }
    disk.attr('transform', `translate(${detail ? 24 : 14},${h / 2}) scale(${detail ? 1 : 0.7})`)
    const name = `PV ${shortVolume(v.name)}`
    if (!detail) {
      body.select('.oc-icon').attr('display', 'none')
      label(body, 'oc-name', 26, 15, name, 11, 'bold', w - 34)
      label(body, 'oc-line2', 26, 28, v.phase, 10.5, 'sans', w - 34)
      return
    }
    label(body, 'oc-name', 44, 21, name, 13, 'bold', w - 60)
    drawIcon(body.select<SVGGElement>('.oc-icon').attr('transform', 'translate(50,35)'), v.tone, 6)
    const line = label(body, 'oc-line2', 61, 39.5, '', 12)
    line.append('tspan').attr('class', 'oc-phase').text(v.phase)
    const rest = ` · ${[v.reclaimPolicy, v.node ?? v.capacity].filter(Boolean).join(' · ')}`
    line.append('tspan').text(fitEnd(rest, w - 80 - v.phase.length * 7, 12))
  })
}
