// Event retention: an Event goes an hour after its last write (kube-apiserver's --event-ttl), and
// no more than MAX_EVENTS are kept, the oldest dropped first.
import { describe, expect, test } from 'vitest'
import { Simulation } from '../simulation'
import type { Event, KubeObject } from '../model'
import { EVENT_TTL_MS, MAX_EVENTS } from './recorder'

const pod = (name: string): KubeObject =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}` },
  }) as KubeObject

const events = (sim: Simulation) => sim.ctx.api.list<Event>('Event')

describe('EventRecorder retention', () => {
  test('an event written an hour ago is gone once another is recorded; a refreshed one stays', () => {
    const sim = new Simulation({ seed: 1 })
    const { recorder } = sim.ctx
    recorder.record(pod('old'), 'Normal', 'Pulled', 'pulled', 'kubelet')
    recorder.record(pod('busy'), 'Normal', 'Pulled', 'pulled', 'kubelet')
    sim.advance(EVENT_TTL_MS - 60_000)
    recorder.record(pod('busy'), 'Normal', 'Pulled', 'pulled', 'kubelet')
    sim.advance(120_000)
    recorder.record(pod('new'), 'Normal', 'Pulled', 'pulled', 'kubelet')
    const names = events(sim).map((e) => e.involvedObject.name)
    expect(names).not.toContain('old')
    expect(names).toEqual(expect.arrayContaining(['busy', 'new']))
    expect(events(sim).find((e) => e.involvedObject.name === 'busy')?.count).toBe(2)
  })

  test(`at most ${MAX_EVENTS} events are kept: past it the oldest tenth goes`, () => {
    const sim = new Simulation({ seed: 1 })
    const { recorder } = sim.ctx
    for (let i = 0; i <= MAX_EVENTS; i++) {
      recorder.record(pod(`p${i}`), 'Normal', 'Created', 'created', 'kubelet')
      if (i % 1000 === 0) sim.advance(1000)
    }
    const names = new Set(events(sim).map((e) => e.involvedObject.name))
    expect(names.size).toBeLessThanOrEqual(MAX_EVENTS)
    expect(names.has('p0')).toBe(false)
    expect(names.has(`p${MAX_EVENTS}`)).toBe(true)
  })
})

describe('EventRecorder correlation after a sweep', () => {
  const fill = (sim: Simulation) => {
    for (let i = 0; i < MAX_EVENTS; i++)
      sim.ctx.recorder.record(pod(`p${i}`), 'Normal', 'Created', 'created', 'kubelet')
  }
  const external = (sim: Simulation, name: string) =>
    sim.ctx.api.create({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'x', namespace: 'default', uid: 'uid-x' },
      reason: 'Pulled',
      message: 'pulled',
      source: { component: 'kubelet' },
      type: 'Normal',
      count: 1,
      firstTimestamp: sim.ctx.api.now(),
      lastTimestamp: sim.ctx.api.now(),
    } as unknown as KubeObject)
  const countOf = (sim: Simulation, name: string) =>
    sim.ctx.api.tryGet<Event>('Event', 'default', name)?.count

  test('an Event written by someone else after a sweep is found, as a rebuilt index finds it', () => {
    const sim = new Simulation({ seed: 1 })
    fill(sim)
    sim.ctx.recorder.record(pod('q'), 'Normal', 'Created', 'created', 'kubelet') // sweeps
    external(sim, 'x.external')
    sim.ctx.recorder.record(pod('x'), 'Normal', 'Pulled', 'pulled', 'kubelet')
    expect(countOf(sim, 'x.external')).toBe(2)
  })

  test('one written before the sweep is not (the index predates it); after it, the later name wins', () => {
    const sim = new Simulation({ seed: 1 })
    sim.ctx.recorder.record(pod('q'), 'Normal', 'Created', 'created', 'kubelet') // builds the index
    external(sim, 'x.zzz')
    sim.ctx.recorder.record(pod('x'), 'Normal', 'Pulled', 'pulled', 'kubelet') // a second event
    const own = events(sim).find((e) => e.involvedObject.name === 'x' && e.metadata.name !== 'x.zzz')!
    expect(countOf(sim, 'x.zzz')).toBe(1)
    expect(own.count).toBe(1)
    fill(sim) // sweeps; both x events are among the newest and stay
    sim.ctx.recorder.record(pod('x'), 'Normal', 'Pulled', 'pulled', 'kubelet')
    expect(countOf(sim, 'x.zzz')).toBe(2)
    expect(countOf(sim, own.metadata.name)).toBe(1)
  })
})
