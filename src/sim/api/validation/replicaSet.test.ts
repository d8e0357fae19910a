import { describe, expect, it } from 'vitest'
import type { ObjectMeta, ReplicaSet } from '../../model'
import { applyDefaults } from '../defaults'
import { fieldErrorText } from '../errors'
import { validateCreate, validateUpdate } from './index'

describe('ReplicaSet validation', () => {
  const rs = (edit: (r: ReplicaSet) => void = () => {}): ReplicaSet => {
    const r = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'frontend', namespace: 'default' } as ObjectMeta,
      spec: {
        replicas: 3,
        selector: { matchLabels: { tier: 'frontend' } },
        template: {
          metadata: { labels: { tier: 'frontend' } },
          spec: { containers: [{ name: 'php', image: 'php:8' }] },
        },
      },
    } as ReplicaSet
    edit(r)
    return r
  }
  const rsTexts = (r: ReplicaSet) => validateCreate(applyDefaults(r)).map(fieldErrorText)

  it('defaults replicas to 1 and accepts a plain set', () => {
    expect(applyDefaults(rs((r) => delete r.spec.replicas)).spec.replicas).toBe(1)
    expect(rsTexts(rs())).toEqual([])
  })

  it('reports negative counts, a missing selector and the mismatch in Kubernetes order', () => {
    expect(
      rsTexts(
        rs((r) => {
          r.spec.replicas = -1
          r.spec.minReadySeconds = -2
          delete (r.spec as { selector?: unknown }).selector
        }),
      ),
    ).toEqual([
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      'spec.minReadySeconds: Invalid value: -2: must be greater than or equal to 0',
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: {"tier":"frontend"}: `selector` does not match template `labels`',
    ])
  })

  it('says "for deployment" for an empty selector, as Kubernetes does', () => {
    expect(rsTexts(rs((r) => (r.spec.selector = {})))).toEqual([
      'spec.selector: Invalid value: {}: empty selector is invalid for deployment',
    ])
  })

  it('keeps the selector immutable but lets replicas change', () => {
    const old = applyDefaults(rs())
    expect(validateUpdate(old, applyDefaults(rs((r) => (r.spec.replicas = 0)))).map(fieldErrorText)).toEqual(
      [],
    )
    const moved = rs((r) => {
      r.spec.selector = { matchLabels: { tier: 'web' } }
      r.spec.template.metadata = { labels: { tier: 'web' } }
    })
    expect(validateUpdate(old, applyDefaults(moved)).map(fieldErrorText)).toEqual([
      'spec.selector: Invalid value: {"matchLabels":{"tier":"web"}}: field is immutable',
    ])
  })
})
