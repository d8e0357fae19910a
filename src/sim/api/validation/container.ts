// Container validation: pkg/apis/core/validation/validation.go (validateContainers,
// validateInitContainers, validateContainerCommon, validateContainerPorts, ValidateVolumeMounts,
// ValidateContainerResourceRequirements, validateProbe) for the fields Ordinal models.
// Env names use the relaxed (printable ASCII) rule that is the default from v1.32.
import type { FieldError } from '../errors'
import type { Container, Probe } from '../../model'
import { compareQuantities, formatQuantity } from '../quantity'
import {
  duplicate,
  entries,
  forbidden,
  invalid,
  nonNegative,
  notFound,
  notSupported,
  quantityOf,
  required,
} from './field'
import { isDNS1123Label, isQualifiedName, isValidPortName, isValidPortNum } from './names'

const protocols = ['SCTP', 'TCP', 'UDP']
const pullPolicies = ['Always', 'IfNotPresent', 'Never']
const standardContainerResources = new Set(['cpu', 'memory', 'ephemeral-storage'])

/** ValidatePortNumOrName for IntOrString ports. */
export function validatePortNumOrName(port: number | string | undefined, path: string): FieldError[] {
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(path, port, m))
  const n = port ?? 0
  return isValidPortNum(n).map((m) => invalid(path, n, m))
}

function validatePorts(c: Container, path: string): FieldError[] {
  const errs: FieldError[] = []
  const names = new Set<string>()
  ;(c.ports ?? []).forEach((p, i) => {
    const at = `${path}[${i}]`
    if (p.name) {
      const msgs = isValidPortName(p.name)
      if (msgs.length) errs.push(...msgs.map((m) => invalid(`${at}.name`, p.name, m)))
      else if (names.has(p.name)) errs.push(duplicate(`${at}.name`, p.name))
      else names.add(p.name)
    }
    if (!p.containerPort) errs.push(required(`${at}.containerPort`))
    else
      errs.push(
        ...isValidPortNum(p.containerPort).map((m) => invalid(`${at}.containerPort`, p.containerPort, m)),
      )
    if (!p.protocol) errs.push(required(`${at}.protocol`))
    else if (!protocols.includes(p.protocol)) errs.push(notSupported(`${at}.protocol`, p.protocol, protocols))
  })
  return errs
}

function validateEnv(c: Container, path: string): FieldError[] {
  const errs: FieldError[] = []
  ;(c.env ?? []).forEach((e, i) => {
    const at = `${path}[${i}].name`
    if (!e.name) errs.push(required(at))
    else if (!/^[\x20-\x3c\x3e-\x7e]+$/.test(e.name)) {
      errs.push(
        invalid(
          at,
          e.name,
          "a valid environment variable name must consist only of printable ASCII characters other than '='",
        ),
      )
    }
  })
  return errs
}

function localDescendingPath(p: string, path: string): FieldError[] {
  const errs: FieldError[] = []
  if (p.startsWith('/')) errs.push(invalid(path, p, 'must be a relative path'))
  if (p.split('/').includes('..')) errs.push(invalid(path, p, "must not contain '..'"))
  return errs
}

function validateMounts(c: Container, volumes: ReadonlySet<string>, path: string): FieldError[] {
  const errs: FieldError[] = []
  const mountPoints = new Set<string>()
  ;(c.volumeMounts ?? []).forEach((m, i) => {
    const at = `${path}[${i}]`
    if (!m.name) errs.push(required(`${at}.name`))
    if (!volumes.has(m.name ?? '')) errs.push(notFound(`${at}.name`, m.name ?? ''))
    if (!m.mountPath) errs.push(required(`${at}.mountPath`))
    if (mountPoints.has(m.mountPath)) errs.push(invalid(`${at}.mountPath`, m.mountPath, 'must be unique'))
    mountPoints.add(m.mountPath)
    // Kubernetes reports subPath problems at the list's path, without the index.
    if (m.subPath) errs.push(...localDescendingPath(m.subPath, `${path}.subPath`))
  })
  return errs
}

function validateResourceName(name: string, path: string): FieldError[] {
  const errs = isQualifiedName(name).map((m) => invalid(path, name, m))
  if (!name.includes('/') && !standardContainerResources.has(name) && !name.startsWith('hugepages-')) {
    errs.push(invalid(path, name, 'must be a standard resource for containers'))
  }
  return errs
}

function validateResources(c: Container, path: string): FieldError[] {
  const errs: FieldError[] = []
  const limits = c.resources?.limits
  const check = (kind: 'limits' | 'requests', name: string, raw: unknown): void => {
    const at = `${path}.${kind}[${name}]`
    errs.push(...validateResourceName(name, at))
    const q = quantityOf(raw)
    if (q && compareQuantities(q, 0) < 0)
      errs.push(invalid(at, formatQuantity(q), 'must be greater than or equal to 0'))
    const limit = kind === 'requests' ? quantityOf(limits?.[name]) : undefined
    if (q && limit && compareQuantities(q, limit) > 0) {
      const detail = `must be less than or equal to ${name} limit of ${formatQuantity(limit)}`
      errs.push(invalid(`${path}.requests`, formatQuantity(q), detail))
    }
  }
  for (const [name, raw] of entries(limits)) check('limits', name, raw)
  for (const [name, raw] of entries(c.resources?.requests)) check('requests', name, raw)
  return errs
}

function validateProbe(probe: Probe | undefined, path: string, successMustBeOne: boolean): FieldError[] {
  if (!probe) return []
  const errs: FieldError[] = []
  let handlers = 0
  const handler = (name: string, present: unknown, check: () => FieldError[]): void => {
    if (!present) return
    if (handlers++ > 0) errs.push(forbidden(`${path}.${name}`, 'may not specify more than 1 handler type'))
    else errs.push(...check())
  }
  handler('exec', probe.exec, () => (probe.exec?.command?.length ? [] : [required(`${path}.exec.command`)]))
  handler('httpGet', probe.httpGet, () => {
    const h = probe.httpGet ?? { port: 0 }
    const out = h.path ? [] : [required(`${path}.httpGet.path`)]
    out.push(...validatePortNumOrName(h.port, `${path}.httpGet.port`))
    if (h.scheme !== 'HTTP' && h.scheme !== 'HTTPS')
      out.push(notSupported(`${path}.httpGet.scheme`, h.scheme ?? '', ['HTTP', 'HTTPS']))
    return out
  })
  handler('tcpSocket', probe.tcpSocket, () =>
    validatePortNumOrName(probe.tcpSocket?.port, `${path}.tcpSocket.port`),
  )
  if (handlers === 0) errs.push(required(path, 'must specify a handler type'))
  for (const f of [
    'initialDelaySeconds',
    'timeoutSeconds',
    'periodSeconds',
    'successThreshold',
    'failureThreshold',
  ] as const) {
    errs.push(...nonNegative(probe[f], `${path}.${f}`))
  }
  if (successMustBeOne && probe.successThreshold !== 1) {
    errs.push(invalid(`${path}.successThreshold`, probe.successThreshold ?? 0, 'must be 1'))
  }
  return errs
}

function validateContainerCommon(c: Container, volumes: ReadonlySet<string>, path: string): FieldError[] {
  const errs: FieldError[] = []
  if (!c.name) errs.push(required(`${path}.name`))
  else errs.push(...isDNS1123Label(c.name).map((m) => invalid(`${path}.name`, c.name, m)))
  if (!c.image) errs.push(required(`${path}.image`))
  const tmp = c.terminationMessagePolicy
  if (!tmp) errs.push(required(`${path}.terminationMessagePolicy`))
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') {
    errs.push(notSupported(`${path}.terminationMessagePolicy`, tmp, ['File', 'FallbackToLogsOnError']))
  }
  errs.push(...validatePorts(c, `${path}.ports`), ...validateEnv(c, `${path}.env`))
  errs.push(...validateMounts(c, volumes, `${path}.volumeMounts`))
  if (!c.imagePullPolicy) errs.push(required(`${path}.imagePullPolicy`))
  else if (!pullPolicies.includes(c.imagePullPolicy)) {
    errs.push(notSupported(`${path}.imagePullPolicy`, c.imagePullPolicy, pullPolicies))
  }
  errs.push(...validateResources(c, `${path}.resources`))
  return errs
}

/** validateContainers: at least one container, unique names, probes allowed. */
export function validateContainers(
  containers: Container[] | undefined,
  volumes: ReadonlySet<string>,
  path: string,
): FieldError[] {
  const list = containers ?? []
  if (list.length === 0) return [required(path)]
  const errs: FieldError[] = []
  const names = new Set<string>()
  list.forEach((c, i) => {
    const at = `${path}[${i}]`
    errs.push(...validateContainerCommon(c, volumes, at))
    if (names.has(c.name)) errs.push(duplicate(`${at}.name`, c.name))
    else names.add(c.name)
    errs.push(...validateProbe(c.livenessProbe, `${at}.livenessProbe`, true))
    errs.push(...validateProbe(c.readinessProbe, `${at}.readinessProbe`, false))
    errs.push(...validateProbe(c.startupProbe, `${at}.startupProbe`, true))
  })
  return errs
}

/** validateInitContainers: names unique across both lists; probes need restartPolicy Always (not modelled). */
export function validateInitContainers(
  init: Container[] | undefined,
  regular: Container[] | undefined,
  volumes: ReadonlySet<string>,
  path: string,
): FieldError[] {
  const errs: FieldError[] = []
  const names = new Set((regular ?? []).map((c) => c.name))
  ;(init ?? []).forEach((c, i) => {
    const at = `${path}[${i}]`
    errs.push(...validateContainerCommon(c, volumes, at))
    if (names.has(c.name)) errs.push(duplicate(`${at}.name`, c.name))
    else if (c.name) names.add(c.name)
    for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
      if (c[probe])
        errs.push(
          forbidden(`${at}.${probe}`, 'may not be set for init containers without restartPolicy=Always'),
        )
    }
  })
  return errs
}
