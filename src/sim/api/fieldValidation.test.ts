import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../model'
import { StatusError } from './errors'
import { decodeFields, strictDecodingFailure } from './fieldValidation'

const service = (spec: Record<string, unknown>) =>
  ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx' }, spec }) as unknown as KubeObject

describe('strict decoding of a request body (create, update)', () => {
  it('is BadRequest from the decoder, naming every unknown field in the body’s order', () => {
    const failure = strictDecodingFailure(service({ zeta: 1, ports: [{ port: 80, nmae: 'web' }] }), {})
    expect(failure?.error.reason).toBe('BadRequest')
    expect(failure?.error.message).toBe(
      'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ports[0].nmae", unknown field "spec.zeta"',
    )
  })

  it('quotes a path with strconv.Quote', () => {
    expect(strictDecodingFailure(service({ 'a"\tb': 1 }), {})?.error.message).toContain(
      'unknown field "spec.a\\"\\tb"',
    )
  })

  it('names at most 100 fields, as sigs.k8s.io/json collects', () => {
    const spec = Object.fromEntries(
      Array.from({ length: 150 }, (_, i) => [`f${String(i).padStart(3, '0')}`, i]),
    )
    expect(strictDecodingFailure(service(spec), {})?.texts).toHaveLength(100)
  })
})

describe('strict decoding of a strategic merge patch (kubectl apply of an object that exists)', () => {
  const live = service({ ports: [{ port: 80, protocol: 'TCP' }], selector: { app: 'nginx' } })

  it('is Invalid, quoting the patch the API server has merged, with the fields sorted', () => {
    const patch = {
      spec: { zz: 1, ports: [{ port: 80, foo: 1 }], '$setElementOrder/ports': [{ port: 80 }] },
    }
    const merged = service({
      zz: 1,
      ports: [{ port: 80, protocol: 'TCP', foo: 1 }],
      selector: { app: 'nginx' },
    })
    const failure = strictDecodingFailure(merged, { patch: { body: patch, live } })!
    expect(failure.error.reason).toBe('Invalid')
    expect(failure.error.message).toBe(
      ' "" is invalid: patch: Invalid value: "map[spec:map[zz:1]]": strict decoding error: unknown field "spec.ports[0].foo", unknown field "spec.zz"',
    )
    expect(failure.error.details).toMatchObject({ kind: '', name: '', causes: [{ field: 'patch' }] })
  })
})

describe('decodeFields by fieldValidation', () => {
  const obj = () => service({ clusterIP: 'None', bogus: true })

  it('leaves the engine’s own writes alone', () => {
    const o = obj()
    expect(decodeFields(o, {})).toEqual({ object: o, warnings: [] })
  })

  it('throws for Strict', () => {
    expect(() => decodeFields(obj(), { fieldValidation: 'Strict' })).toThrow(StatusError)
  })

  it('drops the fields for Warn, with a warning each, and silently for Ignore', () => {
    const warned = decodeFields(obj(), { fieldValidation: 'Warn' })
    expect(warned.warnings).toEqual(['unknown field "spec.bogus"'])
    expect((warned.object as unknown as { spec: object }).spec).toEqual({ clusterIP: 'None' })
    const ignored = decodeFields(obj(), { fieldValidation: 'Ignore' })
    expect(ignored.warnings).toEqual([])
    expect((ignored.object as unknown as { spec: object }).spec).toEqual({ clusterIP: 'None' })
  })
})
