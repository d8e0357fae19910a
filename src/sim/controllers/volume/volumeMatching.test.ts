import { describe, expect, it } from 'vitest'
import type { AccessMode, Node, PersistentVolume, PersistentVolumeClaim } from '../../model'
import {
  accessModesString,
  checkVolumeSatisfyClaim,
  claimClass,
  claimHasClass,
  findMatchingVolume,
  volumeClass,
  type MatchOptions,
} from './volumeMatching'

const RWO: AccessMode = 'ReadWriteOnce'
const ROX: AccessMode = 'ReadOnlyMany'
const RWX: AccessMode = 'ReadWriteMany'

interface PvOptions {
  modes?: AccessMode[]
  className?: string
  phase?: PersistentVolume['status']['phase']
  labels?: Record<string, string>
  claimRef?: PersistentVolume['spec']['claimRef']
  volumeMode?: 'Filesystem' | 'Block'
  deleting?: boolean
  nodeAffinity?: Record<string, unknown>
}

function pv(name: string, capacity: string, o: PvOptions = {}): PersistentVolume {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name,
      uid: `uid-${name}`,
      resourceVersion: '1',
      creationTimestamp: '2026-01-01T09:00:00Z',
      ...(o.labels ? { labels: o.labels } : {}),
      ...(o.deleting ? { deletionTimestamp: '2026-01-01T09:00:00Z' } : {}),
    },
    spec: {
      capacity: { storage: capacity },
      accessModes: o.modes ?? [RWO],
      ...(o.className !== undefined ? { storageClassName: o.className } : {}),
      ...(o.claimRef ? { claimRef: o.claimRef } : {}),
      ...(o.volumeMode ? { volumeMode: o.volumeMode } : {}),
      ...(o.nodeAffinity ? { nodeAffinity: o.nodeAffinity } : {}),
    },
    status: { phase: o.phase ?? 'Available' },
  }
}

interface ClaimOptions {
  modes?: AccessMode[]
  className?: string | null
  selector?: PersistentVolumeClaim['spec']['selector']
  uid?: string
  annotations?: Record<string, string>
  volumeMode?: 'Filesystem' | 'Block'
}

function claim(request: string, o: ClaimOptions = {}): PersistentVolumeClaim {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name: 'data',
      namespace: 'default',
      uid: o.uid ?? 'uid-claim',
      resourceVersion: '1',
      creationTimestamp: '2026-01-01T09:00:00Z',
      ...(o.annotations ? { annotations: o.annotations } : {}),
    },
    spec: {
      accessModes: o.modes ?? [RWO],
      resources: { requests: { storage: request } },
      ...(o.className !== undefined ? { storageClassName: o.className } : {}),
      ...(o.selector ? { selector: o.selector } : {}),
      ...(o.volumeMode ? { volumeMode: o.volumeMode } : {}),
    },
    status: { phase: 'Pending' },
  }
}

function node(name: string, labels: Record<string, string>): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: `uid-${name}`,
      resourceVersion: '1',
      creationTimestamp: '2026-01-01T09:00:00Z',
      labels,
    },
    spec: {},
    status: { conditions: [], addresses: [] },
  }
}

function match(
  c: PersistentVolumeClaim,
  volumes: PersistentVolume[],
  opts: MatchOptions = { delayBinding: false },
): string | undefined {
  return findMatchingVolume(c, volumes, opts)?.metadata.name
}

describe('access-mode grouping (F67)', () => {
  it('findMatchingVolume prefers the exact access-mode set even when a superset set holds a smaller PV', () => {
    const volumes = [pv('pv-a', '10Gi', { modes: [RWO] }), pv('pv-b', '5Gi', { modes: [RWO, ROX] })]
    expect(match(claim('1Gi'), volumes)).toBe('pv-a')
  })

  it('findMatchingVolume searches superset sets smallest first when no exact set matches', () => {
    const volumes = [pv('three', '2Gi', { modes: [RWO, ROX, RWX] }), pv('two', '5Gi', { modes: [ROX, RWO] })]
    expect(match(claim('1Gi'), volumes)).toBe('two')
  })

  it('findMatchingVolume moves to a larger set when the smaller one has nothing big enough', () => {
    const volumes = [pv('small', '500Mi', { modes: [RWO] }), pv('big', '5Gi', { modes: [RWO, ROX] })]
    expect(match(claim('1Gi'), volumes)).toBe('big')
  })

  it('findMatchingVolume never offers a volume lacking a requested mode', () => {
    expect(match(claim('1Gi', { modes: [RWX] }), [pv('rwo', '5Gi', { modes: [RWO, ROX] })])).toBeUndefined()
  })
})

describe('capacity (F72, F65)', () => {
  it.each([
    ['1Gi', ['1G'], undefined],
    ['1Gi', ['5Gi', '2Gi'], '2Gi'],
    ['1Gi', ['1024Mi'], '1024Mi'],
    ['500M', ['512Mi', '1G'], '512Mi'],
  ])('a %s request against %j picks %s', (request, sizes, expected) => {
    const volumes = sizes.map((s) => pv(s, s))
    expect(match(claim(request), volumes)).toBe(expected)
  })
})

describe('storage class (F69, F70)', () => {
  it('claimClass reads the beta annotation before spec.storageClassName', () => {
    const annotated = claim('1Gi', {
      className: 'fast',
      annotations: { 'volume.beta.kubernetes.io/storage-class': 'slow' },
    })
    expect(claimClass(annotated)).toBe('slow')
    expect(claimClass(claim('1Gi', { className: 'fast' }))).toBe('fast')
    expect(claimClass(claim('1Gi'))).toBe('')
  })

  it('claimHasClass tells an explicit empty class from an unset one', () => {
    expect(claimHasClass(claim('1Gi', { className: '' }))).toBe(true)
    expect(claimHasClass(claim('1Gi'))).toBe(false)
    expect(claimHasClass(claim('1Gi', { className: null }))).toBe(false)
  })

  it('volumeClass treats an absent class as the empty class', () => {
    expect(volumeClass(pv('a', '1Gi'))).toBe('')
    expect(volumeClass(pv('b', '1Gi', { className: 'fast' }))).toBe('fast')
  })

  it('a claim with an empty class binds only classless volumes', () => {
    const volumes = [pv('fast', '1Gi', { className: 'fast' }), pv('none', '5Gi')]
    expect(match(claim('1Gi', { className: '' }), volumes)).toBe('none')
  })

  it('a claim given the default class cannot take a classless static volume', () => {
    expect(match(claim('1Gi', { className: 'standard' }), [pv('none', '1Gi')])).toBeUndefined()
  })

  it('a claim with a class binds only volumes of exactly that class', () => {
    const volumes = [
      pv('none', '1Gi'),
      pv('slow', '1Gi', { className: 'slow' }),
      pv('fast', '2Gi', { className: 'fast' }),
    ]
    expect(match(claim('1Gi', { className: 'fast' }), volumes)).toBe('fast')
  })
})

describe('selector (F73)', () => {
  const volumes = [
    pv('ssd-east', '1Gi', { labels: { disk: 'ssd', zone: 'east' } }),
    pv('hdd-west', '1Gi', { labels: { disk: 'hdd', zone: 'west' } }),
  ]

  it('matchLabels filters volumes by label', () => {
    expect(match(claim('1Gi', { selector: { matchLabels: { disk: 'hdd' } } }), volumes)).toBe('hdd-west')
  })

  it('matchExpressions are ANDed with matchLabels', () => {
    const selector = {
      matchLabels: { disk: 'ssd' },
      matchExpressions: [{ key: 'zone', operator: 'NotIn' as const, values: ['east'] }],
    }
    expect(match(claim('1Gi', { selector }), volumes)).toBeUndefined()
  })
})

describe('skip rules (F68)', () => {
  it('volumes bound elsewhere, of another volumeMode, being deleted or not Available are skipped', () => {
    const other = { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'other', uid: 'uid-other' }
    const volumes = [
      pv('taken', '1Gi', { claimRef: other, phase: 'Bound' }),
      pv('block', '1Gi', { volumeMode: 'Block' }),
      pv('deleting', '1Gi', { deleting: true }),
      pv('pending', '1Gi', { phase: 'Pending' }),
      pv('free', '9Gi'),
    ]
    expect(match(claim('1Gi'), volumes)).toBe('free')
  })

  it('a Released volume keeps its old claim uid, so a new claim of the same name does not reuse it (F76)', () => {
    const old = { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data', uid: 'uid-old' }
    expect(
      match(claim('1Gi', { uid: 'uid-new' }), [pv('released', '1Gi', { claimRef: old, phase: 'Released' })]),
    ).toBeUndefined()
  })
})

describe('pre-binding', () => {
  const reservation = { namespace: 'default', name: 'data' }

  it('a volume reserved through claimRef is returned before class, selector and phase checks (F75)', () => {
    const reserved = pv('reserved', '5Gi', { claimRef: reservation, className: 'other', labels: {} })
    const c = claim('1Gi', { className: 'fast', selector: { matchLabels: { x: 'y' } } })
    expect(match(c, [pv('cheap', '1Gi', { className: 'fast', labels: { x: 'y' } }), reserved])).toBe(
      'reserved',
    )
  })

  it('a reserved volume still has to be big enough', () => {
    expect(match(claim('10Gi'), [pv('reserved', '5Gi', { claimRef: reservation })])).toBeUndefined()
  })

  it('a volume reserved for another claim is never offered to this one', () => {
    const elsewhere = { namespace: 'default', name: 'someone-else' }
    expect(match(claim('1Gi'), [pv('reserved', '5Gi', { claimRef: elsewhere })])).toBeUndefined()
  })

  it('with delay binding only pre-bound volumes are matched (F77)', () => {
    const volumes = [pv('free', '1Gi', { className: 'standard' })]
    const c = claim('1Gi', { className: 'standard' })
    expect(match(c, volumes, { delayBinding: true })).toBeUndefined()
    const reserved = pv('reserved', '1Gi', { className: 'standard', claimRef: reservation })
    expect(match(c, [...volumes, reserved], { delayBinding: true })).toBe('reserved')
  })

  it.each([
    ['requested PV is too small', pv('pv-x', '1Gi'), claim('2Gi', { className: '' })],
    [
      'storageClassName does not match',
      pv('pv-x', '5Gi', { className: 'fast' }),
      claim('1Gi', { className: '' }),
    ],
    ['incompatible volumeMode', pv('pv-x', '5Gi', { volumeMode: 'Block' }), claim('1Gi', { className: '' })],
    ['incompatible accessMode', pv('pv-x', '5Gi', { modes: [ROX] }), claim('1Gi', { className: '' })],
    [
      'the volume is marked for deletion "pv-x"',
      pv('pv-x', '5Gi', { deleting: true }),
      claim('1Gi', { className: '' }),
    ],
  ])('checkVolumeSatisfyClaim reports "%s" (F74)', (reason, volume, c) => {
    expect(checkVolumeSatisfyClaim(volume, c)).toBe(reason)
  })

  it('checkVolumeSatisfyClaim ignores the selector and accepts a fitting volume', () => {
    expect(
      checkVolumeSatisfyClaim(
        pv('pv-x', '1Gi'),
        claim('1Gi', { className: '', selector: { matchLabels: { a: 'b' } } }),
      ),
    ).toBeUndefined()
  })
})

describe("the scheduler's path (node given)", () => {
  const pinned = (host: string) => ({
    required: {
      nodeSelectorTerms: [
        { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [host] }] },
      ],
    },
  })
  const node1 = node('node-1', { 'kubernetes.io/hostname': 'node-1' })

  it('skips volumes whose node affinity excludes the node', () => {
    const volumes = [
      pv('on-2', '1Gi', { className: 'local', nodeAffinity: pinned('node-2') }),
      pv('on-1', '5Gi', { className: 'local', nodeAffinity: pinned('node-1') }),
    ]
    const c = claim('1Gi', { className: 'local' })
    expect(match(c, volumes, { delayBinding: true, node: node1 })).toBe('on-1')
  })

  it('checks access modes per volume instead of grouping, so the smallest fitting volume wins', () => {
    const volumes = [
      pv('exact', '10Gi', { className: 'local' }),
      pv('superset', '5Gi', { className: 'local', modes: [RWO, ROX] }),
    ]
    const c = claim('1Gi', { className: 'local' })
    expect(match(c, volumes, { delayBinding: true, node: node1 })).toBe('superset')
  })
})

describe('accessModesString (F101)', () => {
  it.each([
    [[RWX, RWO, RWO], 'RWO,RWX'],
    [['ReadWriteOncePod', ROX], 'ROX,RWOP'],
    [[], ''],
  ] as [AccessMode[], string][])('prints %j as %s', (modes, expected) => {
    expect(accessModesString(modes)).toBe(expected)
  })
})
