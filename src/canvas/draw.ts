// Owner: D3 owns everything inside the <svg> handed to createCanvas (React owns only the element).
// createCanvas(svg) → { update(model), fit, zoomBy, destroy }: a root group with pan/zoom, layers
// joined by stable keys (slot = set uid + ordinal, pod = uid, record = name, claim = ns/name,
// volume = name), redrawn from each snapshot's view model. Clicking or pressing Enter on an object
// selects it (for the inspector); focusing one pans it into view.
import { select } from 'd3'
import './theme.css'
import './frames.css'
import './cards.css'
import './infra.css'
import { around, covers, cull } from './cull'
import { drawables } from './drawables'
import type { Box } from './geometry'
import { drawAbsent, drawSignposts } from './drawDns'
import { drawHint, drawInfra } from './drawInfra'
import { drawLinkLabels, drawLinks } from './drawLinks'
import { drawPods } from './drawPods'
import { drawServices } from './drawServices'
import { drawBars } from './drawBars'
import { drawDeployments } from './drawDeployments'
import { drawCaptions, drawFrames, drawPartitions } from './drawSets'
import { drawClaims, drawVolumes } from './drawStorage'
import { layout } from './layout'
import { adoptFontsOf } from './measure'
import { forgetDrawn } from './surface'
import type { CanvasModel } from './model'
import { currentMotion, type Sel } from './motion'
import { DETAIL } from './sizes'
import { createZoom } from './zoom'

export interface ObjectRef {
  readonly kind: string
  readonly namespace?: string
  readonly name: string
}

export interface CanvasOptions {
  /** Called when the learner clicks (or presses Enter or Space on) a Kubernetes object. */
  readonly onSelect?: (ref: ObjectRef) => void
}

export interface CanvasHandle {
  /** Draws `model` (nothing is redrawn when it is the model last drawn and the selection is the same). */
  update(model: CanvasModel, selected?: ObjectRef): void
  /** Marks which simulated moment is on screen (data-sim-time on a non-rendered element). */
  setTime(now: number): void
  /** Fits the picture to the view and follows the content again. */
  fit(): void
  zoomBy(factor: number): void
  /** Forgets what was drawn: the next update redraws every text (the page's language changed). */
  relabel(): void
  destroy(): void
}

/**
 * More things in progress than this and their status rings stop turning (the dashed ring still
 * says "in progress"): every turning ring repaints the canvas each frame — with hundreds the page
 * spent most of each frame repainting spinners, even with the clock paused.
 */
export const SPIN_LIMIT = 12

/**
 * Past this many pods on the canvas, objects change without easing (as under reduced motion) and
 * cards without colour transitions: hundreds of pods, each with its slot, record and line, make
 * thousands of tweens — more than this machine animates at 60 fps in SVG (toolchain §6: ~1,000)
 * — and at that density motion no longer says which one changed.
 */
export const CROWD = 60

/**
 * A crowded canvas draws what is in view and this much more (a fraction of the view's size on
 * each side); a pan or zoom that leaves that region redraws. See cull.ts.
 */
const CULL_MARGIN = 0.5

const LAYERS = [
  'captions',
  'services',
  'bars',
  'deployments',
  'frames',
  'links',
  'partitions',
  'signs',
  'volumes',
  'claims',
  'pods',
  'infra',
] as const

export function createCanvas(svg: SVGSVGElement, options: CanvasOptions = {}): CanvasHandle {
  adoptFontsOf(svg)
  const root = select(svg).append('g').attr('class', 'oc-root')
  const defs = root.append('defs')
  defs
    .append('pattern')
    .attr('id', 'oc-hatch')
    .attr('width', 10)
    .attr('height', 10)
    .attr('patternUnits', 'userSpaceOnUse')
    .attr('patternTransform', 'rotate(45)')
    .append('line')
    .attr('y2', 10)
    .attr('class', 'oc-hatch-line')
  // Not rendered: writing to it every frame costs no style, layout or paint.
  const clock = root.append('metadata').attr('class', 'oc-clock')
  root.append('rect').attr('class', 'oc-backdrop').attr('width', '100%').attr('height', '100%')
  const viewport = root.append('g').attr('class', 'oc-viewport')
  const layer = Object.fromEntries(
    LAYERS.map((n) => [n, viewport.append('g').attr('class', `oc-layer-${n}`)]),
  ) as Record<(typeof LAYERS)[number], Sel>
  const memory = { ips: new Map<string, string>(), answers: new Map<string, string>() }
  // The region last drawn into when culling (undefined: everything was drawn).
  let region: Box | undefined
  let moved = 0
  const onMove = () => {
    if (!region || moved) return
    moved = requestAnimationFrame(() => {
      moved = 0
      if (!region || !last || covers(region, zoomer.view())) return
      drawn = undefined
      handle.update(last.model, last.selected)
    })
  }
  const zoomer = createZoom(root.node()!, viewport.node()!, svg, currentMotion, onMove)

  const target = (event: Event) => (event.target as Element | null)?.closest?.('[data-kind][role="button"]')
  const choose = (el: Element) => {
    const kind = el.getAttribute('data-kind')
    const name = el.getAttribute('data-name')
    const namespace = el.getAttribute('data-namespace') ?? undefined
    if (kind && name) options.onSelect?.({ kind, name, namespace })
  }
  root
    .on('click', (event: MouseEvent) => {
      const el = target(event)
      if (el) choose(el)
    })
    .on('keydown', (event: KeyboardEvent) => {
      const el = target(event)
      if (!el || (event.key !== 'Enter' && event.key !== ' ')) return
      event.preventDefault()
      choose(el)
    })
    .on('focusin', (event: FocusEvent) => {
      const el = target(event)
      if (el) zoomer.reveal(el)
    })

  let selectedKey = ''
  let drawn: CanvasModel | undefined
  let last: { model: CanvasModel; selected?: ObjectRef } | undefined
  const markSelected = (ref: ObjectRef | undefined) => {
    viewport.selectAll('.oc-selected').classed('oc-selected', false)
    selectedKey = ref ? `${ref.kind}/${ref.namespace ?? ''}/${ref.name}` : ''
    if (!ref) return
    viewport
      .selectAll<Element, unknown>(`[data-kind="${ref.kind}"]`)
      .filter(function () {
        const ns = this.getAttribute('data-namespace')
        return this.getAttribute('data-name') === ref.name && (!ns || !ref.namespace || ns === ref.namespace)
      })
      .classed('oc-selected', true)
  }

  const handle: CanvasHandle = {
    update(model, selected) {
      const key = selected ? `${selected.kind}/${selected.namespace ?? ''}/${selected.name}` : ''
      if (model === drawn && key === selectedKey) return
      drawn = model
      last = { model, selected }
      const scene = layout(model)
      // First, so that culling sees the view this frame will show.
      zoomer.update(scene.width, scene.height, scene.primaryHeight)
      const all = drawables(model, scene)
      const crowded = all.pods.length > CROWD
      region = crowded ? around(zoomer.view(), CULL_MARGIN) : undefined
      const d = region ? cull(all, region) : all
      viewport.attr('data-culled', region ? all.pods.length - d.pods.length : null)
      const m = crowded ? { reduced: true } : currentMotion()
      viewport.classed('oc-crowd', crowded)
      drawCaptions(
        layer.captions,
        [...scene.sets.values()].flatMap((g) => g.captions),
        'oc-caption',
        () => DETAIL.gutter - 18,
      )
      drawCaptions(layer.captions, scene.headings, 'oc-heading', (c) => c.x)
      drawServices(layer.services, model.services, scene, m)
      drawBars(layer.bars, model.sets, scene, m)
      drawDeployments(layer.deployments, model.deployments, scene, m)
      drawFrames(layer.frames, d.frames, m)
      drawLinks(layer.links, d.links, m)
      drawLinkLabels(layer.links, d.links, m)
      drawPartitions(layer.partitions, d.partitions, m)
      drawAbsent(layer.signs, d.absent, m)
      drawSignposts(layer.signs, d.records, m, memory)
      drawVolumes(layer.volumes, d.volumes, m)
      drawClaims(layer.claims, d.claims, m)
      drawPods(layer.pods, d.pods, m, memory)
      drawInfra(layer.infra, model.storageClasses, model.nodes, scene, m)
      drawHint(layer.infra, scene.hint)
      const turning =
        all.pods.filter((p) => p.item.tone === 'progress').length +
        all.claims.filter((c) => c.item.tone === 'progress').length
      viewport.classed('oc-calm', turning > SPIN_LIMIT)
      if (key || selectedKey) markSelected(selected)
    },
    setTime(now) {
      clock.attr('data-sim-time', now)
    },
    fit: () => zoomer.fit(),
    zoomBy: (factor) => zoomer.zoomBy(factor),
    relabel() {
      forgetDrawn()
      drawn = undefined
    },
    destroy() {
      cancelAnimationFrame(moved)
      zoomer.destroy()
      root.remove()
    },
  }
  return handle
}
