// Owner: D3 owns everything inside the legend <svg> handed to drawLegend. One line that reads the
// canvas's shapes: each status icon with its word, and the three kinds of line.
import { t } from '../i18n/i18n'
import { select } from 'd3'
import { drawIcon } from './icons'
import type { Tone } from './model'
import { textWidth } from './surface'

type Entry = Tone | 'dns' | 'mount' | 'orphan'

const ROWS: readonly (readonly Exclude<Entry, 'idle'>[])[] = [
  ['ok', 'progress', 'warn', 'bad', 'stop'],
  ['dns', 'mount', 'orphan'],
]

/** Draws the legend in the page's language (again after a switch); returns its natural size (the host sizes the svg to it). */
export function drawLegend(svg: SVGSVGElement): { width: number; height: number } {
  const root = select(svg)
  root.selectAll('*').remove()
  let width = 0
  ROWS.forEach((row, r) => {
    let x = 14
    for (const what of row) {
      const word = t(`canvas.legendItems.${what}`)
      const g = root
        .append('g')
        .attr('transform', `translate(${x},${16 + r * 24})`)
        .attr('class', 'oc-legend-item')
      if (what === 'dns' || what === 'mount') {
        g.append('line').attr('class', `oc-link oc-link-${what}`).attr('x1', -8).attr('x2', 10)
      } else if (what === 'orphan') {
        g.append('rect')
          .attr('class', 'oc-legend-orphan')
          .attr('x', -8)
          .attr('y', -7)
          .attr('width', 18)
          .attr('height', 14)
          .attr('rx', 3)
      } else {
        drawIcon(g.append('g').attr('class', `oc-tone-${what}`).append('g'), what, 7)
      }
      g.append('text').attr('x', 16).attr('y', 4.5).text(word)
      x += 16 + textWidth(word, 12.5) + 22
    }
    width = Math.max(width, x - 8)
  })
  return { width, height: 16 + ROWS.length * 24 - 8 }
}
