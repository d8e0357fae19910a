import { describe, expect, test } from 'vitest'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { ClusterSession } from './clusterSession'
import { explainEvent, type EventLike } from './eventReasons'

const webYaml = fs.readFileSync(path.join(import.meta.dirname, '../examples/web.yaml'), 'utf8')

const setEvent = (reason: string, message: string, type = 'Normal'): EventLike => ({
  reason,
  message,
  type,
  involvedObject: { kind: 'StatefulSet', name: 'web' },
})

describe('explainEvent', () => {
  test('ReplicaSet pod events and Deployment scaling are told apart from StatefulSet ones', () => {
    const rsEvent = (reason: string, message: string): EventLike => ({
      reason,
      message,
      involvedObject: { kind: 'ReplicaSet', name: 'web-5d8f9c' },
    })
    expect(explainEvent(rsEvent('SuccessfulCreate', 'Created pod: web-5d8f9c-abcde'))).toMatch(
      /^The ReplicaSet controller created web-5d8f9c-abcde under a random name/,
    )
    expect(explainEvent(rsEvent('SuccessfulDelete', 'Deleted pod: web-5d8f9c-abcde'))).toMatch(
      /^The ReplicaSet controller deleted web-5d8f9c-abcde to match its replica count/,
    )
    expect(explainEvent(rsEvent('ScalingReplicaSet', 'Scaled up replica set web-5d8f9c to 3'))).toMatch(
      /^The Deployment controller resized/,
    )
  })

  test('SuccessfulCreate for a later ordinal names the predecessor OrderedReady waits for', () => {
    expect(explainEvent(setEvent('SuccessfulCreate', 'create Pod web-1 in StatefulSet web successful'))).toBe(
      'The StatefulSet controller created web-1: OrderedReady starts the next ordinal only after web-0 is Running and Ready.',
    )
  })

  test('SuccessfulCreate for ordinal 0 says the others wait for it', () => {
    expect(
      explainEvent(setEvent('SuccessfulCreate', 'create Pod web-0 in StatefulSet web successful')),
    ).toMatch(/created web-0, the first ordinal/)
  })

  test('SuccessfulCreate under Parallel says nothing waits', () => {
    const why = explainEvent(setEvent('SuccessfulCreate', 'create Pod db-12 in StatefulSet db successful'), {
      policyOf: (name) => (name === 'db' ? 'Parallel' : undefined),
    })
    expect(why).toMatch(/created db-12 without waiting/)
  })

  test('predecessors of multi-digit ordinals are named correctly', () => {
    expect(
      explainEvent(setEvent('SuccessfulCreate', 'create Pod web-10 in StatefulSet web successful')),
    ).toMatch(/after web-9 is Running/)
  })

  test('SuccessfulCreate for a claim names its template and says it outlives pods', () => {
    expect(
      explainEvent(
        setEvent('SuccessfulCreate', 'create Claim www-web-0 Pod web-0 in StatefulSet web success'),
      ),
    ).toBe(
      'The StatefulSet controller created claim www-web-0 from the volumeClaimTemplate www before web-0: the claim belongs to the slot and outlives every pod in it.',
    )
  })

  test('SuccessfulDelete explains scale-down order and kept claims', () => {
    expect(
      explainEvent(setEvent('SuccessfulDelete', 'delete Pod web-3 in StatefulSet web successful')),
    ).toMatch(/deleted web-3: a scale-down removes the highest ordinal first.*keeps its claims/)
  })

  test('FailedCreate on a claim being deleted says why the pod cannot start', () => {
    const e = setEvent(
      'FailedCreate',
      'create Pod web-0 in StatefulSet web failed error: pvc www-web-0 is being deleted',
      'Warning',
    )
    expect(explainEvent(e)).toMatch(/while its claim www-web-0 is being deleted/)
  })

  test('Scheduled names the pod and the node', () => {
    const e: EventLike = {
      reason: 'Scheduled',
      message: 'Successfully assigned default/web-0 to node-2',
      involvedObject: { kind: 'Pod', name: 'web-0' },
    }
    expect(explainEvent(e)).toMatch(/^The scheduler placed web-0 on node-2;/)
  })

  test('FailedScheduling for an unbound claim points at the missing storage', () => {
    const e: EventLike = {
      reason: 'FailedScheduling',
      type: 'Warning',
      message: '0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: …',
      involvedObject: { kind: 'Pod', name: 'web-0' },
    }
    expect(explainEvent(e)).toMatch(/claim is not bound/)
  })

  test('Pulled distinguishes a cached image from a download', () => {
    const pod = { kind: 'Pod', name: 'web-0' }
    expect(
      explainEvent({
        reason: 'Pulled',
        message: 'Container image "nginx" already present on machine',
        involvedObject: pod,
      }),
    ).toMatch(/already on this node/)
    expect(
      explainEvent({
        reason: 'Pulled',
        message: 'Successfully pulled image "nginx" in 2s',
        involvedObject: pod,
      }),
    ).toMatch(/finished downloading/)
  })

  test('Unhealthy explains the readiness probe and the DNS record', () => {
    const e: EventLike = {
      reason: 'Unhealthy',
      type: 'Warning',
      message: 'Readiness probe failed: HTTP probe failed with statuscode: 404',
      involvedObject: { kind: 'Pod', name: 'web-0' },
    }
    expect(explainEvent(e)).toMatch(/readiness probe failed.*no DNS record/)
  })

  test('ExternalProvisioning names the provisioner kubectl quotes', () => {
    const e: EventLike = {
      reason: 'ExternalProvisioning',
      message:
        "Waiting for a volume to be created either by the external provisioner 'rancher.io/local-path' or manually",
      involvedObject: { kind: 'PersistentVolumeClaim', name: 'www-web-0' },
    }
    expect(explainEvent(e)).toBe(
      'The claim waits for the provisioner rancher.io/local-path to make a volume for it.',
    )
  })

  test('an unknown reason still gets a sentence', () => {
    expect(explainEvent({ reason: 'Mystery', message: 'x', type: 'Warning', involvedObject: {} })).toMatch(
      /^Something went wrong \(Mystery\)/,
    )
  })

  test('every event the lesson example records has a specific explanation', () => {
    const s = new ClusterSession(1)
    s.apply(webYaml)
    s.advanceTo(40_000)
    s.command('kubectl delete pod web-0')
    s.command('kubectl scale sts web --replicas=3')
    s.advanceTo(80_000)
    s.command('kubectl scale sts web --replicas=1')
    s.advanceTo(140_000)
    const events = s.snapshot().events
    const reasons = new Set(events.map((e) => e.reason))
    for (const r of ['SuccessfulCreate', 'SuccessfulDelete', 'Scheduled', 'Pulled', 'Started', 'Killing'])
      expect(reasons).toContain(r)
    for (const e of events) {
      const why = explainEvent(e)
      expect(`${e.reason}: ${why}`).not.toMatch(/: (Something went wrong|Reported as)/)
      expect(why).toMatch(/\.$/)
    }
  })
})
