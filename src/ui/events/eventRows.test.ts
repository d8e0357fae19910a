import { describe, expect, test } from 'vitest'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { ClusterSession } from '../../state/clusterSession'
import { eventRows } from './eventRows'

const webYaml = fs.readFileSync(path.join(import.meta.dirname, '../../examples/web.yaml'), 'utf8')

describe('eventRows', () => {
  const s = new ClusterSession(1)
  s.apply(webYaml)
  s.advanceTo(30_000)
  const snap = s.snapshot()
  const rows = eventRows(snap.events, snap.statefulSets, { now: snap.now, end: snap.end })

  test('rows are newest first, printed as kubectl get events prints them', () => {
    expect(rows.length).toBe(snap.events.length)
    const times = rows.map((r) => r.at)
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    const create = rows.find(
      (r) => r.reason === 'SuccessfulCreate' && r.message.startsWith('create Pod web-1'),
    )!
    expect(create).toMatchObject({ type: 'Normal', object: 'statefulset/web', count: 1 })
    expect(create.lastSeen).toMatch(/^\d+s$/)
    expect(create.why).toMatch(/after web-0 is Running and Ready/)
  })

  test('each row jumps to a moment at which its event already exists', () => {
    for (const r of rows) {
      expect(r.at).toBeLessThanOrEqual(snap.end)
      s.seek(r.at)
      expect(s.snapshot().events.some((e) => e.metadata.uid === r.uid)).toBe(true)
    }
  })

  test('warnings only, and a limit', () => {
    expect(eventRows(snap.events, [], { now: snap.now, end: snap.end, warningsOnly: true })).toEqual([])
    expect(eventRows(snap.events, [], { now: snap.now, end: snap.end, limit: 3 })).toHaveLength(3)
  })
})
