// describe.go describeService (endpoints from the Service's EndpointSlices via
// formatEndpointSlices), describeEndpoints and describeEndpointSliceV1.
import type { EndpointSlice, Endpoints, Event, KubeObject, Service } from '../../../sim/model'
import { serviceType } from '../columns/network'
import { formatLabelMap, joinHostPort } from '../columns/util'
import { describeEvents, eventsFor } from './events'
import {
  LEVEL_0,
  LEVEL_1,
  LEVEL_2,
  LEVEL_3,
  printAnnotationsMultiline,
  printLabelsMultiline,
  tabbedString,
} from './writer'

type ServiceX = Service & { spec: Service['spec'] & { externalIPs?: string[] } }

/** `related` are EndpointSlices; those labelled `kubernetes.io/service-name=<name>` are used. */
export function describeService(
  svc: ServiceX,
  events: readonly Event[],
  related: readonly KubeObject[],
  nowMs: number,
): string {
  const slices = related.filter(
    (o): o is EndpointSlice =>
      o.kind === 'EndpointSlice' &&
      o.metadata.namespace === svc.metadata.namespace &&
      o.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name,
  )
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${svc.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${svc.metadata.namespace ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', svc.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', svc.metadata.annotations)
    w.write(LEVEL_0, `Selector:\t${formatLabelMap(svc.spec.selector)}\n`)
    w.write(LEVEL_0, `Type:\t${serviceType(svc)}\n`)
    if (svc.spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${svc.spec.ipFamilyPolicy}\n`)
    w.write(
      LEVEL_0,
      `IP Families:\t${(svc.spec.ipFamilies ?? []).length > 0 ? svc.spec.ipFamilies!.join(',') : '<none>'}\n`,
    )
    w.write(LEVEL_0, `IP:\t${svc.spec.clusterIP ?? ''}\n`)
    w.write(
      LEVEL_0,
      `IPs:\t${(svc.spec.clusterIPs ?? []).length > 0 ? svc.spec.clusterIPs!.join(',') : '<none>'}\n`,
    )
    if ((svc.spec.externalIPs ?? []).length > 0)
      w.write(LEVEL_0, `External IPs:\t${svc.spec.externalIPs!.join(',')}\n`)
    if (svc.spec.externalName) w.write(LEVEL_0, `External Name:\t${svc.spec.externalName}\n`)
    for (const sp of svc.spec.ports ?? []) {
      const name = sp.name || '<unset>'
      const proto = sp.protocol ?? 'TCP'
      w.write(LEVEL_0, `Port:\t${name}\t${sp.port}/${proto}\n`)
      // targetPort defaults to the port.
      w.write(LEVEL_0, `TargetPort:\t${sp.targetPort ?? sp.port}/${proto}\n`)
      if (sp.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${sp.nodePort}/${proto}\n`)
      w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, sp.name ?? '')}\n`)
    }
    w.write(LEVEL_0, `Session Affinity:\t${svc.spec.sessionAffinity ?? 'None'}\n`)
    if (svc.spec.internalTrafficPolicy)
      w.write(LEVEL_0, `Internal Traffic Policy:\t${svc.spec.internalTrafficPolicy}\n`)
    describeEvents(w, eventsFor(svc, events), nowMs)
  })
}

/**
 * formatEndpointSlices for one service port: ready endpoints (a missing `ready` counts as ready)
 * as `ip:port`, three at most, then ` + N more...`. No slices at all is `<none>`; slices without
 * ready endpoints print nothing, as kubectl does.
 */
function formatEndpointSlices(slices: readonly EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>'
  const max = 3
  const list: string[] = []
  let more = false
  let count = 0
  // As in Go, `more` is decided before the readiness check: a fourth, unready endpoint still
  // turns on ` + N more...`.
  const visit = (ready: boolean, text: () => string) => {
    if (list.length === max) more = true
    if (!ready) return
    if (!more) list.push(text())
    count++
  }
  for (const s of slices) {
    if ((s.ports ?? []).length === 0) {
      for (const e of s.endpoints) visit(e.conditions?.ready !== false, () => e.addresses[0]!)
      continue
    }
    for (const p of s.ports ?? []) {
      if ((p.name ?? '') !== portName) continue
      for (const e of s.endpoints)
        visit(e.conditions?.ready !== false, () => joinHostPort(e.addresses[0]!, p.port ?? 0))
    }
  }
  const ret = list.join(',')
  return more ? `${ret} + ${count - max} more...` : ret
}

export function describeEndpoints(ep: Endpoints, events: readonly Event[], nowMs: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ep.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${ep.metadata.namespace ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', ep.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', ep.metadata.annotations)
    w.write(LEVEL_0, 'Subsets:\n')
    for (const ss of ep.subsets ?? []) {
      w.write(LEVEL_1, `Addresses:\t${(ss.addresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`)
      w.write(
        LEVEL_1,
        `NotReadyAddresses:\t${(ss.notReadyAddresses ?? []).map((a) => a.ip).join(',') || '<none>'}\n`,
      )
      if ((ss.ports ?? []).length > 0) {
        w.write(LEVEL_1, 'Ports:\n')
        w.write(LEVEL_2, 'Name\tPort\tProtocol\n')
        w.write(LEVEL_2, '----\t----\t--------\n')
        for (const p of ss.ports!)
          w.write(LEVEL_2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? 'TCP'}\n`)
      }
      w.write(LEVEL_0, '\n')
    }
    describeEvents(w, eventsFor(ep, events), nowMs)
  })
}

export function describeEndpointSlice(eps: EndpointSlice, events: readonly Event[], nowMs: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${eps.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${eps.metadata.namespace ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', eps.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', eps.metadata.annotations)
    w.write(LEVEL_0, `AddressType:\t${eps.addressType}\n`)
    if ((eps.ports ?? []).length === 0) {
      w.write(LEVEL_0, 'Ports: <unset>\n')
    } else {
      w.write(LEVEL_0, 'Ports:\n')
      w.write(LEVEL_1, 'Name\tPort\tProtocol\n')
      w.write(LEVEL_1, '----\t----\t--------\n')
      for (const p of eps.ports!)
        w.write(LEVEL_1, `${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol ?? 'TCP'}\n`)
    }
    if (eps.endpoints.length === 0) {
      w.write(LEVEL_0, 'Endpoints: <none>\n')
    } else {
      w.write(LEVEL_0, 'Endpoints:\n')
      for (const e of eps.endpoints) {
        w.write(LEVEL_1, `- Addresses:\t${e.addresses.join(', ') || '<none>'}\n`)
        w.write(LEVEL_2, 'Conditions:\n')
        w.write(
          LEVEL_3,
          `Ready:\t${e.conditions?.ready === undefined ? '<unset>' : String(e.conditions.ready)}\n`,
        )
        w.write(LEVEL_2, `Hostname:\t${e.hostname ?? '<unset>'}\n`)
        if (e.targetRef) w.write(LEVEL_2, `TargetRef:\t${e.targetRef.kind ?? ''}/${e.targetRef.name ?? ''}\n`)
        w.write(LEVEL_2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`)
        w.write(LEVEL_2, `Zone:\t${e.zone ?? '<unset>'}\n`)
      }
    }
    describeEvents(w, eventsFor(eps, events), nowMs)
  })
}
