import { describe, expect, it } from 'vitest'
import { k8sSchema } from './k8sSchema'

const defs = k8sSchema.definitions!

describe('the editor schema', () => {
  it('covers the kinds the editor creates, and List', () => {
    const refs = (defs.K8sResource!.anyOf ?? []).map((s) => (s as { $ref: string }).$ref)
    expect(refs).toEqual(
      [
        'Service',
        'StatefulSet',
        'PersistentVolumeClaim',
        'PersistentVolume',
        'StorageClass',
        'Pod',
        'Deployment',
        'ReplicaSet',
        'List',
      ].map((k) => `#/definitions/${k}`),
    )
  })

  it('takes a quantity as a string or a bare number (cpu: 1)', () => {
    expect(defs.Quantity!.type).toEqual(['string', 'number'])
  })

  it('keeps the API docs and rejects unknown fields', () => {
    const spec = defs.StatefulSetSpec!
    expect(spec.additionalProperties).toBe(false)
    expect(String((spec.properties!.serviceName as { description: string }).description)).toContain(
      'serviceName',
    )
  })
})
