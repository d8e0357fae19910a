import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ClusterSession } from '../state/clusterSession'
import { covers, overlaps } from './cull'
import { drawables } from './drawables'
import type { Box } from './geometry'
import { layout, MIN_WIDTH } from './layout'
import { columnsPerRow, tierOf } from './layoutSet'
import type { CanvasModel, SetView, SlotView } from './model'
import { viewModel } from './viewModel'

const WEB_YAML = readFileSync(new URL('../examples/web.yaml', import.meta.url), 'utf8')

const inside = (inner: Box, outer: Box) => covers(outer, inner)

function running(): CanvasModel {
  const s = new ClusterSession(1)
  s.apply(WEB_YAML)
  s.advanceTo(30_000)
  return viewModel(s.snapshot())
}

/** A model with one StatefulSet of `n` empty slots, each with one claim. */
function synthetic(n: number): CanvasModel {
  const slots: SlotView[] = Array.from({ length: n }, (_, i) => ({
    key: `uid/${i}`,
    ordinal: i,
    name: `big-${i}`,
    wanted: true,
    claims: [
      {
        key: `default/data-big-${i}`,
        name: `data-big-${i}`,
        namespace: 'default',
        phase: 'Pending',
        tone: 'progress',
        capacity: '',
        request: '1Gi',
        accessModes: '',
        storageClass: 'standard',
        orphaned: true,
      },
    ],
    held: false,
    note: '',
  }))
  const set = { key: 'uid', name: 'big', slots } as unknown as SetView
  return {
    now: 0,
    services: [],
    sets: [set],
    deployments: [],
    loosePods: [],
    claims: [],
    volumes: [],
    storageClasses: [],
    nodes: [],
  }
}

describe('layout', () => {
  it('stacks a slot column top to bottom: DNS signpost, slot with its tenant, claim, volume', () => {
    const model = running()
    const scene = layout(model)
    const set = model.sets[0]!
    const geo = scene.sets.get(set.key)!
    expect(geo.tier).toBe('detail')
    for (const slot of set.slots) {
      const g = geo.slots.get(slot.key)!
      expect(g.dns.y + g.dns.h).toBeLessThan(g.frame.y)
      expect(inside(g.pod, g.frame)).toBe(true)
      expect(g.frame.y + g.frame.h).toBeLessThan(g.claims[0]!.y)
      expect(g.claims[0]!.y + g.claims[0]!.h).toBeLessThan(g.volumes[0]!.y)
    }
    const [a, b] = set.slots.map((s) => geo.slots.get(s.key)!)
    expect(a!.frame.y).toBe(b!.frame.y)
    expect(overlaps(a!.frame, b!.frame)).toBe(false)
    expect(geo.bar.y + geo.bar.h).toBeLessThan(a!.dns.y)
  })

  it('puts the Service and its zone on top and StorageClasses and nodes at the bottom', () => {
    const model = running()
    const scene = layout(model)
    const svc = scene.services.get('default/nginx')!
    expect(svc.card.y).toBe(0)
    expect(overlaps(svc.card, svc.zone)).toBe(false)
    expect(svc.zone.x + svc.zone.w).toBe(scene.width)
    const setTop = scene.sets.get(model.sets[0]!.key)!.bar.y
    expect(svc.card.y + svc.card.h).toBeLessThan(setTop)
    const lowestSlot = Math.max(
      ...[...scene.sets.values()].flatMap((g) => [...g.slots.values()].map((s) => s.volumes[0]!.y)),
    )
    for (const b of [...scene.storageClasses.values(), ...scene.nodes.values()])
      expect(b.y).toBeGreaterThan(lowestSlot)
    const nodes = [...scene.nodes.values()]
    expect(nodes).toHaveLength(3)
    expect(nodes.every((n) => n.x + n.w <= scene.width)).toBe(true)
    expect(scene.hint).toBeUndefined()
  })

  it('keeps hundreds of pods a compact grid, 10 to a row, with no two slots overlapping', () => {
    expect(tierOf(12)).toBe('detail')
    expect(tierOf(13)).toBe('compact')
    expect([1, 2, 6, 7, 12, 300].map(columnsPerRow)).toEqual([1, 2, 6, 4, 6, 10])
    const model = synthetic(300)
    const scene = layout(model)
    const geo = scene.sets.get('uid')!
    const frames = model.sets[0]!.slots.map((s) => geo.slots.get(s.key)!.frame)
    expect(new Set(frames.map((f) => f.y)).size).toBe(30)
    expect(scene.width).toBeLessThan(2000)
    for (let i = 1; i < frames.length; i++) expect(overlaps(frames[i - 1]!, frames[i]!)).toBe(false)
    const columns = model.sets[0]!.slots.map((s) => {
      const g = geo.slots.get(s.key)!
      return { x: g.frame.x, y: g.dns.y, w: g.frame.w, h: g.volumes[0]!.y + g.volumes[0]!.h - g.dns.y }
    })
    for (let i = 0; i < columns.length; i += 37)
      for (let j = i + 1; j < columns.length; j += 11) expect(overlaps(columns[i]!, columns[j]!)).toBe(false)
  })

  it('shows the "nothing applied" hint on an empty cluster, at least MIN_WIDTH wide', () => {
    const scene = layout(viewModel(new ClusterSession(1).snapshot()))
    expect(scene.width).toBe(MIN_WIDTH)
    expect(scene.hint).toBeDefined()
    expect(scene.nodes.size).toBe(3)
  })

  it('is a pure function: the same model lays out the same', () => {
    const model = running()
    expect(layout(model)).toEqual(layout(model))
  })
})

describe('drawables', () => {
  it('links each record to its tenant, each tenant to its claim, each claim to its volume', () => {
    const model = running()
    const d = drawables(model, layout(model))
    expect(d.pods.map((p) => p.item.name)).toEqual(['web-0', 'web-1'])
    expect(d.records.map((r) => r.key)).toEqual([
      'web-0.nginx.default.svc.cluster.local',
      'web-1.nginx.default.svc.cluster.local',
    ])
    expect(d.absent).toEqual([])
    expect(d.links.map((l) => l.kind).sort()).toEqual(['bind', 'bind', 'dns', 'dns', 'mount', 'mount'])
    const uid = d.pods[0]!.item.uid
    expect(d.links.find((l) => l.key === `mount:${uid}:default/www-web-0`)?.label).toBe(
      '/usr/share/nginx/html',
    )
    for (const l of d.links) expect(l.y2).toBeGreaterThan(l.y1)
  })

  it('gives a slot with no Ready tenant a signpost saying the name answers NXDOMAIN', () => {
    const s = new ClusterSession(1)
    s.apply(WEB_YAML)
    s.advanceTo(1_000)
    const model = viewModel(s.snapshot())
    const d = drawables(model, layout(model))
    expect(d.records).toEqual([])
    expect(d.absent.map((a) => [a.item.name, a.item.note])).toEqual([
      ['web-0.nginx.default.svc.cluster.local', 'not Ready yet'],
      ['web-1.nginx.default.svc.cluster.local', 'no tenant'],
    ])
    expect(d.links.filter((l) => l.kind === 'dns')).toEqual([])
  })
})
