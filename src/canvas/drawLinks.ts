// The lines between things: a DNS record down to the tenant it points at (keyed by record and
// pod, so a new tenant gets a new line that grows in), a pod's mount down to its claim (a claim
// "re-attaches" when the next tenant's line grows), a claim's binding down to its volume.
import { easeCubicOut, select } from 'd3'
import type { Link } from './drawables'
import { ENTER_MS, growLine, MOVE_MS, type Motion, type Sel } from './motion'
import { attrs, changed } from './surface'

const ends = (l: Link) => [l.x1, l.y1, l.x2, l.y2].join(',')
const drawn = new WeakMap<Element, string>()

export function drawLinks(layer: Sel, links: readonly Link[], m: Motion): void {
  const lines = layer
    .selectAll<SVGLineElement, Link>(':scope > line:not(.oc-leaving)')
    .data(links, (l) => l.key)
    .join(
      (e) =>
        e
          .append('line')
          .attr('class', (l) => `oc-link oc-link-${l.kind}`)
          .attr('aria-hidden', 'true')
          .attr('x1', (l) => l.x1)
          .attr('y1', (l) => l.y1)
          .attr('x2', (l) => l.x2)
          .attr('y2', (l) => l.y2)
          .each(function (l) {
            drawn.set(this, ends(l))
          })
          .call(growLine, m),
      (u) => u,
      (x) => {
        x.attr('class', (l) => `oc-link oc-link-${l.kind} oc-leaving`)
        if (m.reduced) return x.remove()
        return x.transition('oc-life').duration(220).attr('opacity', 0).remove()
      },
    )
  lines.each(function (l) {
    const to = ends(l)
    if (drawn.get(this) === to) return
    drawn.set(this, to)
    const line = select(this)
    if (m.reduced) line.attr('x1', l.x1).attr('y1', l.y1).attr('x2', l.x2).attr('y2', l.y2)
    else
      line
        .transition('oc-move')
        .duration(MOVE_MS)
        .ease(easeCubicOut)
        .attr('x1', l.x1)
        .attr('y1', l.y1)
        .attr('x2', l.x2)
        .attr('y2', l.y2)
  })
}

/** Labels beside lines (a mount's path), fading in with the line. */
export function drawLinkLabels(layer: Sel, links: readonly Link[], m: Motion): void {
  layer
    .selectAll<SVGTextElement, Link>(':scope > text.oc-link-label:not(.oc-leaving)')
    .data(
      links.filter((l) => l.label),
      (l) => l.key,
    )
    .join(
      (e) => {
        const t = e.append('text').attr('class', 'oc-link-label').attr('aria-hidden', 'true')
        if (!m.reduced)
          t.attr('opacity', 0).transition('oc-life').delay(ENTER_MS).duration(ENTER_MS).attr('opacity', 1)
        return t
      },
      (u) => u,
      (x) => x.remove(),
    )
    .each(function (l) {
      if (changed(this, [l.label, l.x1, l.y1, l.y2]))
        attrs(select(this), { x: l.x1 + 10, y: (l.y1 + l.y2) / 2 + 4 }).text(l.label ?? '')
    })
}
