import { describe, expect, it } from 'vitest'
import type { ObjectMeta, StatefulSet } from '../../model'
import { applyDefaults } from '../defaults'
import { fieldErrorText, invalid } from '../errors'
import { validateCreate, validateUpdate } from './index'

const dnsLabelMessage =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"

/** web.yaml's StatefulSet (F1), with `edit` applied to a fresh copy. */
function web(edit: (s: StatefulSet) => void = () => {}): StatefulSet {
  const sts = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default' } as ObjectMeta,
    spec: {
      serviceName: 'nginx',
      replicas: 2,
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: {
          containers: [
            {
              name: 'nginx',
              image: 'registry.k8s.io/nginx-slim:0.7',
              ports: [{ containerPort: 80, name: 'web' }],
              volumeMounts: [{ name: 'www', mountPath: '/usr/share/nginx/html' }],
            },
          ],
        },
      },
      volumeClaimTemplates: [
        {
          metadata: { name: 'www' },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
        },
      ],
    },
  } as StatefulSet
  edit(sts)
  return sts
}

const create = (sts: StatefulSet) => validateCreate(applyDefaults(sts))
const texts = (sts: StatefulSet) => create(sts).map(fieldErrorText)
const updateTexts = (old: StatefulSet, next: StatefulSet) =>
  validateUpdate(applyDefaults(old), applyDefaults(next)).map(fieldErrorText)

describe('StatefulSet create validation', () => {
  it('accepts the tutorial web StatefulSet', () => {
    expect(texts(web())).toEqual([])
  })

  it('rejects an upper-case name as a DNS-1123 label (F116)', () => {
    const errs = create(web((s) => (s.metadata.name = 'Web')))
    expect(errs.map(fieldErrorText)).toEqual([`metadata.name: Invalid value: "Web": ${dnsLabelMessage}`])
    expect(invalid('StatefulSet', 'apps', 'Web', errs).message).toBe(
      `StatefulSet.apps "Web" is invalid: metadata.name: Invalid value: "Web": ${dnsLabelMessage}`,
    )
  })

  it('rejects a dotted name with must not contain dots (v1.26+)', () => {
    expect(texts(web((s) => (s.metadata.name = 'web.v2')))).toEqual([
      'metadata.name: Invalid value: "web.v2": must not contain dots',
    ])
  })

  it('reports a name over 63 characters as a separate length cause', () => {
    const name = 'a'.repeat(64)
    expect(texts(web((s) => (s.metadata.name = name)))).toEqual([
      `metadata.name: Invalid value: "${name}": must be no more than 63 characters`,
    ])
  })

  it('requires a name', () => {
    expect(texts(web((s) => (s.metadata.name = '')))).toEqual([
      'metadata.name: Required value: name or generateName is required',
    ])
  })

  it('reports a missing selector together with the label mismatch it causes (F119)', () => {
    const errs = create(web((s) => delete (s.spec as { selector?: unknown }).selector))
    expect(invalid('StatefulSet', 'apps', 'web', errs).message).toBe(
      'StatefulSet.apps "web" is invalid: [spec.selector: Required value, spec.template.metadata.labels: Invalid value: {"app":"nginx"}: `selector` does not match template `labels`]',
    )
  })

  it('rejects an empty selector (F121)', () => {
    expect(texts(web((s) => (s.spec.selector = {})))).toEqual([
      'spec.selector: Invalid value: {}: empty selector is invalid for statefulset',
    ])
  })

  it('rejects template labels the selector does not match, showing the labels as sorted JSON (F120)', () => {
    const got = texts(web((s) => (s.spec.template.metadata = { labels: { tier: 'web', app: 'nginx2' } })))
    expect(got).toEqual([
      'spec.template.metadata.labels: Invalid value: {"app":"nginx2","tier":"web"}: `selector` does not match template `labels`',
    ])
  })

  it('matches matchExpressions against the template labels', () => {
    const sel = { matchExpressions: [{ key: 'app', operator: 'In' as const, values: ['nginx', 'web'] }] }
    expect(texts(web((s) => (s.spec.selector = sel)))).toEqual([])
  })

  it('reports an unparseable selector without a detail and skips the template check', () => {
    const sel = { matchExpressions: [{ key: 'app', operator: 'In' as const }] }
    expect(texts(web((s) => (s.spec.selector = sel)))).toEqual([
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      'spec.selector: Invalid value: {"matchExpressions":[{"key":"app","operator":"In"}]}',
    ])
  })

  it.each([
    [
      'replicas',
      (s: StatefulSet) => (s.spec.replicas = -1),
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    ],
    [
      'minReadySeconds',
      (s: StatefulSet) => (s.spec.minReadySeconds = -1),
      'spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0',
    ],
    [
      'ordinals.start',
      (s: StatefulSet) => (s.spec.ordinals = { start: -1 }),
      'spec.ordinals.start: Invalid value: -1: must be greater than or equal to 0',
    ],
    [
      'partition',
      (s: StatefulSet) =>
        (s.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { partition: -1 } }),
      'spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0',
    ],
  ])('rejects a negative %s (F122, F123)', (_field, edit, message) => {
    expect(texts(web(edit))).toEqual([message])
  })

  it('accepts zero replicas', () => {
    expect(texts(web((s) => (s.spec.replicas = 0)))).toEqual([])
  })

  it('rejects an unknown podManagementPolicy', () => {
    const got = texts(web((s) => ((s.spec as { podManagementPolicy: string }).podManagementPolicy = 'Foo')))
    expect(got).toEqual([
      "spec.podManagementPolicy: Invalid value: \"Foo\": must be 'OrderedReady' or 'Parallel'",
    ])
  })

  it('rejects an unknown updateStrategy type, showing the internal struct', () => {
    const got = texts(web((s) => (s.spec.updateStrategy = { type: 'Foo' as 'OnDelete' })))
    expect(got).toEqual([
      'spec.updateStrategy: Invalid value: {"Type":"Foo","RollingUpdate":null}: must be \'RollingUpdate\' or \'OnDelete\'',
    ])
  })

  it('rejects rollingUpdate with OnDelete', () => {
    const got = texts(
      web((s) => (s.spec.updateStrategy = { type: 'OnDelete', rollingUpdate: { partition: 1 } })),
    )
    expect(got).toEqual([
      'spec.updateStrategy.rollingUpdate: Invalid value: {"Partition":1,"MaxUnavailable":null}: only allowed for updateStrategy \'RollingUpdate\'',
    ])
  })

  it.each([
    [0, 'spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: 0: cannot be 0'],
    [
      '150%',
      'spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: "150%": must not be greater than 100%',
    ],
  ])('rejects maxUnavailable %j', (value, message) => {
    expect(
      texts(
        web(
          (s) =>
            (s.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: value } }),
        ),
      ),
    ).toEqual([message])
  })

  it('only allows restartPolicy Always', () => {
    const got = texts(web((s) => (s.spec.template.spec.restartPolicy = 'Never')))
    expect(got).toEqual([
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ])
  })

  it('forbids activeDeadlineSeconds', () => {
    const got = texts(web((s) => (s.spec.template.spec.activeDeadlineSeconds = 30)))
    expect(got).toEqual([
      'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in StatefulSet is not Supported',
    ])
  })

  it('rejects an unknown PVC retention policy', () => {
    const got = texts(
      web((s) => (s.spec.persistentVolumeClaimRetentionPolicy = { whenDeleted: 'Keep' as 'Retain' })),
    )
    expect(got).toEqual([
      'spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: "Keep": supported values: "Retain", "Delete"',
    ])
  })

  it('syntax-checks template labels at spec.template.labels', () => {
    const got = texts(web((s) => (s.spec.template.metadata = { labels: { app: 'nginx', tier: 'a b' } })))
    expect(got).toEqual([
      "spec.template.labels: Invalid value: \"a b\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ])
  })

  it('validates the pod template from v1.34: no containers (F124)', () => {
    expect(texts(web((s) => (s.spec.template.spec.containers = [])))).toEqual([
      'spec.template.spec.containers: Required value',
    ])
  })

  it('validates the pod template from v1.34: a container without an image', () => {
    const got = texts(web((s) => delete s.spec.template.spec.containers[0]?.image))
    expect(got).toEqual(['spec.template.spec.containers[0].image: Required value'])
  })

  it('lets containers mount claim templates but not unknown volumes', () => {
    const got = texts(web((s) => ((s.spec.volumeClaimTemplates ?? [])[0]!.metadata.name = 'data')))
    expect(got).toEqual(['spec.template.spec.containers[0].volumeMounts[0].name: Not found: "www"'])
  })

  it('validates claim templates from v1.34 (F124)', () => {
    const got = texts(web((s) => delete (s.spec.volumeClaimTemplates ?? [])[0]!.spec.accessModes))
    expect(got).toEqual([
      'spec.volumeClaimTemplates[0].spec.accessModes: Required value: at least 1 access mode is required',
    ])
  })
})

describe('StatefulSet update validation', () => {
  const forbidden =
    "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"

  it.each([
    ['replicas', (s: StatefulSet) => (s.spec.replicas = 5)],
    ['the template image', (s: StatefulSet) => (s.spec.template.spec.containers[0]!.image = 'nginx:1.27')],
    ['updateStrategy', (s: StatefulSet) => (s.spec.updateStrategy = { type: 'OnDelete' })],
    ['revisionHistoryLimit', (s: StatefulSet) => (s.spec.revisionHistoryLimit = 3)],
    ['minReadySeconds', (s: StatefulSet) => (s.spec.minReadySeconds = 10)],
    ['ordinals', (s: StatefulSet) => (s.spec.ordinals = { start: 3 })],
    [
      'the retention policy',
      (s: StatefulSet) => (s.spec.persistentVolumeClaimRetentionPolicy = { whenScaled: 'Delete' }),
    ],
    [
      'a claim size to an equal quantity',
      (s: StatefulSet) => (s.spec.volumeClaimTemplates![0]!.spec.resources!.requests!.storage = '1024Mi'),
    ],
  ])('allows changing %s', (_what, edit) => {
    expect(updateTexts(web(), web(edit))).toEqual([])
  })

  it.each([
    ['serviceName', (s: StatefulSet) => (s.spec.serviceName = 'other')],
    ['podManagementPolicy', (s: StatefulSet) => (s.spec.podManagementPolicy = 'Parallel')],
    ['selector', (s: StatefulSet) => (s.spec.selector = { matchLabels: { app: 'nginx', tier: 'x' } })],
    [
      'a claim size',
      (s: StatefulSet) => (s.spec.volumeClaimTemplates![0]!.spec.resources!.requests!.storage = '2Gi'),
    ],
  ])('forbids changing %s with the exact v1.36 message (F125)', (_what, edit) => {
    const next = web((s) => {
      edit(s)
      s.spec.template.metadata = { labels: { app: 'nginx', tier: 'x' } }
    })
    const errs = validateUpdate(applyDefaults(web()), applyDefaults(next))
    expect(errs.map(fieldErrorText)).toEqual([forbidden])
    expect(invalid('StatefulSet', 'apps', 'web', errs).message).toBe(
      `StatefulSet.apps "web" is invalid: ${forbidden}`,
    )
  })

  it('re-validates the whole spec on update', () => {
    expect(
      updateTexts(
        web(),
        web((s) => (s.spec.replicas = -1)),
      ),
    ).toEqual(['spec.replicas: Invalid value: -1: must be greater than or equal to 0'])
  })

  it('does not start rejecting a template that was already stored invalid', () => {
    const broken = (s: StatefulSet) => delete s.spec.template.spec.containers[0]?.image
    expect(
      updateTexts(
        web(broken),
        web((s) => {
          broken(s)
          s.spec.replicas = 3
        }),
      ),
    ).toEqual([])
  })

  it('keeps the name immutable', () => {
    expect(
      updateTexts(
        web(),
        web((s) => (s.metadata.name = 'web2')),
      ),
    ).toEqual(['metadata.name: Invalid value: "web2": field is immutable'])
  })
})
