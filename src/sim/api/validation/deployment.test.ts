import { describe, expect, it } from 'vitest'
import type { Deployment, ObjectMeta } from '../../model'
import { applyDefaults } from '../defaults'
import { fieldErrorText, invalid } from '../errors'
import { validateCreate, validateUpdate } from './index'

function web(edit: (d: Deployment) => void = () => {}): Deployment {
  const d = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' } as ObjectMeta,
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] },
      },
    },
  } as Deployment
  edit(d)
  return d
}

const texts = (d: Deployment) => validateCreate(applyDefaults(d)).map(fieldErrorText)
const updateTexts = (old: Deployment, next: Deployment) =>
  validateUpdate(applyDefaults(old), applyDefaults(next)).map(fieldErrorText)

describe('Deployment defaulting', () => {
  it('fills replicas, the RollingUpdate strategy with 25%/25%, history, deadline and pod defaults', () => {
    const d = applyDefaults(web((x) => delete x.spec.replicas))
    expect(d.spec.replicas).toBe(1)
    expect(d.spec.strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
    })
    expect(d.spec.revisionHistoryLimit).toBe(10)
    expect(d.spec.progressDeadlineSeconds).toBe(600)
    expect(d.spec.template.spec.restartPolicy).toBe('Always')
    expect(d.spec.template.spec.terminationGracePeriodSeconds).toBe(30)
  })

  it('keeps a Recreate strategy without a rollingUpdate block', () => {
    expect(applyDefaults(web((x) => (x.spec.strategy = { type: 'Recreate' }))).spec.strategy).toEqual({
      type: 'Recreate',
    })
  })

  it('fills only the missing half of rollingUpdate', () => {
    const d = applyDefaults(web((x) => (x.spec.strategy = { rollingUpdate: { maxSurge: 1 } })))
    expect(d.spec.strategy?.rollingUpdate).toEqual({ maxSurge: 1, maxUnavailable: '25%' })
  })
})

describe('Deployment create validation', () => {
  it('accepts a plain deployment', () => {
    expect(texts(web())).toEqual([])
  })

  it('reports a missing selector together with the label mismatch it causes', () => {
    const errs = validateCreate(applyDefaults(web((d) => delete (d.spec as { selector?: unknown }).selector)))
    expect(invalid('Deployment', 'apps', 'web', errs).message).toBe(
      'Deployment.apps "web" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`]',
    )
  })

  it('rejects an empty selector', () => {
    expect(texts(web((d) => (d.spec.selector = {})))).toEqual([
      'spec.selector: Invalid value: {}: empty selector is invalid for deployment',
    ])
  })

  it('rejects template labels the selector does not match', () => {
    expect(texts(web((d) => (d.spec.template.metadata = { labels: { app: 'api' } })))).toEqual([
      'spec.template.metadata.labels: Invalid value: {"app":"api"}: `selector` does not match template `labels`',
    ])
  })

  it('reports an unparseable selector as an invalid label selector and skips the template', () => {
    const sel = { matchExpressions: [{ key: 'app', operator: 'In' as const }] }
    expect(texts(web((d) => (d.spec.selector = sel)))).toEqual([
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      'spec.selector: Invalid value: {"matchExpressions":[{"key":"app","operator":"In"}]}: invalid label selector',
    ])
  })

  it.each([
    ['replicas', (d: Deployment) => (d.spec.replicas = -1), 'spec.replicas'],
    ['minReadySeconds', (d: Deployment) => (d.spec.minReadySeconds = -1), 'spec.minReadySeconds'],
    [
      'revisionHistoryLimit',
      (d: Deployment) => (d.spec.revisionHistoryLimit = -1),
      'spec.revisionHistoryLimit',
    ],
  ])('rejects a negative %s', (_f, edit, path) => {
    expect(texts(web(edit))).toEqual([`${path}: Invalid value: -1: must be greater than or equal to 0`])
  })

  it('wants progressDeadlineSeconds above minReadySeconds', () => {
    expect(texts(web((d) => (d.spec.progressDeadlineSeconds = 0)))).toEqual([
      'spec.progressDeadlineSeconds: Invalid value: 0: must be greater than minReadySeconds',
    ])
    expect(
      texts(
        web((d) => {
          d.spec.minReadySeconds = 30
          d.spec.progressDeadlineSeconds = 30
        }),
      ),
    ).toEqual(['spec.progressDeadlineSeconds: Invalid value: 30: must be greater than minReadySeconds'])
  })

  it('forbids rollingUpdate with Recreate and rejects unknown strategy types', () => {
    expect(
      texts(web((d) => (d.spec.strategy = { type: 'Recreate', rollingUpdate: { maxSurge: 1 } }))),
    ).toEqual([
      "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
    ])
    expect(texts(web((d) => (d.spec.strategy = { type: 'BlueGreen' as 'Recreate' })))).toEqual([
      'spec.strategy: Unsupported value: {"Type":"BlueGreen","RollingUpdate":null}: supported values: "Recreate", "RollingUpdate"',
    ])
  })

  it('checks maxSurge and maxUnavailable: percent syntax, not both 0, at most 100% unavailable', () => {
    const strategy = (maxSurge: number | string, maxUnavailable: number | string) => (d: Deployment) =>
      (d.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } })
    expect(texts(web(strategy(0, '0%')))).toEqual([
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0',
    ])
    expect(texts(web(strategy(1, '110%')))).toEqual([
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "110%": must not be greater than 100%',
    ])
    expect(texts(web(strategy('half', 1)))).toEqual([
      "spec.strategy.rollingUpdate.maxSurge: Invalid value: \"half\": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    ])
    expect(texts(web(strategy(-1, 1)))).toEqual([
      'spec.strategy.rollingUpdate.maxSurge: Invalid value: -1: must be greater than or equal to 0',
    ])
    expect(texts(web(strategy('200%', 0)))).toEqual([])
  })

  it('rejects a restartPolicy other than Always and activeDeadlineSeconds in the template', () => {
    expect(
      texts(
        web((d) => {
          d.spec.template.spec.restartPolicy = 'Never'
          d.spec.template.spec.activeDeadlineSeconds = 10
        }),
      ),
    ).toEqual([
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
      'spec.template.spec.activeDeadlineSeconds: Invalid value: 10: activeDeadlineSeconds in ReplicaSet is not Supported',
    ])
  })

  it('validates the pod template spec (a container needs a name)', () => {
    expect(texts(web((d) => (d.spec.template.spec.containers = [{ image: 'nginx' } as never])))).toEqual([
      'spec.template.spec.containers[0].name: Required value',
    ])
  })
})

describe('Deployment update validation', () => {
  it('allows replicas, template and strategy changes', () => {
    const next = web((d) => {
      d.spec.replicas = 5
      d.spec.template.spec.containers[0]!.image = 'nginx:1.26'
      d.spec.strategy = { type: 'Recreate' }
    })
    expect(updateTexts(web(), next)).toEqual([])
  })

  it('says the selector is immutable', () => {
    const next = web((d) => {
      d.spec.selector = { matchLabels: { app: 'web', tier: 'front' } }
      d.spec.template.metadata = { labels: { app: 'web', tier: 'front' } }
    })
    expect(updateTexts(web(), next)).toEqual([
      'spec.selector: Invalid value: {"matchLabels":{"app":"web","tier":"front"}}: field is immutable',
    ])
  })
})
