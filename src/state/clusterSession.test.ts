import { describe, expect, test } from 'vitest'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { ClusterSession, type ConsoleLine } from './clusterSession'
import { splitCommandLine } from './commandLine'
import { createAppStore } from './store'

const webYaml = fs.readFileSync(path.join(import.meta.dirname, '../examples/web.yaml'), 'utf8')

function session() {
  const s = new ClusterSession(1)
  const lines: ConsoleLine[] = []
  s.onConsole((l) => lines.push(l))
  const text = () =>
    lines
      .filter((l) => l.stream !== 'in')
      .map((l) => l.text)
      .join('')
  return { s, lines, text }
}

describe('ClusterSession', () => {
  test('apply prints what kubectl prints and creates the objects', () => {
    const { s } = session()
    expect(s.apply(webYaml)).toEqual({
      stdout: 'service/nginx created\nstatefulset.apps/web created\n',
      stderr: '',
      exitCode: 0,
    })
    s.advanceTo(30_000)
    expect(s.snapshot().pods.map((p) => p.metadata.name)).toEqual(['web-0', 'web-1'])
  })

  test('a console command prints its output; an unknown program is refused', () => {
    const { s, text } = session()
    s.command('kubectl get nodes -o name')
    s.command('ls /')
    expect(text()).toBe(
      'node/node-1\nnode/node-2\nnode/node-3\nls: command not found (this console runs kubectl and docker pause|unpause)\n',
    )
  })

  test('a watch keeps streaming as time plays, until Ctrl+C', () => {
    const { s, text } = session()
    s.apply(webYaml)
    s.command('kubectl get pods -w')
    expect(s.busy).toBe(true)
    s.advanceTo(20_000)
    expect(text()).toMatch(/web-1\s+1\/1\s+Running/)
    s.interrupt()
    expect(s.busy).toBe(false)
    expect(text().endsWith('^C\n')).toBe(true)
  })

  test('a blocking command finishes by itself once its condition holds', () => {
    const { s, text } = session()
    s.apply(webYaml)
    s.command('kubectl rollout status sts/web')
    s.advanceTo(30_000)
    expect(s.busy).toBe(false)
    expect(text()).toContain('partitioned roll out complete: 2 new pods have been updated...')
  })

  test('read-only commands in the past keep the future; changes fork it', () => {
    const { s } = session()
    s.apply(webYaml)
    s.advanceTo(60_000)
    s.seek(10_000)
    s.command('kubectl get pods')
    expect(s.snapshot().end).toBe(60_000)
    s.command('kubectl scale sts web --replicas=1')
    expect(s.snapshot().end).toBe(10_000)
  })

  test('stepping through the recorded future replays the actions recorded there', () => {
    const { s } = session()
    s.apply(webYaml)
    s.advanceTo(20_000)
    s.command('kubectl scale sts web --replicas=3')
    s.advanceTo(40_000)
    s.seek(19_900)
    expect(s.snapshot().statefulSets[0]!.spec.replicas).toBe(2)
    while (s.snapshot().now < 20_000) s.step()
    expect(s.snapshot().statefulSets[0]!.spec.replicas).toBe(3)
    expect(s.snapshot().end).toBe(40_000)
  })

  test('a force delete is an action: playing on does not bring the pod back', () => {
    const { s } = session()
    s.apply(webYaml)
    s.advanceTo(60_000)
    const uid = s.snapshot().pods.find((p) => p.metadata.name === 'web-1')!.metadata.uid
    s.command('kubectl delete pod web-1 --grace-period=0 --force')
    s.advanceTo(60_001)
    // A removal consumes a resourceVersion, so the command was recorded and checkpointed.
    expect(s.snapshot().pods.find((p) => p.metadata.uid === uid)).toBeUndefined()
    expect(s.actions.map((a) => a.text)).toContain('kubectl delete pod web-1 --grace-period=0 --force')
  })

  test('step stops at the next change of the cluster', () => {
    const { s } = session()
    s.apply(webYaml)
    const before = s.snapshot().resourceVersion
    s.step()
    expect(s.snapshot().resourceVersion).not.toBe(before)
    expect(s.snapshot().now).toBeGreaterThan(0)
  })
})

describe('the app store', () => {
  test('ticks advance simulated time by real time × speed only while playing', () => {
    const store = createAppStore(new ClusterSession(1), webYaml)
    const { actions } = store.getState()
    actions.setSpeed(10)
    actions.tick(100)
    expect(store.getState().snapshot.now).toBe(1000)
    actions.pause()
    actions.tick(100)
    expect(store.getState().snapshot.now).toBe(1000)
  })

  test('apply uses the editor text and publishes a new snapshot', () => {
    const store = createAppStore(new ClusterSession(1), webYaml)
    expect(store.getState().actions.apply().exitCode).toBe(0)
    expect(store.getState().snapshot.statefulSets.map((s) => s.metadata.name)).toEqual(['web'])
  })
})

describe('splitCommandLine', () => {
  test('keeps quoted JSON in one word', () => {
    expect(splitCommandLine(`kubectl patch sts web -p '{"spec":{"replicas":3}}'`)).toEqual({
      words: ['kubectl', 'patch', 'sts', 'web', '-p', '{"spec":{"replicas":3}}'],
    })
  })

  test('reports an unterminated quote as bash does', () => {
    expect(splitCommandLine(`kubectl get 'pods`)).toEqual({
      error: "unexpected EOF while looking for matching `''",
    })
  })
})

describe('console panes', () => {
  test('a watch keeps running in the second pane while the first acts; Ctrl+C stops only its pane', () => {
    const s = new ClusterSession(1)
    const lines: ConsoleLine[] = []
    s.onConsole((l) => lines.push(l))
    s.apply(webYaml)
    s.command('kubectl get pods -w', 1)
    s.command('kubectl get nodes -o name', 0)
    s.advanceTo(20_000)
    expect(s.busyPanes).toEqual([1])
    const pane = (p: number) =>
      lines
        .filter((l) => (l.pane ?? 0) === p && l.stream !== 'in')
        .map((l) => l.text)
        .join('')
    expect(pane(0)).toBe('node/node-1\nnode/node-2\nnode/node-3\n')
    expect(pane(1)).toMatch(/web-1\s+1\/1\s+Running/)
    s.interrupt(0)
    expect(s.busyPanes).toEqual([1])
    s.interrupt(1)
    expect(s.busy).toBe(false)
  })
})
