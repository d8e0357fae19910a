// ValidateServiceClusterIPsRelatedFields (pkg/apis/core/validation/validation.go) and the
// IP syntax it relies on (netutils.ParseIPSloppy: IPv4 octets may carry leading zeros).
import type { FieldError } from '../errors'
import type { Service } from '../../model'
import { duplicate, invalid, notSupported, required } from './field'

type ServiceSpec = Service['spec']
const ipFamilies = ['IPv4', 'IPv6']
const ipFamilyPolicies = ['PreferDualStack', 'RequireDualStack', 'SingleStack']
const invalidIPMessage = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'

export function isIPv4(s: string): boolean {
  const parts = s.split('.')
  return parts.length === 4 && parts.every((p) => /^[0-9]{1,10}$/.test(p) && Number(p) <= 255)
}

export function isIPv6(s: string): boolean {
  if (!s.includes(':')) return false
  const halves = s.split('::')
  if (halves.length > 2) return false
  let groups = 0
  for (const [h, half] of halves.entries()) {
    if (half === '') continue
    const parts = half.split(':')
    for (const [i, p] of parts.entries()) {
      const last = h === halves.length - 1 && i === parts.length - 1
      if (last && p.includes('.')) {
        if (!isIPv4(p)) return false
        groups += 2
      } else if (/^[0-9a-fA-F]{1,4}$/.test(p)) groups++
      else return false
    }
  }
  return halves.length === 2 ? groups < 8 : groups === 8
}

const isIP = (s: string): boolean => isIPv4(s) || isIPv6(s)

export function clusterIPsRelatedErrors(spec: ServiceSpec): FieldError[] {
  if (spec.type === 'ExternalName') return []
  const errs: FieldError[] = []
  const ips = spec.clusterIPs ?? []
  const families = spec.ipFamilies ?? []
  if (spec.clusterIP) {
    if (ips.length === 0) errs.push(required('spec.clusterIPs'))
    else if (ips[0] !== spec.clusterIP)
      errs.push(invalid('spec.clusterIPs', ips, 'first value must match `clusterIP`'))
  } else if (ips.length) {
    errs.push(invalid('spec.clusterIPs', ips, 'must be empty when `clusterIP` is not specified'))
  }
  const seen = new Set<string>()
  families.forEach((f, i) => {
    if (!ipFamilies.includes(f)) errs.push(notSupported(`spec.ipFamilies[${i}]`, f, ipFamilies))
    if (seen.has(f)) errs.push(duplicate(`spec.ipFamilies[${i}]`, f))
    seen.add(f)
  })
  if (spec.ipFamilyPolicy !== undefined && !ipFamilyPolicies.includes(spec.ipFamilyPolicy)) {
    errs.push(notSupported('spec.ipFamilyPolicy', spec.ipFamilyPolicy, ipFamilyPolicies))
  }
  let hasInvalidIPs = false
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) {
        hasInvalidIPs = true
        errs.push(invalid('spec.clusterIPs', ips, "'None' must be the first and only value"))
      }
      return
    }
    if (!isIP(ip)) {
      hasInvalidIPs = true
      errs.push(invalid(`spec.clusterIPs[${i}]`, ip, invalidIPMessage))
    }
  })
  if (ips.length > 2) errs.push(invalid('spec.clusterIPs', ips, 'may only hold up to 2 values'))
  if (hasInvalidIPs) return errs
  if (ips.length > 1 && !(ips.length === 2 && isIPv6(ips[0] as string) !== isIPv6(ips[1] as string))) {
    errs.push(invalid('spec.clusterIPs', ips, 'may specify no more than one IP for each IP family'))
  }
  const headless = ips.length === 1 && ips[0] === 'None'
  if (!headless) {
    ips.forEach((ip, i) => {
      const family = families[i]
      if (family === 'IPv4' && isIPv6(ip)) {
        errs.push(
          invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``),
        )
      }
      if (family === 'IPv6' && !isIPv6(ip)) {
        errs.push(
          invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``),
        )
      }
    })
  }
  return errs
}
