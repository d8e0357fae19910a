import { describe, expect, test } from 'vitest'
import type { KubeObject } from '../model'
import { decodeTypes } from './decodeTypes'

const set = (spec: Record<string, unknown>) =>
  ({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'web' }, spec }) as unknown as KubeObject

describe('decodeTypes', () => {
  test('a string where the API wants an integer is a BadRequest in encoding/json words', () => {
    expect(() => decodeTypes(set({ replicas: 'two' }))).toThrow(
      'StatefulSet in version "v1" cannot be handled as a StatefulSet: json: cannot unmarshal string into Go struct field StatefulSetSpec.spec.replicas of type int32',
    )
  })

  test('fields inside lists are checked too, and named without indices', () => {
    const bad = set({ template: { spec: { containers: [{ name: 'c', ports: [{ containerPort: '80' }] }] } } })
    expect(() => decodeTypes(bad)).toThrow(
      'json: cannot unmarshal string into Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32',
    )
  })

  test('well-typed, null and absent fields pass', () => {
    expect(() => decodeTypes(set({ replicas: 3, serviceName: 'nginx', minReadySeconds: null }))).not.toThrow()
  })
})
