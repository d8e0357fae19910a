import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { checkConvergence, perform, runSession, sessionArbitrary } from './actions'
import { TestCluster } from './testCluster'
import { Timeline } from '../timeline'

/** Sequences per property in `npm test`; `npm run fuzz -- N` runs more, from fresh seeds. */
const RUNS = 150
/** A fixed seed keeps `npm test` repeatable; exploration is `npm run fuzz`'s job. */
const SEED = 20261126

describe('random user sessions', () => {
  test('keep every invariant after every task, and a live set converges to all ordinals Ready', () => {
    fc.assert(
      fc.property(sessionArbitrary, fc.integer({ min: 1, max: 1000 }), (actions, seed) => {
        const cluster = runSession(actions, seed)
        expect(checkConvergence(cluster)).toBeUndefined()
      }),
      { numRuns: RUNS, seed: SEED },
    )
  })

  test('are deterministic: the same actions and seed give the same objects', () => {
    fc.assert(
      fc.property(sessionArbitrary, (actions) => {
        const fingerprint = (c: ReturnType<typeof runSession>) =>
          JSON.stringify(
            ['Pod', 'PersistentVolumeClaim', 'PersistentVolume', 'Event'].map((k) => c.api.list(k)),
          )
        expect(fingerprint(runSession(actions, 9))).toBe(fingerprint(runSession(actions, 9)))
      }),
      { numRuns: 40, seed: SEED },
    )
  })
})

describe('time travel over random sessions', () => {
  test('seeking back to any moment and playing forward reproduces the straight run', () => {
    fc.assert(
      fc.property(sessionArbitrary, fc.double({ min: 0, max: 1, noNaN: true }), (actions, where) => {
        const cluster = new TestCluster({ seed: 4 })
        const timeline = new Timeline(cluster.sim, { intervalMs: 3_000 })
        for (const action of actions) {
          if (action.kind === 'advance') timeline.advanceTo(cluster.sim.now + action.ms)
          else timeline.act(() => perform(cluster, action))
        }
        const end = cluster.sim.now
        const fingerprint = () =>
          JSON.stringify(
            ['Pod', 'PersistentVolumeClaim', 'PersistentVolume', 'StatefulSet', 'EndpointSlice'].map((k) =>
              cluster.api.list(k),
            ),
          )
        const straight = fingerprint()
        timeline.seek(Math.floor(end * where))
        timeline.advanceTo(end)
        expect(fingerprint()).toBe(straight)
      }),
      { numRuns: 60, seed: SEED },
    )
  })
})
