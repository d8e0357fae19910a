// Service validation: pkg/apis/core/validation/validation.go (ValidateService, validateServicePort,
// ValidateServiceClusterIPsRelatedFields, ValidateServiceUpdate with validateUpgradeDowngradeClusterIPs
// and validateUpgradeDowngradeIPFamilies) for the fields Ordinal models. Allocation of a real
// ClusterIP happens elsewhere, after validation, as in the REST layer.
import type { FieldError } from '../errors'
import type { Service, ServicePort } from '../../model'
import { validatePortNumOrName } from './container'
import { duplicate, forbidden, invalid, notSupported, required } from './field'
import { isDNS1123Label, isDNS1123Subdomain, isValidPortNum, nameIsDNS1035Label } from './names'
import { validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './objectMeta'
import { clusterIPsRelatedErrors } from './serviceIPs'

type ServiceSpec = Service['spec']
const protocols = ['SCTP', 'TCP', 'UDP']
const serviceTypes = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']

export const isHeadless = (spec: ServiceSpec | undefined): boolean =>
  spec?.clusterIPs?.length === 1 && spec.clusterIPs[0] === 'None'

function validatePort(p: ServicePort, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = []
  if (requireName && !p.name) errs.push(required(`${path}.name`))
  else if (p.name) {
    errs.push(...isDNS1123Label(p.name).map((m) => invalid(`${path}.name`, p.name, m)))
    if (names.has(p.name)) errs.push(duplicate(`${path}.name`, p.name))
    else names.add(p.name)
  }
  errs.push(...isValidPortNum(p.port ?? 0).map((m) => invalid(`${path}.port`, p.port ?? 0, m)))
  if (!p.protocol) errs.push(required(`${path}.protocol`))
  else if (!protocols.includes(p.protocol)) errs.push(notSupported(`${path}.protocol`, p.protocol, protocols))
  // Headless services tolerate any targetPort, but it must still be a valid number or name.
  errs.push(...validatePortNumOrName(p.targetPort, `${path}.targetPort`))
  return errs
}

function validateExternalName(spec: ServiceSpec): FieldError[] {
  const errs: FieldError[] = []
  if (spec.clusterIPs?.length)
    errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'))
  if (spec.ipFamilies?.length)
    errs.push(forbidden('spec.ipFamilies', 'may not be set for ExternalName services'))
  if (spec.ipFamilyPolicy !== undefined)
    errs.push(forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'))
  const cname = (spec.externalName ?? '').replace(/\.$/, '')
  if (cname) errs.push(...isDNS1123Subdomain(cname).map((m) => invalid('spec.externalName', cname, m)))
  else errs.push(required('spec.externalName'))
  return errs
}

/** The (protocol, port) key as Go prints an internal core.ServicePort, which has no JSON tags. */
const portKey = (protocol: string | undefined, port: number, nodePort = 0) => ({
  Name: '',
  Protocol: protocol ?? '',
  AppProtocol: null,
  Port: port,
  TargetPort: 0,
  NodePort: nodePort,
})

export function validateService(svc: Service): FieldError[] {
  const spec: ServiceSpec = svc.spec ?? {}
  const ports = spec.ports ?? []
  const errs = validateObjectMeta(svc.metadata, { nameFn: nameIsDNS1035Label, namespaced: true })
  if (ports.length === 0 && !isHeadless(spec) && spec.type !== 'ExternalName')
    errs.push(required('spec.ports'))
  if ((spec.type === 'LoadBalancer' || spec.type === 'NodePort') && isHeadless(spec)) {
    errs.push(invalid('spec.clusterIPs[0]', 'None', `may not be set to 'None' for ${spec.type} services`))
  }
  if (spec.type === 'ExternalName') errs.push(...validateExternalName(spec))
  const names = new Set<string>()
  ports.forEach((p, i) => errs.push(...validatePort(p, ports.length > 1, names, `spec.ports[${i}]`)))
  if (spec.selector) errs.push(...validateLabels(spec.selector, 'spec.selector'))
  const affinity = spec.sessionAffinity ?? ''
  if (!affinity) errs.push(required('spec.sessionAffinity'))
  else if (affinity !== 'ClientIP' && affinity !== 'None')
    errs.push(notSupported('spec.sessionAffinity', affinity, ['ClientIP', 'None']))
  errs.push(...clusterIPsRelatedErrors(spec))
  if (!spec.type) errs.push(required('spec.type'))
  else if (!serviceTypes.includes(spec.type)) errs.push(notSupported('spec.type', spec.type, serviceTypes))
  if (spec.type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (p.nodePort)
        errs.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"))
    })
  }
  const nodePorts = new Set<string>()
  const seen = new Set<string>()
  ports.forEach((p, i) => {
    if (!p.nodePort) return
    const key = `${p.protocol}/${p.nodePort}`
    if (nodePorts.has(key)) errs.push(duplicate(`spec.ports[${i}].nodePort`, p.nodePort))
    nodePorts.add(key)
  })
  ports.forEach((p, i) => {
    const key = `${p.protocol}/${p.port}`
    if (seen.has(key)) errs.push(duplicate(`spec.ports[${i}]`, portKey(p.protocol, p.port)))
    seen.add(key)
  })
  const itp = spec.internalTrafficPolicy
  if (
    itp === undefined &&
    spec.type !== undefined &&
    spec.type !== 'ExternalName' &&
    serviceTypes.includes(spec.type)
  ) {
    errs.push(required('spec.internalTrafficPolicy'))
  } else if (itp !== undefined && itp !== 'Cluster' && itp !== 'Local') {
    errs.push(notSupported('spec.internalTrafficPolicy', itp, ['Cluster', 'Local']))
  }
  return errs
}

function upgradeDowngradeClusterIPs(spec: ServiceSpec, old: ServiceSpec): FieldError[] {
  if (spec.type === 'ExternalName' || old.type === 'ExternalName') return []
  if (isHeadless(spec) && isHeadless(old)) return []
  const ips = spec.clusterIPs ?? []
  const oldIPs = old.clusterIPs ?? []
  const errs: FieldError[] = []
  // Go renders the new list, and an absent one as null.
  const changed = (detail: string) => errs.push(invalid('spec.clusterIPs[0]', spec.clusterIPs, detail))
  if (oldIPs.length === ips.length) {
    oldIPs.forEach((ip, i) => {
      if (ip !== ips[i])
        errs.push(invalid(`spec.clusterIPs[${i}]`, spec.clusterIPs, 'may not change once set'))
    })
  } else if (oldIPs.length > ips.length) {
    if (ips.length === 0) changed('primary clusterIP can not be unset')
    if (oldIPs.length > 0 && ips.length > 0 && ips[0] !== oldIPs[0]) changed('may not change once set')
    if (ips.length === 1 && spec.ipFamilyPolicy !== 'SingleStack') {
      errs.push(
        invalid(
          'spec.ipFamilyPolicy',
          spec.ipFamilyPolicy ?? null,
          "must be set to 'SingleStack' when releasing the secondary clusterIP",
        ),
      )
    }
  } else if (oldIPs.length > 0 && ips[0] !== oldIPs[0]) changed('may not change once set')
  return errs
}

function upgradeDowngradeIPFamilies(spec: ServiceSpec, old: ServiceSpec): FieldError[] {
  if (spec.type === 'ExternalName' || old.type === 'ExternalName') return []
  if (isHeadless(spec) || isHeadless(old)) return []
  const fams = spec.ipFamilies ?? []
  const oldFams = old.ipFamilies ?? []
  const errs: FieldError[] = []
  if (oldFams.length === fams.length) {
    oldFams.forEach((f, i) => {
      if (f !== fams[i]) errs.push(invalid('spec.ipFamilies[0]', spec.ipFamilies, 'may not change once set'))
    })
  } else if (oldFams.length > fams.length) {
    if ((spec.clusterIPs ?? []).length === 0)
      errs.push(invalid('spec.ipFamilies[0]', spec.ipFamilies, 'primary ipFamily can not be unset'))
    if (fams.length > 0 && fams[0] !== oldFams[0])
      errs.push(invalid('spec.ipFamilies[0]', spec.clusterIPs, 'may not change once set'))
    if (fams.length === 1 && spec.ipFamilyPolicy !== 'SingleStack') {
      errs.push(
        invalid(
          'spec.ipFamilyPolicy',
          spec.ipFamilyPolicy ?? null,
          "must be set to 'SingleStack' when releasing the secondary ipFamily",
        ),
      )
    }
  } else if (oldFams.length > 0 && fams.length > 0 && fams[0] !== oldFams[0]) {
    errs.push(invalid('spec.ipFamilies[0]', spec.clusterIPs, 'may not change once set'))
  }
  return errs
}

/** ValidateServiceUpdate: the update rules come before the full re-validation, as in Go. */
export function validateServiceUpdate(svc: Service, old: Service): FieldError[] {
  const spec = svc.spec ?? {}
  const oldSpec = old.spec ?? {}
  return [
    ...validateObjectMetaUpdate(svc.metadata, old.metadata),
    ...upgradeDowngradeClusterIPs(spec, oldSpec),
    ...upgradeDowngradeIPFamilies(spec, oldSpec),
    ...validateService(svc),
  ]
}
