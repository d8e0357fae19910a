import { describe, expect, it } from 'vitest'
import type { Namespace, ObjectMeta } from '../../model'
import { fieldErrorText } from '../errors'
import { applyDefaults } from '../defaults'
import { validateCreate, validateUpdate } from './index'
import {
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  nameIsDNSLabel,
} from './names'
import { validateAnnotations, validateLabels, validateObjectMeta } from './objectMeta'

const label =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
const subdomain =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
const dns1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"
const qualifiedName =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
const labelValue =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"

describe('name syntax messages (F115)', () => {
  it('gives the DNS-1123 label message with two spaces before or', () => {
    expect(isDNS1123Label('Web')).toEqual([label])
  })

  it('says a dotted but otherwise valid label must not contain dots', () => {
    expect(isDNS1123Label('web.v2')).toEqual(['must not contain dots'])
  })

  it('reports length as its own cause before the syntax cause', () => {
    expect(isDNS1123Label(`${'a'.repeat(63)}_`)).toEqual(['must be no more than 63 characters', label])
  })

  it('gives the subdomain message and its 253 limit', () => {
    expect(isDNS1123Subdomain('www_web')).toEqual([subdomain])
    expect(isDNS1123Subdomain(`${'a.'.repeat(127)}a`)).toEqual(['must be no more than 253 characters'])
  })

  it('gives the DNS-1035 message', () => {
    expect(isDNS1035Label('1nginx')).toEqual([dns1035])
  })

  it('checks qualified names part by part', () => {
    expect(isQualifiedName('app.kubernetes.io/name')).toEqual([])
    expect(isQualifiedName('-app')).toEqual([qualifiedName])
    expect(isQualifiedName('/app')).toEqual(['prefix part must be non-empty'])
    expect(isQualifiedName('Example.com/app')).toEqual([`prefix part ${subdomain}`])
    expect(isQualifiedName('a'.repeat(64))).toEqual(['name part must be no more than 63 characters'])
  })

  it('checks label values, allowing the empty string', () => {
    expect(isValidLabelValue('')).toEqual([])
    expect(isValidLabelValue('my value')).toEqual([labelValue])
  })

  it('lets a generateName end in a dash', () => {
    expect(nameIsDNSLabel('web-', true)).toEqual([])
    expect(nameIsDNSLabel('web-', false)).toEqual([label])
  })
})

describe('ObjectMeta validation', () => {
  const rules = { nameFn: nameIsDNSLabel, namespaced: true }

  it('requires a name or generateName (F117)', () => {
    expect(validateObjectMeta({}, rules).map(fieldErrorText)).toEqual([
      'metadata.name: Required value: name or generateName is required',
    ])
  })

  it('checks label keys and values at metadata.labels', () => {
    expect(validateLabels({ '-app': 'web' }, 'metadata.labels').map(fieldErrorText)).toEqual([
      `metadata.labels: Invalid value: "-app": ${qualifiedName}`,
    ])
    expect(validateLabels({ app: 'a b' }, 'metadata.labels').map(fieldErrorText)).toEqual([
      `metadata.labels: Invalid value: "a b": ${labelValue}`,
    ])
  })

  it('checks annotation keys case-insensitively', () => {
    expect(validateAnnotations({ 'Example.com/Note': 'x' }, 'metadata.annotations')).toEqual([])
    expect(validateAnnotations({ 'a b': 'x' }, 'metadata.annotations').map(fieldErrorText)).toEqual([
      `metadata.annotations: Invalid value: "a b": ${qualifiedName}`,
    ])
  })

  it('limits annotations to 256 KiB in total', () => {
    expect(
      validateAnnotations({ big: 'x'.repeat(262142) }, 'metadata.annotations').map(fieldErrorText),
    ).toEqual(['metadata.annotations: Too long: may not be more than 262144 bytes'])
  })

  it('checks the namespace name', () => {
    expect(validateObjectMeta({ name: 'web', namespace: 'Prod' }, rules).map(fieldErrorText)).toEqual([
      `metadata.namespace: Invalid value: "Prod": ${label}`,
    ])
  })
})

describe('Namespace validation', () => {
  const ns = (name: string) =>
    ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } as ObjectMeta }) as Namespace

  it('requires a DNS-1123 label name', () => {
    expect(validateCreate(applyDefaults(ns('team.a'))).map(fieldErrorText)).toEqual([
      'metadata.name: Invalid value: "team.a": must not contain dots',
    ])
  })

  it('accepts a plain name and keeps it on update', () => {
    expect(validateCreate(applyDefaults(ns('team-a')))).toEqual([])
    expect(validateUpdate(applyDefaults(ns('team-a')), applyDefaults(ns('team-a')))).toEqual([])
  })
})
