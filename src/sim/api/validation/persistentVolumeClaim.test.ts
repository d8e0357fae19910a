import { describe, expect, it } from 'vitest'
import type { ObjectMeta, PersistentVolumeClaim } from '../../model'
import { applyDefaults } from '../defaults'
import { fieldErrorText, invalid } from '../errors'
import { validateCreate, validateUpdate } from './index'

function claim(edit: (c: PersistentVolumeClaim) => void = () => {}): PersistentVolumeClaim {
  const pvc = {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'www-web-0', namespace: 'default' } as ObjectMeta,
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
  } as unknown as PersistentVolumeClaim
  edit(pvc)
  return pvc
}

const texts = (c: PersistentVolumeClaim) => validateCreate(applyDefaults(c)).map(fieldErrorText)
const subdomainMessage =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"

describe('PersistentVolumeClaim create validation', () => {
  it('accepts a plain claim', () => {
    expect(texts(claim())).toEqual([])
  })

  it('rejects a name that is not a DNS-1123 subdomain (F116)', () => {
    const errs = validateCreate(applyDefaults(claim((c) => (c.metadata.name = 'www_web'))))
    expect(invalid('PersistentVolumeClaim', '', 'www_web', errs).message).toBe(
      `PersistentVolumeClaim "www_web" is invalid: metadata.name: Invalid value: "www_web": ${subdomainMessage}`,
    )
  })

  it('requires an access mode (F134)', () => {
    expect(texts(claim((c) => (c.spec.accessModes = [])))).toEqual([
      'spec.accessModes: Required value: at least 1 access mode is required',
    ])
  })

  it('lists the supported access modes sorted (F135)', () => {
    expect(texts(claim((c) => (c.spec.accessModes = ['ReadWriteSometimes' as 'ReadWriteOnce'])))).toEqual([
      'spec.accessModes: Unsupported value: "ReadWriteSometimes": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
    ])
  })

  it('forbids ReadWriteOncePod with another mode (F136)', () => {
    expect(texts(claim((c) => (c.spec.accessModes = ['ReadWriteOncePod', 'ReadWriteOnce'])))).toEqual([
      'spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes',
    ])
  })

  it('requires a storage request at spec.resources[storage] (F137)', () => {
    expect(texts(claim((c) => (c.spec.resources = { requests: {} })))).toEqual([
      'spec.resources[storage]: Required value',
    ])
  })

  it.each([
    ['0', 'spec.resources[storage]: Invalid value: "0": must be greater than zero'],
    ['-1Gi', 'spec.resources[storage]: Invalid value: "-1Gi": must be greater than zero'],
    ['-1024Mi', 'spec.resources[storage]: Invalid value: "-1Gi": must be greater than zero'],
  ])('rejects a request of %s showing its canonical form (F138)', (storage, message) => {
    expect(texts(claim((c) => (c.spec.resources = { requests: { storage } })))).toEqual([message])
  })

  it('checks a non-empty storageClassName as a subdomain and accepts "" (F140)', () => {
    expect(texts(claim((c) => (c.spec.storageClassName = 'Fast_SSD')))).toEqual([
      `spec.storageClassName: Invalid value: "Fast_SSD": ${subdomainMessage}`,
    ])
    expect(texts(claim((c) => (c.spec.storageClassName = '')))).toEqual([])
  })

  it('rejects an unknown volumeMode (F141)', () => {
    expect(texts(claim((c) => (c.spec.volumeMode = 'Raw' as 'Block')))).toEqual([
      'spec.volumeMode: Unsupported value: "Raw": supported values: "Block", "Filesystem"',
    ])
  })
})

describe('PersistentVolumeClaim update validation (F142)', () => {
  const bound = (edit: (c: PersistentVolumeClaim) => void = () => {}) =>
    claim((c) => {
      c.spec.volumeName = 'pvc-1'
      c.status = { phase: 'Bound', capacity: { storage: '1Gi' } }
      edit(c)
    })
  const updateTexts = (old: PersistentVolumeClaim, next: PersistentVolumeClaim) =>
    validateUpdate(applyDefaults(old), applyDefaults(next)).map(fieldErrorText)

  it('forbids spec changes other than the request of a bound claim', () => {
    expect(
      updateTexts(
        bound(),
        bound((c) => (c.spec.accessModes = ['ReadWriteMany'])),
      ),
    ).toEqual([
      'spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
    ])
  })

  it('lets a bound claim grow', () => {
    expect(
      updateTexts(
        bound(),
        bound((c) => (c.spec.resources = { requests: { storage: '2Gi' } })),
      ),
    ).toEqual([])
  })

  it('forbids resizing a claim that is not bound', () => {
    expect(
      updateTexts(
        claim(),
        claim((c) => (c.spec.resources = { requests: { storage: '2Gi' } })),
      ),
    ).toEqual([
      'spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
    ])
  })

  it('forbids shrinking to or below the bound capacity', () => {
    const old = bound((c) => (c.spec.resources = { requests: { storage: '2Gi' } }))
    expect(updateTexts(old, bound())).toEqual([
      'spec.resources.requests.storage: Forbidden: field can not be less than status.capacity',
    ])
  })

  it('lets the PV controller set volumeName once', () => {
    expect(
      updateTexts(
        claim(),
        claim((c) => (c.spec.volumeName = 'pvc-1')),
      ),
    ).toEqual([])
  })

  it('treats an equal quantity written differently as unchanged', () => {
    expect(
      updateTexts(
        claim(),
        claim((c) => (c.spec.resources = { requests: { storage: '1024Mi' } })),
      ),
    ).toEqual([])
  })
})
