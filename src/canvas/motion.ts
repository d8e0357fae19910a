// Motion for the canvas: keyed groups enter, move, leave and flash with 200–400 ms eases, or
// change at once under `prefers-reduced-motion: reduce`. Animations only decorate: every
// attribute reaches the snapshot's value; a leaving element stops being part of the testable
// and accessible surface the moment it starts to leave.
// oxlint-disable-next-line import/no-unassigned-import -- d3 is sideEffects:false (toolchain G1)
import 'd3-transition'
import { easeCubicOut, select, type BaseType, type Selection } from 'd3'
import type { Box } from './geometry'

export interface Motion {
  readonly reduced: boolean
}

export const ENTER_MS = 320
export const MOVE_MS = 300
export const EXIT_MS = 300
export const FLASH_MS = 1600

// oxlint-disable-next-line typescript/no-explicit-any -- any datum, parent and parent datum
export type Sel<E extends BaseType = SVGGElement, D = any> = Selection<E, D, any, any>

export function currentMotion(): Motion {
  const reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches
  return { reduced }
}

const placed = new WeakMap<Element, string>()

/** Moves each group to its box's top-left corner: at once when new, eased when it moved. */
export function place<D>(sel: Sel<SVGGElement, D>, box: (d: D) => Box, m: Motion): void {
  sel.each(function (d) {
    const b = box(d)
    const to = `translate(${b.x},${b.y})`
    const from = placed.get(this)
    if (from === to) return
    placed.set(this, to)
    const g = select(this)
    if (from === undefined || m.reduced) g.attr('transform', to)
    else g.transition('oc-move').duration(MOVE_MS).ease(easeCubicOut).attr('transform', to)
  })
}

/** Entering groups: fade in and rise into place (their body, so placement stays separate). */
export function enter(sel: Sel, m: Motion, rise = 10): void {
  if (m.reduced) return
  sel.attr('opacity', 0).transition('oc-life').duration(ENTER_MS).ease(easeCubicOut).attr('opacity', 1)
  sel
    .select(':scope > .oc-body')
    .attr('transform', `translate(0,${rise})`)
    .transition('oc-life')
    .duration(ENTER_MS)
    .ease(easeCubicOut)
    .attr('transform', 'translate(0,0)')
}

const SURFACE = ['data-kind', 'data-name', 'data-status', 'data-uid', 'role', 'tabindex', 'aria-label']

/** Leaving groups: off the testable surface at once, then fade and shrink away. */
export function leave<D>(
  sel: Sel<SVGGElement, D>,
  m: Motion,
  size?: (d: D) => { w: number; h: number },
): void {
  sel.each(function () {
    const g = select(this)
    const kind = g.attr('data-kind')
    for (const a of SURFACE) g.attr(a, null)
    g.attr('data-left', kind).attr('aria-hidden', 'true').classed('oc-leaving', true)
    g.selectAll('[tabindex]').attr('tabindex', null)
  })
  if (m.reduced) {
    sel.remove()
    return
  }
  sel.transition('oc-life').duration(EXIT_MS).ease(easeCubicOut).attr('opacity', 0).remove()
  if (!size) return
  sel.select(':scope > .oc-body').each(function (d) {
    const { w, h } = size(d)
    select(this)
      .transition('oc-life')
      .duration(EXIT_MS)
      .attr('transform', `translate(${w * 0.1},${h * 0.1}) scale(0.8)`)
  })
}

/** A brief highlight on something that changed (an IP, a re-pointed record); none when reduced. */
export function flash<E extends BaseType>(sel: Sel<E>, m: Motion): void {
  if (m.reduced) return
  sel
    .interrupt('oc-flash')
    .attr('opacity', 1)
    .transition('oc-flash')
    .delay(FLASH_MS * 0.5)
    .duration(FLASH_MS * 0.5)
    .attr('opacity', 0)
}

/** Grows a line from its start to its end on entry (a record lighting up, a claim re-attaching). */
export function growLine(sel: Sel<SVGLineElement>, m: Motion): void {
  if (m.reduced) return
  sel.each(function () {
    const line = select(this)
    const [x2, y2] = [line.attr('x2'), line.attr('y2')]
    line
      .attr('x2', line.attr('x1'))
      .attr('y2', line.attr('y1'))
      .transition('oc-life')
      .duration(ENTER_MS)
      .ease(easeCubicOut)
      .attr('x2', x2)
      .attr('y2', y2)
  })
}
