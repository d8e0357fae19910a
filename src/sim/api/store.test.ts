import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../model'
import { ObjectStore, keyOf } from './store'

const object = (namespace: string, name: string): KubeObject =>
  ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { namespace, name } }) as unknown as KubeObject

describe('ObjectStore.list', () => {
  it('stays in storage-key order while objects are added, replaced and removed between lists', () => {
    const step = fc.record({
      remove: fc.boolean(),
      namespace: fc.constantFrom('default', 'kube-system', 'a'),
      name: fc.stringMatching(/^[a-z0-9-]{1,6}$/),
      list: fc.boolean(),
    })
    fc.assert(
      fc.property(fc.array(step, { maxLength: 120 }), (steps) => {
        const store = new ObjectStore()
        const lists: string[][] = []
        for (const s of steps) {
          const existing = store.get<KubeObject>('ConfigMap', s.namespace, s.name)
          if (s.remove && existing) store.remove(existing)
          else store.put(object(s.namespace, s.name))
          if (s.list) lists.push(store.list('ConfigMap').map(keyOf))
        }
        expect(lists.filter((keys) => keys.join() !== [...keys].sort().join())).toEqual([])
        const listed = store.list('ConfigMap').map(keyOf)
        const expected = [...store.scan('ConfigMap')].map(keyOf).sort()
        expect(listed).toEqual(expected)
        expect(store.list('ConfigMap', 'a').every((o) => o.metadata.namespace === 'a')).toBe(true)
      }),
    )
  })
})
