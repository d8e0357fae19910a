// Status icons: one shape per Tone, so status never rests on colour alone (a check in a disc,
// a dashed ring that turns, a half-filled ring, a warning triangle, a stop square, a bare ring).
// Drawn centred on (0, 0) with radius r; colours come from the tone's CSS variables.
import type { Tone } from './model'
import type { Sel } from './motion'
import { changed } from './surface'

export const TONE_WORD: Record<Tone, string> = {
  ok: 'healthy',
  progress: 'in progress',
  warn: 'not ready',
  bad: 'failing',
  stop: 'terminating',
  idle: 'idle',
}

export function drawIcon(g: Sel<SVGGElement>, tone: Tone, r: number): void {
  if (!changed(g.node()!, `${tone}/${r}`)) return
  g.selectAll('*').remove()
  g.classed('oc-icon', true).attr('aria-hidden', 'true')
  const s = r / 10
  switch (tone) {
    case 'ok':
      g.append('circle').attr('r', r).attr('class', 'oc-icon-fill')
      g.append('path')
        .attr('d', `M${-4.6 * s},${0.2 * s} L${-1.4 * s},${3.4 * s} L${4.8 * s},${-3.4 * s}`)
        .attr('class', 'oc-icon-mark')
      break
    case 'progress':
      g.append('circle')
        .attr('r', r - 1.5)
        .attr('class', 'oc-icon-ring oc-spin')
        .attr('stroke-dasharray', `${3.2 * s} ${2.4 * s}`)
      g.append('circle')
        .attr('r', 2.6 * s)
        .attr('class', 'oc-icon-fill')
      break
    case 'warn':
      g.append('circle')
        .attr('r', r - 1.5)
        .attr('class', 'oc-icon-ring')
      g.append('path')
        .attr('d', `M0,${-(r - 1.5)} A${r - 1.5},${r - 1.5} 0 0 0 0,${r - 1.5} Z`)
        .attr('class', 'oc-icon-fill')
      break
    case 'bad':
      g.append('path')
        .attr('d', `M0,${-r} L${r * 1.05},${r * 0.85} L${-r * 1.05},${r * 0.85} Z`)
        .attr('class', 'oc-icon-fill')
        .attr('stroke-linejoin', 'round')
      g.append('path')
        .attr('d', `M0,${-4 * s} L0,${2 * s} M0,${4.6 * s} L0,${5 * s}`)
        .attr('class', 'oc-icon-mark')
      break
    case 'stop':
      g.append('rect')
        .attr('x', -r * 0.9)
        .attr('y', -r * 0.9)
        .attr('width', r * 1.8)
        .attr('height', r * 1.8)
        .attr('rx', 3 * s)
        .attr('class', 'oc-icon-fill')
      g.append('path')
        .attr(
          'd',
          `M${-3.6 * s},${-3.6 * s} L${3.6 * s},${3.6 * s} M${3.6 * s},${-3.6 * s} L${-3.6 * s},${3.6 * s}`,
        )
        .attr('class', 'oc-icon-mark')
      break
    case 'idle':
      g.append('circle')
        .attr('r', r - 1.5)
        .attr('class', 'oc-icon-ring')
      g.append('path')
        .attr('d', `M${-4 * s},0 L${4 * s},0`)
        .attr('class', 'oc-icon-line')
      break
  }
}
