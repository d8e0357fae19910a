import { describe, expect, it } from 'vitest'
import { threeWayPatch } from './applyPatch'

const live = {
  metadata: { name: 'web', uid: 'u1', annotations: { a: '1' } },
  spec: {
    replicas: 2,
    template: {
      spec: { containers: [{ name: 'nginx', image: 'nginx:1', terminationMessagePath: '/dev/t' }] },
    },
  },
  status: { replicas: 2 },
}

describe('threeWayPatch (CreateThreeWayMergePatch)', () => {
  it('sends what changed and ignores what only the live object has', () => {
    const desired = { metadata: { name: 'web', annotations: { a: '2' } }, spec: { replicas: 3 } }
    expect(threeWayPatch(undefined, desired, live)).toEqual({
      metadata: { annotations: { a: '2' } },
      spec: { replicas: 3 },
    })
  })

  it('deletes with null what the last-applied configuration had and the manifest dropped', () => {
    const last = { metadata: { name: 'web' }, spec: { replicas: 2 } }
    const desired = { metadata: { name: 'web' }, spec: { replica: 2 } }
    expect(threeWayPatch(last, desired, live)).toEqual({ spec: { replica: 2, replicas: null } })
  })

  it('merges keyed lists by key, with $setElementOrder, and $patch: delete for dropped items', () => {
    const last = {
      spec: { template: { spec: { containers: [{ name: 'nginx' }, { name: 'side' }] } } },
    }
    const withSide = {
      ...live,
      spec: {
        ...live.spec,
        template: {
          spec: { containers: [...live.spec.template.spec.containers, { name: 'side', image: 'x' }] },
        },
      },
    }
    const desired = { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:2' }] } } } }
    expect(threeWayPatch(last, desired, withSide)).toEqual({
      spec: {
        template: {
          spec: {
            containers: [
              { name: 'nginx', image: 'nginx:2' },
              { name: 'side', $patch: 'delete' },
            ],
            '$setElementOrder/containers': [{ name: 'nginx' }],
          },
        },
      },
    })
  })

  it('replaces a list that is not keyed, and sends a keyed list the live object lacks whole', () => {
    const desired = {
      spec: { template: { spec: { tolerations: [{ key: 'k' }], volumes: [{ name: 'v' }] } } },
    }
    expect(threeWayPatch(undefined, desired, live)).toEqual(desired)
  })

  it('keeps a __proto__ key as a key', () => {
    const desired = JSON.parse('{"spec":{"__proto__":{"replicas":7}}}') as Record<string, unknown>
    const patch = threeWayPatch(undefined, desired, live) as { spec: object }
    expect(Object.keys(patch.spec)).toEqual(['__proto__'])
    expect(Object.getPrototypeOf(patch.spec)).toBe(Object.prototype)
  })
})
