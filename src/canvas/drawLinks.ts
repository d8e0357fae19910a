// The lines between things: a DNS record down to the tenant it points at (keyed by record and
// pod, so a new tenant gets a new line that grows in), a pod's mount down to its claim (a claim
// "re-attaches" when the next tenant's line grows), a claim's binding down to its volume.
import { easeCubicOut, select } from 'd3'
import type { Link } from './drawables'
import { growLine, MOVE_MS, type Motion, type Sel } from './motion'

const ends = (l: Link) => [l.x1, l.y1, l.x2, l.y2].join(',')
const drawn = new WeakMap<Element, string>()

export function drawLinks(layer: Sel, links: readonly Link[], m: Motion): void {
  const lines = layer
    .selectAll<SVGLineElement, Link>(':scope > line')
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
