import { describe, expect, it } from 'vitest'
import type { ObjectMeta, Service } from '../../model'
import { applyDefaults, prepareServiceForUpdate } from '../defaults'
import { fieldErrorText, invalid } from '../errors'
import { validateCreate, validateUpdate } from './index'

/** web.yaml's headless Service (F1), with `edit` applied to a fresh copy. */
function nginx(edit: (s: Service) => void = () => {}): Service {
  const svc = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'nginx', namespace: 'default', labels: { app: 'nginx' } } as unknown as ObjectMeta,
    spec: { ports: [{ port: 80, name: 'web' }], clusterIP: 'None', selector: { app: 'nginx' } },
  } as Service
  edit(svc)
  return svc
}

const texts = (svc: Service) => validateCreate(applyDefaults(svc)).map(fieldErrorText)

describe('Service create validation', () => {
  it('accepts the tutorial headless Service', () => {
    expect(texts(nginx())).toEqual([])
  })

  it('accepts a headless Service without ports or selector (F126)', () => {
    expect(texts(nginx((s) => (s.spec = { clusterIP: 'None' })))).toEqual([])
  })

  it('rejects a name that is not a DNS-1035 label (F116)', () => {
    const errs = validateCreate(applyDefaults(nginx((s) => (s.metadata.name = '1nginx'))))
    expect(invalid('Service', '', '1nginx', errs).message).toBe(
      "Service \"1nginx\" is invalid: metadata.name: Invalid value: \"1nginx\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    )
  })

  it('requires ports unless headless (F127)', () => {
    expect(texts(nginx((s) => (s.spec = { selector: { app: 'nginx' } })))).toEqual([
      'spec.ports: Required value',
    ])
  })

  it.each(['NodePort', 'LoadBalancer'] as const)('rejects None for %s services (F128)', (type) => {
    expect(texts(nginx((s) => (s.spec.type = type)))).toEqual([
      `spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for ${type} services`,
    ])
  })

  it('does not take lower-case none as the headless keyword (F129)', () => {
    expect(texts(nginx((s) => (s.spec.clusterIP = 'none')))).toEqual([
      'spec.clusterIPs[0]: Invalid value: "none": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    ])
  })

  it('requires a name on every port when there are several (F130)', () => {
    expect(texts(nginx((s) => (s.spec.ports = [{ port: 80, name: 'web' }, { port: 443 }])))).toEqual([
      'spec.ports[1].name: Required value',
    ])
  })

  it('rejects duplicate port names (F130)', () => {
    expect(
      texts(
        nginx(
          (s) =>
            (s.spec.ports = [
              { port: 80, name: 'web' },
              { port: 81, name: 'web' },
            ]),
        ),
      ),
    ).toEqual(['spec.ports[1].name: Duplicate value: "web"'])
  })

  it('rejects port 0 (F130)', () => {
    expect(texts(nginx((s) => (s.spec.ports = [{ port: 0, name: 'web', targetPort: 8080 }])))).toEqual([
      'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
    ])
  })

  it('rejects an unknown protocol (F130)', () => {
    expect(texts(nginx((s) => (s.spec.ports = [{ port: 80, protocol: 'HTTP' as 'TCP' }])))).toEqual([
      'spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ])
  })

  it('rejects a duplicate protocol and port pair, showing the internal struct (F130)', () => {
    expect(
      texts(
        nginx(
          (s) =>
            (s.spec.ports = [
              { port: 80, name: 'a' },
              { port: 80, name: 'b' },
            ]),
        ),
      ),
    ).toEqual([
      'spec.ports[1]: Duplicate value: {"Name":"","Protocol":"TCP","AppProtocol":null,"Port":80,"TargetPort":0,"NodePort":0}',
    ])
  })

  it('rejects an unknown type (F131)', () => {
    expect(texts(nginx((s) => (s.spec.type = 'Internal' as 'ClusterIP')))).toEqual([
      'spec.type: Unsupported value: "Internal": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ])
  })

  it('validates selector values as label values (F133)', () => {
    expect(texts(nginx((s) => (s.spec.selector = { app: '-nginx' })))).toEqual([
      "spec.selector: Invalid value: \"-nginx\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ])
  })

  it('rejects an invalid named targetPort', () => {
    expect(texts(nginx((s) => (s.spec.ports = [{ port: 80, targetPort: 'Web_Port' }])))).toEqual([
      'spec.ports[0].targetPort: Invalid value: "Web_Port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    ])
  })
})

describe('Service update validation', () => {
  const allocated = (edit: (s: Service) => void = () => {}) =>
    nginx((s) => {
      s.spec = { ...s.spec, clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'] }
      edit(s)
    })

  it('rejects turning a ClusterIP Service headless (F132)', () => {
    const old = applyDefaults(allocated())
    const next = prepareServiceForUpdate(old, applyDefaults(nginx()))
    const errs = validateUpdate(old, next)
    expect(invalid('Service', '', 'nginx', errs).message).toBe(
      'Service "nginx" is invalid: spec.clusterIPs[0]: Invalid value: ["None"]: may not change once set',
    )
  })

  it('rejects turning a headless Service into a ClusterIP one', () => {
    const old = applyDefaults(nginx())
    const next = applyDefaults(allocated())
    expect(validateUpdate(old, next).map(fieldErrorText)).toEqual([
      'spec.clusterIPs[0]: Invalid value: ["10.96.0.10"]: may not change once set',
    ])
  })

  it('keeps the allocated clusterIP when a replace omits it', () => {
    const old = applyDefaults(allocated())
    const next = prepareServiceForUpdate(
      old,
      applyDefaults(nginx((s) => (s.spec = { ports: [{ port: 8080 }], selector: { app: 'nginx' } }))),
    )
    expect(next.spec.clusterIPs).toEqual(['10.96.0.10'])
    expect(validateUpdate(old, next)).toEqual([])
  })
})
