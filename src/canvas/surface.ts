// The canvas's testable and accessible surface, and small text helpers. Every drawn object is a
// group with data-kind, data-name, data-status and an aria-label (issue 3); Kubernetes objects
// are also focusable buttons that select the object for the inspector.
import type { BaseType } from 'd3'
import { fitText, type FontKind } from './measure'
import type { Sel } from './motion'
import type { Tone } from './model'

export interface Surface {
  readonly kind: string
  readonly name: string
  readonly status: string
  readonly label: string
  readonly namespace?: string
  readonly uid?: string
  /** Focusable and selectable (role=button); otherwise role=img. */
  readonly interactive?: boolean
}

export function setSurface<D>(g: Sel<SVGGElement, D>, s: Surface): void {
  g.attr('data-kind', s.kind)
    .attr('data-name', s.name)
    .attr('data-status', s.status)
    .attr('data-namespace', s.namespace ?? null)
    .attr('data-uid', s.uid ?? null)
    .attr('role', s.interactive ? 'button' : 'img')
    .attr('tabindex', s.interactive ? 0 : null)
    .attr('aria-label', s.label)
}

let signatures = new WeakMap<Element, string>()

/** Forgets what every element was drawn from, so the next update redraws all of it (its words changed language). */
export function forgetDrawn(): void {
  signatures = new WeakMap()
}

/** True (and remembered) when `sig` differs from what `el` was last drawn from. */
export function changed(el: Element, sig: unknown): boolean {
  const s = typeof sig === 'string' ? sig : JSON.stringify(sig)
  if (signatures.get(el) === s) return false
  signatures.set(el, s)
  return true
}

export const toneClass = (tone: Tone) => `oc-tone-${tone}`

export const TONE_CLASSES = ['ok', 'progress', 'warn', 'bad', 'stop', 'idle'].map((t) => `oc-tone-${t}`)

/** Replaces a group's tone class (CSS eases the colours; prefers-reduced-motion turns that off). */
export function setTone(g: Sel<SVGGElement>, tone: Tone): void {
  for (const c of TONE_CLASSES) g.classed(c, false)
  g.classed(toneClass(tone), true)
}

export { textWidth } from './measure'

/** `text` cut to fit `maxPx` with a trailing ellipsis. */
export function fitEnd(text: string, maxPx: number, px: number, font: FontKind = 'sans'): string {
  return fitText(text, maxPx, px, font, 'end')
}

/** `text` cut in the middle to fit (keeps a name's start and its zone's end). */
export function fitMiddle(text: string, maxPx: number, px: number, font: FontKind = 'mono'): string {
  return fitText(text, maxPx, px, font, 'middle')
}

/** A volume's generated name as people quote it: its claim uid's first block (`pvc-bbdcfaa1…`). */
export function shortVolume(name: string): string {
  const m = /^(pvc-[0-9a-f]{8})-[0-9a-f-]+$/.exec(name)
  return m ? `${m[1]}…` : name
}

/** Appends (once) and returns the child `tag.cls` of `g`: drawers build a group's parts once. */
export function part<E extends SVGElement>(g: Sel<SVGGElement>, tag: string, cls: string): Sel<E> {
  const found = g.select<E>(`:scope > ${tag}.${cls}`)
  return (found.empty() ? g.append<E>(tag).attr('class', cls) : found) as Sel<E>
}

/** Sets several attributes at once (keeps drawing code to one line per shape). */
export function attrs<E extends BaseType, D>(
  sel: Sel<E, D>,
  values: Record<string, string | number | null>,
): Sel<E, D> {
  for (const [name, value] of Object.entries(values)) sel.attr(name, value)
  return sel
}

/**
 * A text part of `parent` at (x, y) in `px` and `font`, set inline so the size it is fitted with
 * is the size it is drawn with; cut with an ellipsis to `maxPx` when given.
 */
export function label(
  parent: Sel,
  cls: string,
  x: number,
  y: number,
  text: string,
  px: number,
  font: FontKind = 'sans',
  maxPx?: number,
): Sel<SVGTextElement> {
  const t = part<SVGTextElement>(parent, 'text', cls)
  const shown = maxPx === undefined ? text : fitEnd(text, maxPx, px, font)
  // Text with tspans (text '') is rebuilt by the caller; otherwise an unchanged label is left alone.
  if (shown !== '' && !changed(t.node()!, [x, y, px, font, shown])) return t
  attrs(t, { x, y })
    .style('font-size', `${px}px`)
    .style('font-weight', font === 'bold' || font === 'monobold' ? '700' : '400')
    .style('font-family', font === 'mono' || font === 'monobold' ? 'var(--oc-mono)' : 'var(--oc-sans)')
  return t.text(shown)
}
