import { describe, expect, it } from 'vitest'
import { around, covers, cull } from './cull'
import type { Drawables, Link, Placed } from './drawables'
import type { Box } from './geometry'

const placed = (key: string, box: Box): Placed<{ readonly name: string }> => ({
  key,
  item: { name: key },
  box,
  tier: 'compact',
})

/** A column of 20 rows, 100 units apart, each with a card and a line down to the next. */
function column(): Drawables {
  const rows = Array.from({ length: 20 }, (_, i) => i)
  const link = (i: number): Link => ({
    key: `l${i}`,
    kind: 'mount',
    x1: 50,
    y1: i * 100 + 80,
    x2: 50,
    y2: i * 100 + 100,
  })
  return {
    frames: rows.map((i) => placed(`f${i}`, { x: 0, y: i * 100, w: 100, h: 90 })) as never,
    pods: rows.map((i) => placed(`p${i}`, { x: 5, y: i * 100 + 5, w: 90, h: 80 })) as never,
    records: [],
    absent: [],
    claims: [],
    volumes: [],
    links: rows.map(link),
    partitions: [],
  }
}

describe('cull', () => {
  it('keeps what touches the region, vertical lines included, and drops the rest', () => {
    const d = cull(column(), { x: 0, y: 250, w: 100, h: 200 })
    expect(d.pods.map((p) => p.key)).toEqual(['p2', 'p3', 'p4'])
    expect(d.frames.map((p) => p.key)).toEqual(['f2', 'f3', 'f4'])
    expect(d.links.map((l) => l.key)).toEqual(['l2', 'l3'])
  })

  it('grows a view by a fraction of its size on every side', () => {
    expect(around({ x: 100, y: 100, w: 200, h: 100 }, 0.5)).toEqual({ x: 0, y: 50, w: 400, h: 200 })
  })

  it('says a view needs a redraw once it leaves the drawn region', () => {
    const drawn = around({ x: 0, y: 0, w: 100, h: 100 }, 0.5)
    expect(covers(drawn, { x: 40, y: 40, w: 100, h: 100 })).toBe(true)
    expect(covers(drawn, { x: 60, y: 0, w: 100, h: 100 })).toBe(false)
  })
})
