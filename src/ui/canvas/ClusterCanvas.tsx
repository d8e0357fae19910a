// Owner: React owns the wrapper, the two <svg> elements and the zoom buttons; D3 owns everything
// inside the <svg>s (src/canvas/draw.ts and legend.ts) — React never renders into them.
// The canvas redraws from the store's snapshot: the picture is a function of simulated time (and
// of the page's language: a switch redraws every word D3 drew).
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { createCanvas, type CanvasHandle } from '../../canvas/draw'
import { drawLegend } from '../../canvas/legend'
import { sharedModel } from '../../canvas/modelCache'
import { currentLanguage, onLanguageChange } from '../../i18n/i18n'
import { getAppStore, useActions, useApp } from '../../state/store'
import { useElementSize } from './useElementSize'
import './clusterCanvas.css'

declare global {
  interface Window {
    /** Test hook: e2e tests drive the page's store through it (see e2e/canvas.spec.ts). */
    __ordinal?: Record<string, unknown>
  }
}

/** Draws the legend (in the page's language) and returns the size its svg should get. */
function legendSizeOf(svg: SVGSVGElement): { width: number; height: number } {
  const natural = drawLegend(svg)
  return { width: Math.ceil(natural.width), height: Math.ceil(natural.height) }
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
  const [language, setLanguageDrawn] = useState(currentLanguage)
  const { t } = useTranslation()
  // The same model object comes back while the cluster, the displayed second and the language are unchanged.
  const model = sharedModel(snapshot, language)

  // Passive effects: drawing in a layout effect put the cluster into the first paint but delayed
  // that paint by more than it saved (first cluster paint, A/B on a loaded machine: 1,044 ms with
  // it, 971 without).
  useEffect(() => {
    // Test hook, set on mount (not at import, which would create the store before App seeds it).
    // oxlint-disable-next-line no-underscore-dangle -- the hook's name is fixed by the e2e suite
    window.__ordinal = { ...window.__ordinal, store: getAppStore() }
    const handle = createCanvas(svg.current!, { onSelect: select })
    canvas.current = handle
    return () => {
      handle.destroy()
      canvas.current = undefined
    }
  }, [select])

  // A new language: forget what was drawn, so the new model (its words translated) redraws every text.
  useEffect(
    () =>
      onLanguageChange((lang) => {
        canvas.current?.relabel()
        setLanguageDrawn(lang)
      }),
    [],
  )

  // The legend is drawn when first shown (and again in a new language), not before the first paint.
  useLayoutEffect(() => {
    if (legendShown) setLegendSize(legendSizeOf(legend.current!))
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- drawn again in the page's new language
  }, [legendShown, language])

  useEffect(() => {
    canvas.current?.update(model, selected)
    canvas.current?.setTime(snapshot.now)
  }, [model, selected, snapshot.now])

  const sets = model.sets
    .map((s) => t('canvas.setReady', { name: s.name, ready: s.ready }))
    .join(t('common.clauseSep'))
  return (
    <div ref={host} className="cluster-canvas oc-theme">
      <svg
        ref={svg}
        className="oc-canvas"
        width={size.width || undefined}
        height={size.height || undefined}
        role="group"
        aria-label={sets ? t('canvas.labelSets', { sets }) : t('canvas.label')}
        data-testid="cluster-canvas"
      />
      <svg
        ref={legend}
        id="oc-legend"
        className="oc-legend"
        width={legendSize.width || undefined}
        height={legendSize.height || undefined}
        role="img"
        aria-label={t('canvas.legendLabel')}
        display={legendShown ? undefined : 'none'}
      />
      <div className="oc-zoom-controls" role="toolbar" aria-label={t('canvas.toolbar')}>
        <button
          type="button"
          aria-expanded={legendShown}
          aria-controls="oc-legend"
          onClick={() => setLegendShown((v) => !v)}
        >
          {t('canvas.legend')}
        </button>
        <button
          type="button"
          aria-label={t('canvas.zoomIn')}
          title={t('canvas.zoomIn')}
          onClick={() => canvas.current?.zoomBy(1.25)}
        >
          +
        </button>
        <button
          type="button"
          aria-label={t('canvas.zoomOut')}
          title={t('canvas.zoomOut')}
          onClick={() => canvas.current?.zoomBy(0.8)}
        >
          −
        </button>
        <button
          type="button"
          aria-label={t('canvas.fitTitle')}
          title={t('canvas.fitTitle')}
          onClick={() => canvas.current?.fit()}
        >
          {t('canvas.fit')}
        </button>
      </div>
    </div>
  )
}
