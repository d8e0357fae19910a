import { describe, expect, it } from 'vitest'
import type { ObjectMeta, StorageClass } from '../../model'
import { applyDefaults } from '../defaults'
import { fieldErrorText, invalid } from '../errors'
import { validateCreate, validateUpdate } from './index'

function standard(edit: (s: StorageClass) => void = () => {}): StorageClass {
  const sc = {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'standard' } as ObjectMeta,
    provisioner: 'rancher.io/local-path',
    volumeBindingMode: 'WaitForFirstConsumer',
  } as StorageClass
  edit(sc)
  return sc
}

const texts = (s: StorageClass) => validateCreate(applyDefaults(s)).map(fieldErrorText)
const updateErrors = (old: StorageClass, next: StorageClass) =>
  validateUpdate(applyDefaults(old), applyDefaults(next))

describe('StorageClass create validation', () => {
  it('accepts kind’s default class', () => {
    expect(texts(standard())).toEqual([])
  })

  it('requires a provisioner', () => {
    expect(texts(standard((s) => (s.provisioner = '')))).toEqual(['provisioner: Required value'])
  })

  it('rejects an unknown reclaim policy', () => {
    expect(texts(standard((s) => (s.reclaimPolicy = 'Recycle' as 'Retain')))).toEqual([
      'reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"',
    ])
  })

  it('rejects an unknown binding mode', () => {
    expect(texts(standard((s) => (s.volumeBindingMode = 'Later' as 'Immediate')))).toEqual([
      'volumeBindingMode: Unsupported value: "Later": supported values: "Immediate", "WaitForFirstConsumer"',
    ])
  })
})

describe('StorageClass update validation', () => {
  it('forbids changing parameters', () => {
    expect(
      updateErrors(
        standard(),
        standard((s) => (s.parameters = { type: 'ssd' })),
      ).map(fieldErrorText),
    ).toEqual(['parameters: Forbidden: updates to parameters are forbidden.'])
  })

  it('forbids changing the provisioner', () => {
    expect(
      updateErrors(
        standard(),
        standard((s) => (s.provisioner = 'ebs.csi.aws.com')),
      ).map(fieldErrorText),
    ).toEqual(['provisioner: Forbidden: updates to provisioner are forbidden.'])
  })

  it('forbids changing the reclaim policy', () => {
    expect(
      updateErrors(
        standard(),
        standard((s) => (s.reclaimPolicy = 'Retain')),
      ).map(fieldErrorText),
    ).toEqual(['reclaimPolicy: Forbidden: updates to reclaimPolicy are forbidden.'])
  })

  it('keeps volumeBindingMode immutable', () => {
    expect(
      updateErrors(
        standard(),
        standard((s) => (s.volumeBindingMode = 'Immediate')),
      ).map(fieldErrorText),
    ).toEqual(['volumeBindingMode: Invalid value: "Immediate": field is immutable'])
  })

  it('reports several immutable fields in one error, as on a re-applied gp2 class', () => {
    const errs = updateErrors(
      standard(),
      standard((s) => {
        s.parameters = { type: 'gp2' }
        s.reclaimPolicy = 'Retain'
      }),
    )
    expect(invalid('StorageClass', 'storage.k8s.io', 'standard', errs).message).toBe(
      'StorageClass.storage.k8s.io "standard" is invalid: [parameters: Forbidden: updates to parameters are forbidden., reclaimPolicy: Forbidden: updates to reclaimPolicy are forbidden.]',
    )
  })

  it('allows changing metadata', () => {
    expect(
      updateErrors(
        standard(),
        standard((s) => (s.metadata.annotations = { 'storageclass.kubernetes.io/is-default-class': 'true' })),
      ),
    ).toEqual([])
  })
})
