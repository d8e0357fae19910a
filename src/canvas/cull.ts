// Culling for crowded canvases: only what is in view, plus a margin, is joined into the SVG. With
// hundreds of pods the fitted view shows a few rows of slots; the rows below cost style, layout
// and paint every frame they change while nobody can see them. The margin lets a small pan or a
// Tab to the next card find it already drawn; a larger pan redraws (see `covers`).
import type { Drawables, Link } from './drawables'
import type { Box } from './geometry'

/** `view` grown by `fraction` of its own size on every side. */
export function around(view: Box, fraction: number): Box {
  const dx = view.w * fraction
  const dy = view.h * fraction
  return { x: view.x - dx, y: view.y - dy, w: view.w + 2 * dx, h: view.h + 2 * dy }
}

/** Whether `outer` holds all of `inner`: a view inside the drawn region needs no redraw. */
export function covers(outer: Box, inner: Box): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.w <= outer.x + outer.w &&
    inner.y + inner.h <= outer.y + outer.h
  )
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

const linkBox = (l: Link): Box => ({
  x: Math.min(l.x1, l.x2),
  y: Math.min(l.y1, l.y2),
  w: Math.abs(l.x2 - l.x1),
  h: Math.abs(l.y2 - l.y1),
})

// A zero-width vertical line still overlaps a region it crosses: test with a hair of width.
const touches = (region: Box, b: Box) =>
  overlaps(region, { ...b, w: Math.max(b.w, 0.5), h: Math.max(b.h, 0.5) })

/** The drawables that touch `region`; partitions (a handful of lines) are always kept. */
export function cull(d: Drawables, region: Box): Drawables {
  const inView = <T extends { readonly box: Box }>(items: readonly T[]) =>
    items.filter((i) => touches(region, i.box))
  return {
    frames: inView(d.frames),
    pods: inView(d.pods),
    records: inView(d.records),
    absent: inView(d.absent),
    claims: inView(d.claims),
    volumes: inView(d.volumes),
    links: d.links.filter((l) => touches(region, linkBox(l))),
    partitions: d.partitions,
  }
}
