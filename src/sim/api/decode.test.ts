import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../model'
import { decodeQuantities } from './decode'
import { StatusError } from './errors'

const formatWrong =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"

function claim(storage: unknown): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'c' },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage } } },
  } as unknown as KubeObject
}

function statefulSet(storage: unknown): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web' },
    spec: {
      template: { spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
      volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { resources: { requests: { storage } } } }],
    },
  } as unknown as KubeObject
}

function decodeError(obj: KubeObject): StatusError {
  let error: unknown
  try {
    decodeQuantities(obj)
  } catch (e) {
    error = e
  }
  expect(error).toBeInstanceOf(StatusError)
  return error as StatusError
}

describe('decodeQuantities (F149)', () => {
  it('rejects a malformed claim request as a PersistentVolumeClaim BadRequest', () => {
    const e = decodeError(claim('1GB'))
    expect([e.reason, e.code]).toEqual(['BadRequest', 400])
    expect(e.message).toBe(
      `PersistentVolumeClaim in version "v1" cannot be handled as a PersistentVolumeClaim: ${formatWrong}`,
    )
  })

  it('names the StatefulSet for a bad claim template', () => {
    expect(decodeError(statefulSet('1K')).message).toBe(
      'StatefulSet in version "v1" cannot be handled as a StatefulSet: unable to parse quantity\'s suffix',
    )
  })

  it('checks container resources', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'c', image: 'i', resources: { limits: { memory: '64 Mi' } } }] },
    } as unknown as KubeObject
    expect(decodeError(pod).message).toBe(`Pod in version "v1" cannot be handled as a Pod: ${formatWrong}`)
  })

  it('checks a volume capacity', () => {
    const pv = {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'v' },
      spec: { capacity: { storage: 'lots' } },
    } as unknown as KubeObject
    expect(decodeError(pv).message).toBe(
      `PersistentVolume in version "v1" cannot be handled as a PersistentVolume: ${formatWrong}`,
    )
  })

  it('accepts a YAML number, surrounding spaces and null, and leaves values as written (F152)', () => {
    for (const storage of [1, '1Gi ', null, '1.5Gi']) {
      const obj = claim(storage)
      const before = JSON.stringify(obj)
      expect(() => decodeQuantities(obj)).not.toThrow()
      expect(JSON.stringify(obj)).toBe(before)
    }
  })

  it('ignores kinds without quantities', () => {
    expect(() =>
      decodeQuantities({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 's' },
      } as unknown as KubeObject),
    ).not.toThrow()
  })
})
