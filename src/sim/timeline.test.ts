import { describe, expect, test } from 'vitest'
import { Simulation } from './simulation'
import { Timeline } from './timeline'
import { WEB_YAML } from './testing/testCluster'
import { load } from 'js-yaml'
import type { KubeObject } from './model'

/** Everything observable about the engine at this moment, as text. */
function fingerprint(sim: Simulation): string {
  const kinds = [
    'Pod',
    'StatefulSet',
    'PersistentVolumeClaim',
    'PersistentVolume',
    'EndpointSlice',
    'Endpoints',
    'Event',
    'ControllerRevision',
  ]
  return JSON.stringify({ now: sim.now, objects: kinds.map((k) => sim.ctx.store.list(k)) })
}

function applyWeb(sim: Simulation): void {
  for (const doc of WEB_YAML.split(/^---$/m)) sim.ctx.api.create(load(doc) as KubeObject)
}

function scale(sim: Simulation, replicas: number): void {
  const set = sim.ctx.api.get<KubeObject & { spec: { replicas: number } }>('StatefulSet', 'default', 'web')
  sim.ctx.api.update({ ...set, spec: { ...set.spec, replicas } })
}

describe('Timeline', () => {
  test('the same seed and actions give the same state, byte for byte', () => {
    const run = () => {
      const sim = new Simulation({ seed: 42 })
      applyWeb(sim)
      sim.advance(30_000)
      scale(sim, 4)
      sim.advance(30_000)
      return fingerprint(sim)
    }
    expect(run()).toBe(run())
  })

  test('a different seed gives different uids and IPs', () => {
    const a = new Simulation({ seed: 1 })
    const b = new Simulation({ seed: 2 })
    applyWeb(a)
    applyWeb(b)
    a.advance(20_000)
    b.advance(20_000)
    expect(fingerprint(a)).not.toBe(fingerprint(b))
  })

  test('seeking back and playing forward again equals a straight run, actions included', () => {
    const straight = new Simulation({ seed: 7 })
    applyWeb(straight)
    straight.advance(25_000)
    scale(straight, 3)
    straight.advance(35_000)

    const sim = new Simulation({ seed: 7 })
    const timeline = new Timeline(sim, { intervalMs: 5_000 })
    timeline.act(() => applyWeb(sim))
    timeline.advanceTo(25_000)
    timeline.act(() => scale(sim, 3))
    timeline.advanceTo(60_000)
    const expected = fingerprint(straight)
    expect(fingerprint(sim)).toBe(expected)

    for (const t of [0, 3_000, 24_999, 25_000, 41_234, 12_000]) {
      timeline.seek(t)
      expect(sim.now).toBe(t)
    }
    timeline.advanceTo(60_000)
    expect(fingerprint(sim)).toBe(expected)
  })

  test('acting in the past forks: the old future is discarded', () => {
    const sim = new Simulation({ seed: 3 })
    const timeline = new Timeline(sim, { intervalMs: 5_000 })
    timeline.act(() => applyWeb(sim))
    timeline.advanceTo(40_000)
    expect(sim.ctx.store.list('Pod')).toHaveLength(2)
    timeline.seek(2_000)
    timeline.act(() => scale(sim, 1))
    expect(timeline.end).toBe(2_000)
    timeline.advanceTo(40_000)
    expect(sim.ctx.store.list('Pod').map((p) => p.metadata.name)).toEqual(['web-0'])
  })
})
