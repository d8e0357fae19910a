import { describe, expect, it } from 'vitest'
import type { ObjectMeta, PersistentVolume } from '../../model'
import { applyDefaults } from '../defaults'
import { fieldErrorText } from '../errors'
import { validateCreate, validateUpdate } from './index'

function volume(edit: (v: PersistentVolume) => void = () => {}): PersistentVolume {
  const pv = {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: 'pv-1' } as ObjectMeta,
    spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/tmp/pv-1' } },
  } as unknown as PersistentVolume
  edit(pv)
  return pv
}

const texts = (v: PersistentVolume) => validateCreate(applyDefaults(v)).map(fieldErrorText)

describe('PersistentVolume create validation (F143)', () => {
  it('accepts a hostPath volume', () => {
    expect(texts(volume())).toEqual([])
  })

  it('requires access modes', () => {
    expect(texts(volume((v) => delete v.spec.accessModes))).toEqual(['spec.accessModes: Required value'])
  })

  it('requires a capacity with exactly the storage key', () => {
    expect(texts(volume((v) => delete v.spec.capacity))).toEqual([
      'spec.capacity: Required value',
      'spec.capacity: Unsupported value: null: supported values: "storage"',
    ])
    expect(texts(volume((v) => (v.spec.capacity = { storage: '1Gi', cpu: '1' })))).toEqual([
      'spec.capacity: Unsupported value: {"cpu":"1","storage":"1Gi"}: supported values: "storage"',
    ])
  })

  it('requires a positive capacity', () => {
    expect(texts(volume((v) => (v.spec.capacity = { storage: '0' })))).toEqual([
      'spec.capacity[storage]: Invalid value: "0": must be greater than zero',
    ])
  })

  it('requires a volume source', () => {
    expect(texts(volume((v) => delete v.spec.hostPath))).toEqual([
      'spec: Required value: must specify a volume type',
    ])
  })

  it('forbids a second volume source', () => {
    expect(texts(volume((v) => (v.spec.nfs = { server: 'nfs', path: '/export' })))).toEqual([
      'spec.nfs: Forbidden: may not specify more than 1 volume type',
    ])
  })

  it('lists the reclaim policies sorted', () => {
    expect(texts(volume((v) => (v.spec.persistentVolumeReclaimPolicy = 'Keep' as 'Retain')))).toEqual([
      'spec.persistentVolumeReclaimPolicy: Unsupported value: "Keep": supported values: "Delete", "Recycle", "Retain"',
    ])
  })

  it('requires node affinity for a local volume', () => {
    expect(
      texts(
        volume((v) => {
          delete v.spec.hostPath
          v.spec.local = { path: '/mnt/disk' }
        }),
      ),
    ).toEqual(['spec.nodeAffinity: Required value: Local volume requires node affinity'])
  })

  it("forbids Recycle for a hostPath of '/'", () => {
    expect(
      texts(
        volume((v) => {
          v.spec.hostPath = { path: '/' }
          v.spec.persistentVolumeReclaimPolicy = 'Recycle'
        }),
      ),
    ).toEqual([
      "spec.persistentVolumeReclaimPolicy: Forbidden: may not be 'recycle' for a hostPath mount of '/'",
    ])
  })

  it('checks storageClassName as a subdomain', () => {
    expect(texts(volume((v) => (v.spec.storageClassName = 'Fast')))[0]).toMatch(
      /^spec\.storageClassName: Invalid value: "Fast": a lowercase RFC 1123 subdomain/,
    )
  })
})

describe('PersistentVolume update validation', () => {
  it('forbids changing the volume source', () => {
    const got = validateUpdate(
      applyDefaults(volume()),
      applyDefaults(volume((v) => (v.spec.hostPath = { path: '/tmp/other' }))),
    )
    expect(got.map(fieldErrorText)).toEqual([
      'spec.persistentvolumesource: Forbidden: spec.persistentvolumesource is immutable after creation',
    ])
  })

  it('allows changing the reclaim policy', () => {
    const got = validateUpdate(
      applyDefaults(volume()),
      applyDefaults(volume((v) => (v.spec.persistentVolumeReclaimPolicy = 'Delete'))),
    )
    expect(got).toEqual([])
  })
})
