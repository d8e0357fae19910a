// The slots: dashed seats with an ordinal nameplate that stay while tenants come and go (an
// empty seat is hatched and says why it is empty), and the captions and section headings.
import { select } from 'd3'
import type { Placed } from './drawables'
import type { Caption } from './geometry'
import type { SlotView } from './model'
import { enter, leave, place, type Motion, type Sel } from './motion'
import { attrs, changed, label, part, textWidth } from './surface'

type Frame = SlotView & { readonly setName: string }

export function drawFrames(layer: Sel, items: readonly Placed<Frame>[], m: Motion): void {
  const groups = layer
    .selectAll<SVGGElement, Placed<Frame>>(':scope > g.oc-slot')
    .data(items, (d) => d.key)
    .join(
      (e) => {
        const g = e.append('g').attr('class', 'oc-slot').attr('role', 'img')
        const body = g.append('g').attr('class', 'oc-body')
        body.append('rect').attr('class', 'oc-seat')
        body.append('rect').attr('class', 'oc-vacancy')
        return g.call(enter, m, 0)
      },
      (u) => u,
      (x) => x.call(leave, m),
    )
  place(groups, (d) => d.box, m)
  groups.each(function (d) {
    const s = d.item
    if (!changed(this, [s.name, s.ordinal, s.wanted, !!s.pod, s.note, d.box.w, d.box.h, d.tier])) return
    const vacancy = s.pod ? '' : `, vacant: ${s.note}`
    const g = select<SVGGElement, Placed<Frame>>(this)
      .attr('data-slot', s.name)
      .classed('oc-vacant', !s.pod)
      .classed('oc-unwanted', !s.wanted)
      .attr('aria-label', `Slot ${s.ordinal} of ${s.setName}: identity ${s.name}${vacancy}`)
    renderFrame(g.select<SVGGElement>(':scope > .oc-body'), d)
  })
}

function renderFrame(body: Sel, d: Placed<Frame>): void {
  const s = d.item
  const { w, h } = d.box
  const detail = d.tier === 'detail'
  const top = detail ? 32 : 22
  const inset = detail ? 12 : 7
  attrs(body.select('.oc-seat'), { width: w, height: h, rx: detail ? 16 : 11 })
  attrs(body.select('.oc-vacancy'), {
    x: inset,
    y: top,
    width: w - 2 * inset,
    height: h - top - inset,
    rx: detail ? 12 : 8,
  })
  const px = detail ? 13 : 11
  const ordinal = String(s.ordinal)
  const bw = Math.max(detail ? 22 : 16, textWidth(ordinal, px, 'monobold') + 10)
  const badge = part<SVGGElement>(body, 'g', 'oc-badge').attr(
    'transform',
    `translate(${detail ? 14 : 7},${detail ? 8 : 4})`,
  )
  attrs(part<SVGRectElement>(badge, 'rect', 'oc-badge-bg'), { width: bw, height: detail ? 19 : 15, rx: 5 })
  label(badge, 'oc-badge-text', bw / 2, detail ? 14 : 11.5, ordinal, px, 'monobold')
  const y = detail ? 23 : 16
  label(body, 'oc-identity', (detail ? 14 : 7) + bw + 8, y, s.name, detail ? 15 : 12, 'monobold', w * 0.55)
  const word = detail ? (s.wanted ? 'SLOT' : 'SLOT · SCALED DOWN') : ''
  label(body, 'oc-seat-word', w - (detail ? 14 : 8), y, word, 11, 'bold')
  const note = s.pod ? '' : s.note
  label(
    body,
    'oc-vacant-note',
    w / 2,
    top + (h - top - inset) / 2 + 5,
    note,
    detail ? 14 : 11.5,
    'sans',
    w - 2 * inset - 16,
  )
}

export function drawCaptions(
  layer: Sel,
  captions: readonly Caption[],
  cls: string,
  x: (c: Caption) => number,
): void {
  layer
    .selectAll<SVGTextElement, Caption>(`:scope > text.${cls}`)
    .data(captions, (c) => c.key)
    .join((e) => e.append('text').attr('class', cls).attr('aria-hidden', 'true'))
    .each(function (c) {
      if (changed(this, [c.text, x(c), c.y])) attrs(select(this), { x: x(c), y: c.y + 4 }).text(c.text)
    })
}
