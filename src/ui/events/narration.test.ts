import { describe, expect, test } from 'vitest'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { ClusterSession } from '../../state/clusterSession'
import { narrate, type NarrationInput } from './narration'

const webYaml = fs.readFileSync(path.join(import.meta.dirname, '../../examples/web.yaml'), 'utf8')

/** Plays the session forward in 250 ms frames, as the page does, collecting what is narrated. */
function play(s: ClusterSession, until: number, said: string[], from?: NarrationInput): void {
  let prev: NarrationInput = from ?? s.snapshot()
  while (s.sim.now < until) {
    s.advanceTo(s.sim.now + 250)
    const next = s.snapshot()
    said.push(...narrate(prev, next))
    prev = next
  }
}

describe('narrate', () => {
  test('the lesson example: web-0 comes up and gets its DNS record before web-1 is created', () => {
    const s = new ClusterSession(1)
    s.apply(webYaml)
    const said: string[] = []
    play(s, 30_000, said)
    expect(said).toEqual([
      'web-0 created (Pending).',
      'web-0 is Ready; DNS record web-0.nginx added.',
      'web-1 created (Pending).',
      'web-1 is Ready; DNS record web-1.nginx added.',
    ])
  })

  test('deleting a pod: it terminates, goes away and comes back under the same name', () => {
    const s = new ClusterSession(1)
    s.apply(webYaml)
    s.advanceTo(30_000)
    const before = s.snapshot()
    s.command('kubectl delete pod web-0 --wait=false')
    const said: string[] = []
    play(s, 60_000, said, before)
    expect(said[0]).toBe('web-0 is terminating; DNS record web-0.nginx removed.')
    expect(said).toContain('web-0 is Ready; DNS record web-0.nginx added.')
    expect(said.some((line) => /^web-0 (deleted|recreated)/.test(line))).toBe(true)
    expect(said.join(' ')).not.toMatch(/web-1/)
  })

  test('a failing container is named by its status', () => {
    const pod = (status: string) =>
      ({
        ...s0.pods[0]!,
        status: { ...s0.pods[0]!.status, phase: 'Running', containerStatuses: [waiting(status)] },
      }) as never
    const s0 = baseline()
    const a = { ...s0, pods: [pod('ContainerCreating')] }
    const b = { ...s0, resourceVersion: 'next', pods: [pod('CrashLoopBackOff')] }
    expect(narrate(a, b)).toEqual(['web-0 is CrashLoopBackOff.'])
  })

  test('a jump over many changes is summarised', () => {
    const s = new ClusterSession(1)
    const before = s.snapshot()
    s.apply(webYaml.replace('replicas: 2', 'replicas: 5'))
    s.advanceTo(60_000)
    const said = narrate(before, s.snapshot())
    expect(said).toHaveLength(6)
    expect(said.at(-1)).toMatch(/^…and \d+ more changes\.$/)
  })

  test('nothing changed, nothing said; going back in time is said once', () => {
    const s0 = baseline()
    expect(narrate(s0, s0)).toEqual([])
    expect(narrate({ ...s0, now: 70_000 }, { ...s0, now: 12_500 })).toEqual(['Time moved back to 00:12.'])
  })
})

function baseline(): NarrationInput {
  const s = new ClusterSession(1)
  s.apply(webYaml)
  s.advanceTo(2_000)
  return s.snapshot()
}

function waiting(reason: string) {
  return {
    name: 'nginx',
    ready: false,
    restartCount: 0,
    image: 'nginx',
    imageID: '',
    state: { waiting: { reason } },
    lastState: {},
  }
}
