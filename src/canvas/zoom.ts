// Pan and zoom as a create → {update, destroy} factory around d3-zoom (as React Flow wraps it).
// The wheel pans and Ctrl/Cmd+wheel (or a pinch) zooms, as in drawing tools; dragging pans. The
// view fits the content until the learner pans or zooms ("fit" hands control back): all of it if
// text stays readable, else its primary part (services, sets, storage; not nodes) from the top,
// else its width from the top.
// oxlint-disable-next-line import/no-unassigned-import -- d3 is sideEffects:false (toolchain G1)
import 'd3-transition'
import {
  easeCubicOut,
  select,
  zoom,
  zoomIdentity,
  zoomTransform,
  type ZoomBehavior,
  type ZoomTransform,
} from 'd3'
import type { Box } from './geometry'
import type { Motion } from './motion'

export interface ZoomHandle {
  /** The content's size (and its primary part's height): refits while the view follows it. */
  update(width: number, height: number, primaryHeight: number): void
  fit(): void
  zoomBy(factor: number): void
  /** Pans so that an element (a focused pod) is in view. */
  reveal(el: Element): void
  /** The part of the content in view, in content coordinates. */
  view(): Box
  destroy(): void
}

const PAD = 20
/** Room kept under the picture for the zoom buttons. */
const PAD_BOTTOM = 52
const MAX_FIT = 1.4
/** Below this, fitting everything makes text unreadable: fit the width and start at the top. */
const MIN_READABLE = 0.6

export function createZoom(
  target: SVGGElement,
  viewport: SVGGElement,
  svg: SVGSVGElement,
  motion: () => Motion,
  /** Called after every pan or zoom (by the learner, a fit or a transition step). */
  onMove: () => void = () => {},
): ZoomHandle {
  let following = true
  let size = { width: 0, height: 0, primary: 0 }
  const behavior: ZoomBehavior<SVGGElement, unknown> = zoom<SVGGElement, unknown>()
    .scaleExtent([0.05, 4])
    .filter((event: Event) => {
      if (event.type === 'wheel') return (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey
      return !(event as MouseEvent).ctrlKey && !(event as MouseEvent).button
    })
    .on('zoom', (event: { transform: ZoomTransform; sourceEvent: Event | null }) => {
      viewport.setAttribute('transform', event.transform.toString())
      if (event.sourceEvent) following = false
      onMove()
    })
  const root = select(target).call(behavior).on('dblclick.zoom', null)
  const onWheel = (event: WheelEvent) => {
    if (event.ctrlKey || event.metaKey) return
    event.preventDefault()
    following = false
    const k = zoomTransform(target).k
    behavior.translateBy(root, -event.deltaX / k, -event.deltaY / k)
  }
  target.addEventListener('wheel', onWheel, { passive: false })

  // Read from the ResizeObserver when it has reported: clientWidth after a redraw forces a layout.
  let known: { w: number; h: number } | undefined
  const viewSize = () => known ?? { w: svg.clientWidth || 1, h: svg.clientHeight || 1 }
  const apply = (t: ZoomTransform, animate: boolean) => {
    if (animate && !motion().reduced)
      root.transition('oc-zoom').duration(350).ease(easeCubicOut).call(behavior.transform, t)
    else root.call(behavior.transform, t)
  }
  const fitTransform = (): ZoomTransform => {
    const { w, h } = viewSize()
    const cw = Math.max(1, size.width)
    const room = h - PAD - PAD_BOTTOM
    const fitW = (w - 2 * PAD) / cw
    const fitH = (height: number) => room / Math.max(1, height)
    const at = (k: number, top: number) => zoomIdentity.translate((w - cw * k) / 2, top).scale(k)
    const all = Math.min(fitW, fitH(size.height), MAX_FIT)
    if (all >= MIN_READABLE) return at(all, PAD + (room - size.height * all) / 2)
    const primary = Math.min(fitW, fitH(size.primary), MAX_FIT)
    if (primary >= MIN_READABLE) return at(primary, PAD)
    return at(Math.max(0.05, Math.min(fitW, MAX_FIT)), PAD)
  }

  // The host resizes (window, panels): keep the fit while following.
  const resize =
    typeof ResizeObserver === 'function'
      ? new ResizeObserver((entries) => {
          const box = entries[entries.length - 1]?.contentRect
          if (box) known = { w: box.width || 1, h: box.height || 1 }
          if (following && size.width > 0) apply(fitTransform(), false)
          else onMove()
        })
      : undefined
  resize?.observe(svg)

  return {
    update(width, height, primary) {
      const changedSize = width !== size.width || height !== size.height || primary !== size.primary
      const first = size.width === 0
      size = { width, height, primary }
      if (following && changedSize) apply(fitTransform(), !first)
    },
    fit() {
      following = true
      apply(fitTransform(), true)
    },
    zoomBy(factor) {
      following = false
      const { w, h } = viewSize()
      if (motion().reduced) behavior.scaleBy(root, factor, [w / 2, h / 2])
      else
        root
          .transition('oc-zoom')
          .duration(200)
          .call(behavior.scaleBy, factor, [w / 2, h / 2])
    },
    reveal(el) {
      const box = el.getBoundingClientRect()
      const view = svg.getBoundingClientRect()
      const dx =
        box.left < view.left + PAD
          ? view.left + PAD - box.left
          : box.right > view.right - PAD
            ? view.right - PAD - box.right
            : 0
      const dy =
        box.top < view.top + PAD
          ? view.top + PAD - box.top
          : box.bottom > view.bottom - PAD
            ? view.bottom - PAD - box.bottom
            : 0
      if (dx === 0 && dy === 0) return
      following = false
      const k = zoomTransform(target).k
      behavior.translateBy(root, dx / k, dy / k)
    },
    view() {
      const t = zoomTransform(target)
      const { w, h } = viewSize()
      return { x: -t.x / t.k, y: -t.y / t.k, w: w / t.k, h: h / t.k }
    },
    destroy() {
      resize?.disconnect()
      target.removeEventListener('wheel', onWheel)
      root.on('.zoom', null)
      root.interrupt('oc-zoom')
    },
  }
}
