// Owner: React owns the wrapper, the two <svg> elements and the zoom buttons; D3 owns everything
// inside the <svg>s (src/canvas/draw.ts and legend.ts) — React never renders into them.
// The canvas redraws from the store's snapshot: the picture is a function of simulated time.
import { useEffect, useMemo, useRef, useState } from 'react'
import { createCanvas, type CanvasHandle } from '../../canvas/draw'
import { drawLegend } from '../../canvas/legend'
import { createModelCache } from '../../canvas/modelCache'
import { getAppStore, useActions, useApp } from '../../state/store'
import { useElementSize } from './useElementSize'
import './clusterCanvas.css'

declare global {
  interface Window {
    /** Test hook: e2e tests drive the page's store through it (see e2e/canvas.spec.ts). */
    __ordinal?: Record<string, unknown>
  }
}

export function ClusterCanvas() {
  const host = useRef<HTMLDivElement>(null)
  const svg = useRef<SVGSVGElement>(null)
  // Pixel sizes, not 100%: a percentage-sized SVG is re-laid out, all of it, whenever the page
  // around it lays out (every frame while time plays); with 50 pods that doubled the frame time.
  const size = useElementSize(host)
  const legend = useRef<SVGSVGElement>(null)
  const canvas = useRef<CanvasHandle | undefined>(undefined)
  const snapshot = useApp((s) => s.snapshot)
  const selected = useApp((s) => s.selected)
  const { select } = useActions()
  const [legendShown, setLegendShown] = useState(false)
  const [legendSize, setLegendSize] = useState({ width: 0, height: 0 })
  // The same model object comes back while the cluster and the displayed second are unchanged.
  const modelOf = useMemo(() => createModelCache(), [])
  const model = modelOf(snapshot)

  useEffect(() => {
    // Test hook, set on mount (not at import, which would create the store before App seeds it).
    // oxlint-disable-next-line no-underscore-dangle -- the hook's name is fixed by the e2e suite
    window.__ordinal = { ...window.__ordinal, store: getAppStore() }
    const handle = createCanvas(svg.current!, { onSelect: select })
    canvas.current = handle
    const natural = drawLegend(legend.current!)
    setLegendSize({ width: Math.ceil(natural.width), height: Math.ceil(natural.height) })
    return () => {
      handle.destroy()
      canvas.current = undefined
    }
  }, [select])

  useEffect(() => {
    canvas.current?.update(model, selected)
    canvas.current?.setTime(snapshot.now)
  }, [model, selected, snapshot.now])

  const sets = model.sets.map((s) => `StatefulSet ${s.name} ready ${s.ready}`).join('; ')
  return (
    <div ref={host} className="cluster-canvas oc-theme">
      <svg
        ref={svg}
        className="oc-canvas"
        width={size.width || undefined}
        height={size.height || undefined}
        role="group"
        aria-label={`Cluster canvas${sets ? `: ${sets}` : ''}. Drag or scroll to pan, Ctrl+scroll to zoom.`}
        data-testid="cluster-canvas"
      />
      <svg
        ref={legend}
        id="oc-legend"
        className="oc-legend"
        width={legendSize.width || undefined}
        height={legendSize.height || undefined}
        role="img"
        aria-label="Legend: check = Running and Ready, turning ring = starting, half ring = not Ready, triangle = failing, square = Terminating; blue line = DNS record, thick line = mount, dashed claim = waiting for its pod"
        display={legendShown ? undefined : 'none'}
      />
      <div className="oc-zoom-controls" role="toolbar" aria-label="Canvas view">
        <button
          type="button"
          aria-expanded={legendShown}
          aria-controls="oc-legend"
          onClick={() => setLegendShown((v) => !v)}
        >
          Legend
        </button>
        <button
          type="button"
          aria-label="Zoom in"
          title="Zoom in"
          onClick={() => canvas.current?.zoomBy(1.25)}
        >
          +
        </button>
        <button
          type="button"
          aria-label="Zoom out"
          title="Zoom out"
          onClick={() => canvas.current?.zoomBy(0.8)}
        >
          −
        </button>
        <button
          type="button"
          aria-label="Fit to view"
          title="Fit to view"
          onClick={() => canvas.current?.fit()}
        >
          Fit
        </button>
      </div>
    </div>
  )
}
