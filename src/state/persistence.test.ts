import { describe, expect, test } from 'vitest'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { ClusterSession } from './clusterSession'
import { loadSession, saveSession, STORAGE_KEY, type KeyValueStorage } from './persistence'
import { openPersistentStore } from './persistentStore'

const webYaml = fs.readFileSync(path.join(import.meta.dirname, '../examples/web.yaml'), 'utf8')

function memoryStorage(
  initial: Record<string, string> = {},
): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial))
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) }
}

describe('a saved session', () => {
  test('replays to the same cluster: same pods, uids and IPs, at the same moment', () => {
    const original = new ClusterSession(1)
    original.apply(webYaml)
    original.advanceTo(30_000)
    original.command('kubectl delete pod web-0 --wait=false')
    original.advanceTo(60_000)
    original.seek(45_000)
    const replayed = ClusterSession.replay(1, original.actions, 60_000, 45_000)
    const pods = (s: ClusterSession) => JSON.stringify(s.snapshot().pods)
    expect(replayed.snapshot().now).toBe(45_000)
    expect(pods(replayed)).toBe(pods(original))
  })

  test('the store restores editor text, cluster and clock after a reload', async () => {
    const storage = memoryStorage()
    const first = openPersistentStore(webYaml, storage)
    first.getState().actions.apply()
    first.getState().actions.setEditorText('# my edits\n' + webYaml)
    first.getState().actions.tick(200)
    await new Promise((r) => setTimeout(r, 1100))
    expect(storage.data.has(STORAGE_KEY)).toBe(true)
    const second = openPersistentStore('unused', storage)
    expect(second.getState().editorText.startsWith('# my edits')).toBe(true)
    expect(second.getState().snapshot.statefulSets.map((s) => s.metadata.name)).toEqual(['web'])
    expect(second.getState().snapshot.now).toBe(first.getState().snapshot.now)
  })

  test('unreadable data is set aside with a notice and the page starts fresh', () => {
    const storage = memoryStorage({ [STORAGE_KEY]: '{"version":0}' })
    const result = loadSession(storage, 123)
    expect(result).toEqual({
      kind: 'setAside',
      setAsideKey: `${STORAGE_KEY}.unreadable.123`,
      reason: 'it was saved by another version (0)',
    })
    expect(storage.data.get(`${STORAGE_KEY}.unreadable.123`)).toBe('{"version":0}')
    const store = openPersistentStore(webYaml, memoryStorage({ [STORAGE_KEY]: 'not json' }))
    expect(store.getState().notice).toMatch(/could not be read \(it is not valid JSON\)/)
    expect(store.getState().editorText).toBe(webYaml)
  })

  test('a full storage is reported, not fatal', () => {
    const full: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
    }
    const error = saveSession(full, {
      version: 1,
      seed: 1,
      actions: [],
      end: 0,
      now: 0,
      speed: 1,
      editorText: '',
      console: [],
    })
    expect(error).toBe('Your work could not be saved in this browser: QuotaExceededError')
  })
})
