// The slots: dashed seats with an ordinal nameplate that stay while tenants come and go (an
// empty seat is hatched and says why it is empty), and the captions and section headings.
import { t } from '../i18n/i18n'
import { select } from 'd3'
import type { PartitionMark, Placed } from './drawables'
import type { Caption } from './geometry'
import type { SlotView } from './model'
import { enter, leave, place, type Motion, type Sel } from './motion'
import { attrs, changed, label, part, textWidth } from './surface'

type Frame = SlotView & { readonly setName: string }

export function drawFrames(layer: Sel, items: readonly Placed<Frame>[], m: Motion): void {
  const groups = layer
    .selectAll<SVGGElement, Placed<Frame>>(':scope > g.oc-slot:not(.oc-leaving)')
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
    if (!changed(this, [s.name, s.ordinal, s.wanted, !!s.pod, s.note, s.held, d.box.w, d.box.h, d.tier]))
      return
    const vacancy = s.pod ? '' : t('canvas.slot.vacancy', { note: s.note })
    const held = s.held ? t('canvas.slot.held') : ''
    const g = select<SVGGElement, Placed<Frame>>(this)
      .attr('data-slot', s.name)
      .attr('data-held', s.held ? 'true' : null)
      .classed('oc-vacant', !s.pod)
      .classed('oc-unwanted', !s.wanted)
      .classed('oc-held', s.held)
      .attr(
        'aria-label',
        t('canvas.slot.label', { ordinal: s.ordinal, set: s.setName, name: s.name, vacancy, held }),
      )
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
  const word = detail
    ? t(s.wanted ? (s.held ? 'canvas.slot.wordHeld' : 'canvas.slot.word') : 'canvas.slot.wordScaledDown')
    : ''
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

/** Partition lines: dashed, across the slot columns, labelled above them. */
export function drawPartitions(layer: Sel, marks: readonly PartitionMark[], m: Motion): void {
  const groups = layer
    .selectAll<SVGGElement, PartitionMark>(':scope > g.oc-partition:not(.oc-leaving)')
    .data(marks, (d) => d.key)
    .join(
      (e) => {
        const g = e.append('g').attr('class', 'oc-partition').attr('role', 'img')
        g.append('line').attr('class', 'oc-partition-line')
        g.append('rect').attr('class', 'oc-partition-chip')
        g.append('text').attr('class', 'oc-partition-text')
        return g.call(enter, m, 0)
      },
      (u) => u,
      // A leaving line fades out; it stops being a partition at once.
      (x) => x.attr('data-partition', null).call(leave, m),
    )
  groups.each(function (d) {
    if (!changed(this, [d.partition, d.firstUpdated, d.x, d.y1, d.y2, d.labelY])) return
    const g = select<SVGGElement, PartitionMark>(this)
      .attr('data-partition', d.partition)
      .attr(
        'aria-label',
        t('canvas.slot.partitionLabel', { partition: d.partition, set: d.setName, first: d.firstUpdated }),
      )
    attrs(g.select('.oc-partition-line'), { x1: d.x, x2: d.x, y1: d.y1, y2: d.y2 })
    const text = t('canvas.slot.partitionChip', { partition: d.partition })
    const w = textWidth(text, 12, 'bold') + 16
    attrs(g.select('.oc-partition-chip'), { x: d.x - 8, y: d.labelY, width: w, height: 17, rx: 8.5 })
    attrs(g.select('.oc-partition-text'), { x: d.x, y: d.labelY + 12.5 }).text(text)
  })
}

export function drawCaptions(
  layer: Sel,
  captions: readonly Caption[],
  cls: string,
  x: (c: Caption) => number,
): void {
  layer
    .selectAll<SVGTextElement, Caption>(`:scope > text.${cls}:not(.oc-leaving)`)
    .data(captions, (c) => c.key)
    .join((e) => e.append('text').attr('class', cls).attr('aria-hidden', 'true'))
    .each(function (c) {
      if (changed(this, [c.text, x(c), c.y])) attrs(select(this), { x: x(c), y: c.y + 4 }).text(c.text)
    })
}
