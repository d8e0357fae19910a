// Every direct action is a command kubectl accepts: run each against a live session and check it
// succeeds and does what its label says.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ClusterSession, type ConsoleLine } from './clusterSession'
import { objectCommands, setImageCommand, setPartitionCommand } from './directCommands'
import type { StatefulSet } from '../sim/model'

const WEB_YAML = readFileSync(new URL('../examples/web.yaml', import.meta.url), 'utf8')
const WEB = { kind: 'StatefulSet', name: 'web', namespace: 'default' }

function running(): { s: ClusterSession; lines: ConsoleLine[] } {
  const s = new ClusterSession(1)
  const lines: ConsoleLine[] = []
  s.onConsole((l) => lines.push(l))
  s.apply(WEB_YAML)
  s.advanceTo(60_000)
  return { s, lines }
}

/** Runs `command` and returns its stderr (empty when it succeeded). */
function run(s: ClusterSession, lines: ConsoleLine[], command: string): string {
  lines.length = 0
  s.command(command)
  s.advanceTo(s.snapshot().now + 1000)
  return lines
    .filter((l) => l.stream === 'err')
    .map((l) => l.text)
    .join('')
}

const web = (s: ClusterSession) =>
  s.snapshot().statefulSets.find((x) => x.metadata.name === 'web') as StatefulSet

describe('direct actions', () => {
  it('StatefulSet buttons: scale, restart, undo and switching strategy all succeed', () => {
    const { s, lines } = running()
    for (const c of objectCommands(WEB, { set: web(s) })) {
      if (c.label === 'Undo rollout') continue // needs a history: below
      expect({ action: c.label, stderr: run(s, lines, c.command) }).toEqual({ action: c.label, stderr: '' })
    }
    expect(web(s).spec.updateStrategy?.type).toBe('OnDelete')
    const back = objectCommands(WEB, { set: web(s) }).find((c) => c.label === 'Use RollingUpdate')!
    expect(run(s, lines, back.command)).toBe('')
    // Defaulting adds rollingUpdate only when the type was empty (statefulset-behaviour.md §1).
    expect(web(s).spec.updateStrategy).toEqual({ type: 'RollingUpdate' })
  })

  it('set image and partition build the commands kubectl runs; bad values build nothing', () => {
    const { s, lines } = running()
    expect(setImageCommand(WEB, web(s), 'nginx"; rm -rf /')).toBeUndefined()
    expect(setPartitionCommand(WEB, '-1')).toBeUndefined()
    expect(setPartitionCommand(WEB, 'two')).toBeUndefined()
    expect(run(s, lines, setPartitionCommand(WEB, '1')!.command)).toBe('')
    expect(run(s, lines, setImageCommand(WEB, web(s), 'registry.k8s.io/nginx-slim:0.8')!.command)).toBe('')
    expect(web(s).spec.updateStrategy?.rollingUpdate?.partition).toBe(1)
    expect(web(s).spec.template.spec.containers[0]!.image).toBe('registry.k8s.io/nginx-slim:0.8')
    const undo = objectCommands(WEB, { set: web(s) }).find((c) => c.label === 'Undo rollout')!
    expect(run(s, lines, undo.command)).toBe('')
    expect(web(s).spec.template.spec.containers[0]!.image).toBe('registry.k8s.io/nginx-slim:0.7')
  })

  it('pod buttons: delete and force delete', () => {
    const { s, lines } = running()
    const pod = { kind: 'Pod', name: 'web-1', namespace: 'default' }
    const [del, force] = objectCommands(pod, {})
    expect(run(s, lines, del!.command)).toBe('')
    s.advanceTo(s.snapshot().now + 60_000)
    // Force deletion warns on stderr, as kubectl does.
    expect(run(s, lines, force!.command)).toContain('Immediate deletion does not wait')
  })
})
