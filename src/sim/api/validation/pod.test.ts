import { describe, expect, it } from 'vitest'
import type { ObjectMeta, Pod } from '../../model'
import { applyDefaults } from '../defaults'
import { fieldErrorText, invalid } from '../errors'
import { validateCreate } from './index'

/** What `kubectl run -it --image busybox:1.28 dns-test -- sh` sends. */
function run(edit: (p: Pod) => void = () => {}): Pod {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'dns-test',
      namespace: 'default',
      labels: { run: 'dns-test' },
    } as unknown as ObjectMeta,
    spec: { containers: [{ name: 'dns-test', image: 'busybox:1.28', args: ['sh'] }], restartPolicy: 'Never' },
  } as Pod
  edit(pod)
  return pod
}

const texts = (p: Pod) => validateCreate(applyDefaults(p)).map(fieldErrorText)

describe('Pod create validation', () => {
  it('accepts a kubectl run pod', () => {
    expect(texts(run())).toEqual([])
  })

  it('requires containers', () => {
    expect(texts(run((p) => (p.spec.containers = [])))).toEqual(['spec.containers: Required value'])
  })

  it('requires a container image', () => {
    const errs = validateCreate(applyDefaults(run((p) => delete p.spec.containers[0]!.image)))
    expect(invalid('Pod', '', 'dns-test', errs).message).toBe(
      'Pod "dns-test" is invalid: spec.containers[0].image: Required value',
    )
  })

  it('requires a container name', () => {
    expect(texts(run((p) => (p.spec.containers[0]!.name = '')))).toEqual([
      'spec.containers[0].name: Required value',
    ])
  })

  it('rejects duplicate container names', () => {
    expect(texts(run((p) => p.spec.containers.push({ name: 'dns-test', image: 'nginx' })))).toEqual([
      'spec.containers[1].name: Duplicate value: "dns-test"',
    ])
  })

  it('lists the restart policies in Kubernetes order', () => {
    expect(texts(run((p) => (p.spec.restartPolicy = 'Sometimes' as 'Never')))).toEqual([
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ])
  })

  it('requires a container port number', () => {
    expect(texts(run((p) => (p.spec.containers[0]!.ports = [{ containerPort: 0 }])))).toEqual([
      'spec.containers[0].ports[0].containerPort: Required value',
    ])
  })

  it('rejects an out-of-range container port', () => {
    expect(texts(run((p) => (p.spec.containers[0]!.ports = [{ containerPort: 70000 }])))).toEqual([
      'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ])
  })

  it('rejects a bad port name', () => {
    expect(
      texts(run((p) => (p.spec.containers[0]!.ports = [{ containerPort: 80, name: 'http-web-server-1' }]))),
    ).toEqual([
      'spec.containers[0].ports[0].name: Invalid value: "http-web-server-1": must be no more than 15 characters',
    ])
  })

  it('rejects an image with surrounding whitespace', () => {
    expect(texts(run((p) => (p.spec.containers[0]!.image = 'busybox ')))).toEqual([
      'spec.containers[0].image: Invalid value: "busybox ": must not have leading or trailing whitespace',
    ])
  })

  it('rejects a mount of an undeclared volume', () => {
    expect(
      texts(run((p) => (p.spec.containers[0]!.volumeMounts = [{ name: 'www', mountPath: '/data' }]))),
    ).toEqual(['spec.containers[0].volumeMounts[0].name: Not found: "www"'])
  })

  it('rejects a request above its limit', () => {
    expect(
      texts(run((p) => (p.spec.containers[0]!.resources = { requests: { cpu: '2' }, limits: { cpu: '1' } }))),
    ).toEqual([
      'spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
    ])
  })

  it('checks a liveness probe succeeds once', () => {
    expect(
      texts(
        run((p) => (p.spec.containers[0]!.livenessProbe = { tcpSocket: { port: 80 }, successThreshold: 2 })),
      ),
    ).toEqual(['spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1'])
  })

  it('accepts a pod claiming a PVC', () => {
    expect(
      texts(
        run((p) => {
          p.spec.volumes = [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } }]
          p.spec.containers[0]!.volumeMounts = [{ name: 'www', mountPath: '/data' }]
        }),
      ),
    ).toEqual([])
  })
})
