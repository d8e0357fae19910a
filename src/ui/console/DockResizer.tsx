// Owner: React owns this splitter between the cluster and the dock. Dragging it (or ↑/↓ when
// focused) sets the dock's height through a CSS variable on the stage; nothing re-renders.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react'
import { useTranslation } from 'react-i18next'

const MIN = 120
const STEP = 32

function stageOf(el: Element): HTMLElement | null {
  return el.closest<HTMLElement>('.app-stage')
}

function setHeight(el: HTMLElement, px: number): number {
  const stage = stageOf(el)
  if (!stage) return px
  const max = stage.clientHeight - 160
  const h = Math.round(Math.min(Math.max(MIN, px), Math.max(MIN, max)))
  stage.style.setProperty('--dock-height', `${h}px`)
  el.setAttribute('aria-valuenow', String(h))
  return h
}

function dockHeight(el: HTMLElement): number {
  return stageOf(el)?.querySelector('.dock')?.getBoundingClientRect().height ?? 240
}

export function DockResizer() {
  const drag = useRef<{ startY: number; startH: number } | undefined>(undefined)
  const { t } = useTranslation()
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId)
    drag.current = { startY: e.clientY, startH: dockHeight(e.currentTarget) }
  }
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current) setHeight(e.currentTarget, drag.current.startH + drag.current.startY - e.clientY)
  }
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return
    e.preventDefault()
    setHeight(e.currentTarget, dockHeight(e.currentTarget) + (e.key === 'ArrowUp' ? STEP : -STEP))
  }
  return (
    <div
      className="dock-resizer"
      role="separator"
      aria-orientation="horizontal"
      aria-label={t('dock.resize')}
      aria-valuemin={MIN}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => (drag.current = undefined)}
      onPointerCancel={() => (drag.current = undefined)}
      onKeyDown={onKeyDown}
    />
  )
}
