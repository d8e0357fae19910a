// describe.go describePod: identity, node, status (or `Terminating (lasts …)`), IPs, controller,
// containers, conditions, volumes, QoS, node selectors, tolerations and events.
import type { Event, Pod } from '../../../sim/model'
import { translateTimestampSince } from '../humanDuration'
import { describeContainers, describeVolumes } from './containers'
import { describeEvents, eventsFor } from './events'
import {
  LEVEL_0,
  LEVEL_1,
  formatRFC1123Z,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTolerationsMultiline,
  tabbedString,
} from './writer'

type PodX = Pod & {
  spec: Pod['spec'] & { priorityClassName?: string; readinessGates?: { conditionType: string }[] }
  status: Pod['status'] & {
    nominatedNodeName?: string
    initContainerStatuses?: Pod['status']['containerStatuses']
  }
}

export function describePod(pod: PodX, events: readonly Event[], nowMs: number): string {
  const status = pod.status ?? ({} as PodX['status'])
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pod.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${pod.metadata.namespace ?? ''}\n`)
    if (pod.spec.priority !== undefined && pod.spec.priority !== null)
      w.write(LEVEL_0, `Priority:\t${pod.spec.priority}\n`)
    if (pod.spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${pod.spec.priorityClassName}\n`)
    if (pod.spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${pod.spec.serviceAccountName}\n`)
    w.write(
      LEVEL_0,
      pod.spec.nodeName ? `Node:\t${pod.spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n',
    )
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${formatRFC1123Z(status.startTime)}\n`)
    printLabelsMultiline(w, 'Labels', pod.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', pod.metadata.annotations)
    if (pod.metadata.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      // deletionTimestamp lies in the future during the grace period, hence kubectl's `<invalid>`.
      w.write(
        LEVEL_0,
        `Status:\tTerminating (lasts ${translateTimestampSince(pod.metadata.deletionTimestamp, nowMs)})\n`,
      )
      w.write(LEVEL_0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`)
    } else {
      w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`)
    }
    if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`)
    if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`)
    w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`)
    if (!status.podIPs || status.podIPs.length === 0) {
      w.write(LEVEL_0, 'IPs:\t<none>\n')
    } else {
      w.write(LEVEL_0, 'IPs:\n')
      for (const ip of status.podIPs) w.write(LEVEL_1, `IP:\t${ip.ip}\n`)
    }
    const controller = pod.metadata.ownerReferences?.find((r) => r.controller)
    if (controller) w.write(LEVEL_0, `Controlled By:\t${controller.kind}/${controller.name}\n`)
    if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`)
    if ((pod.spec.initContainers ?? []).length > 0)
      describeContainers(w, 'Init Containers', pod.spec.initContainers!, status.initContainerStatuses, '')
    describeContainers(w, 'Containers', pod.spec.containers, status.containerStatuses, '')
    if ((pod.spec.readinessGates ?? []).length > 0) {
      w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n')
      for (const g of pod.spec.readinessGates!) {
        w.write(
          LEVEL_1,
          `${g.conditionType} \t${status.conditions?.find((c) => c.type === g.conditionType)?.status ?? '<none>'} \n`,
        )
      }
    }
    if ((status.conditions ?? []).length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n')
      for (const c of status.conditions!) w.write(LEVEL_1, `${c.type} \t${c.status} \n`)
    }
    describeVolumes(w, pod.spec.volumes, '')
    w.write(LEVEL_0, `QoS Class:\t${status.qosClass || qosClass(pod)}\n`)
    printLabelsMultiline(w, 'Node-Selectors', pod.spec.nodeSelector)
    printTolerationsMultiline(w, 'Tolerations', pod.spec.tolerations)
    describeEvents(w, eventsFor(pod, events), nowMs)
  })
}

/** qos.ComputePodQOS, simplified to cpu/memory: no requests or limits → BestEffort. */
function qosClass(pod: Pod): string {
  const containers = [...(pod.spec.initContainers ?? []), ...pod.spec.containers]
  const has = containers.some((c) =>
    Object.keys({ ...c.resources?.requests, ...c.resources?.limits }).some(
      (r) => r === 'cpu' || r === 'memory',
    ),
  )
  if (!has) return 'BestEffort'
  const guaranteed = containers.every((c) =>
    ['cpu', 'memory'].every(
      (r) =>
        c.resources?.limits?.[r] !== undefined &&
        (c.resources?.requests?.[r] ?? c.resources.limits[r]) === c.resources.limits[r],
    ),
  )
  return guaranteed ? 'Guaranteed' : 'Burstable'
}
