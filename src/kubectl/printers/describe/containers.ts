// describe.go describeContainers (ports, command, state, resources, probes, env, mounts),
// describeVolumes and DescribePodTemplate, shared by the Pod and StatefulSet describers.
import type {
  Container,
  ContainerState,
  ContainerStatus,
  PodTemplateSpec,
  Probe,
  Volume,
} from '../../../sim/model'
import { quantityString } from '../columns/util'
import {
  LEVEL_0,
  LEVEL_1,
  LEVEL_2,
  LEVEL_3,
  type PrefixWriter,
  formatRFC1123Z,
  printLabelsMultiline,
  printAnnotationsMultiline,
  printTolerationsMultiline,
} from './writer'

/** describeContainers: `space` is "" for a pod, "  " inside a pod template. */
export function describeContainers(
  w: PrefixWriter,
  label: string,
  containers: readonly Container[],
  statuses: readonly ContainerStatus[] | undefined,
  space: string,
): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]))
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`)
  for (const c of containers) {
    const status = byName.get(c.name)
    w.write(LEVEL_1, `${space ? ' ' : ''}${c.name}:\n`)
    if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`)
    w.write(LEVEL_2, `Image:\t${c.image ?? ''}\n`)
    if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`)
    // Protocol is defaulted to TCP by the API server; hostPort to 0.
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ')
    const hostPorts = (c.ports ?? [])
      .map((p) => `${(p as { hostPort?: number }).hostPort ?? 0}/${p.protocol ?? 'TCP'}`)
      .join(', ')
    w.write(LEVEL_2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`)
    w.write(
      LEVEL_2,
      hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`,
    )
    describeCommand(w, c)
    if (status) {
      describeState(w, 'State', status.state)
      if (status.lastState?.terminated) describeState(w, 'Last State', status.lastState)
      w.write(LEVEL_2, `Ready:\t${status.ready ? 'True' : 'False'}\n`)
      w.write(LEVEL_2, `Restart Count:\t${status.restartCount}\n`)
    }
    describeResources(w, c.resources, LEVEL_2)
    if (c.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`)
    if (c.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`)
    if (c.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(c.startupProbe)}\n`)
    describeEnv(w, c)
    describeMounts(w, c)
  }
}

function describeCommand(w: PrefixWriter, c: Container): void {
  for (const [title, list] of [
    ['Command', c.command],
    ['Args', c.args],
  ] as const) {
    if (!list || list.length === 0) continue
    w.write(LEVEL_2, `${title}:\n`)
    for (const part of list) for (const line of part.split('\n')) w.write(LEVEL_3, `${line}\n`)
  }
}

/** describeStatus: Running/Waiting/Terminated with their details; no state at all reads Waiting. */
function describeState(w: PrefixWriter, title: string, state: ContainerState | undefined): void {
  if (state?.running) {
    w.write(LEVEL_2, `${title}:\tRunning\n`)
    w.write(LEVEL_3, `Started:\t${formatRFC1123Z(state.running.startedAt)}\n`)
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${title}:\tWaiting\n`)
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`)
  } else if (state?.terminated) {
    const t = state.terminated
    w.write(LEVEL_2, `${title}:\tTerminated\n`)
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`)
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`)
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`)
    if (t.signal && t.signal > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`)
    w.write(LEVEL_3, `Started:\t${formatRFC1123Z(t.startedAt)}\n`)
    w.write(LEVEL_3, `Finished:\t${formatRFC1123Z(t.finishedAt)}\n`)
  } else {
    w.write(LEVEL_2, `${title}:\tWaiting\n`)
  }
}

/** describeResources: Limits then Requests, resource names sorted. */
export function describeResources(w: PrefixWriter, resources: Container['resources'], level: number): void {
  for (const [title, list] of [
    ['Limits', resources?.limits],
    ['Requests', resources?.requests],
  ] as const) {
    const names = Object.keys(list ?? {}).sort()
    if (names.length > 0) w.write(level, `${title}:\n`)
    for (const name of names) w.write(level + 1, `${name}:\t${quantityString(list![name])}\n`)
  }
}

/** DescribeProbe, with the API server's defaults (timeout 1s, period 10s, success 1, failure 3). */
export function describeProbe(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`
  if (p.exec) return `exec [${p.exec.command.join(' ')}] ${attrs}`
  if (p.httpGet) {
    const g = p.httpGet
    const port = String(g.port)
    const hostPort = port
      ? g.host?.includes(':')
        ? `[${g.host}]:${port}`
        : `${g.host ?? ''}:${port}`
      : (g.host ?? '')
    // url.URL.String() inserts the slash between a host and a relative path.
    const path = g.path && !g.path.startsWith('/') && hostPort ? `/${g.path}` : (g.path ?? '')
    return `http-get ${(g.scheme ?? 'HTTP').toLowerCase()}://${hostPort}${path} ${attrs}`
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ''}:${p.tcpSocket.port} ${attrs}`
  return `unknown ${attrs}`
}

function describeEnv(w: PrefixWriter, c: Container): void {
  const env = c.env ?? []
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`)
  for (const e of env) {
    ;(e.value ?? '')
      .split('\n')
      .forEach((line, i) => w.write(LEVEL_3, i === 0 ? `${e.name}:\t${line}\n` : `\t${line}\n`))
  }
}

function describeMounts(w: PrefixWriter, c: Container): void {
  const mounts = [...(c.volumeMounts ?? [])].sort((a, b) =>
    a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0,
  )
  w.write(LEVEL_2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`)
  for (const m of mounts) {
    const flags = [m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path=${JSON.stringify(m.subPath)}`] : [])]
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`)
  }
}

type VolumeX = Volume & {
  emptyDir?: { medium?: string; sizeLimit?: string }
  hostPath?: { path: string; type?: string }
  configMap?: { name: string; optional?: boolean }
  projected?: {
    sources?: {
      serviceAccountToken?: { expirationSeconds?: number }
      configMap?: { name: string; optional?: boolean }
      downwardAPI?: unknown
      secret?: { name: string; optional?: boolean }
    }[]
  }
}

/** describeVolumes for the volume sources Ordinal's pods use. */
export function describeVolumes(
  w: PrefixWriter,
  volumes: readonly Volume[] | undefined,
  space: string,
): void {
  if (!volumes || volumes.length === 0) return w.write(LEVEL_0, `${space}Volumes:\t<none>\n`)
  w.write(LEVEL_0, `${space}Volumes:\n`)
  for (const v of volumes as VolumeX[]) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${v.name}:\n`)
    if (v.hostPath) {
      w.write(
        LEVEL_2,
        `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type ?? '<none>'}\n`,
      )
    } else if (v.emptyDir) {
      const limit =
        v.emptyDir.sizeLimit && quantityString(v.emptyDir.sizeLimit) !== '0'
          ? quantityString(v.emptyDir.sizeLimit)
          : '<unset>'
      w.write(
        LEVEL_2,
        `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${limit}\n`,
      )
    } else if (v.configMap) {
      w.write(
        LEVEL_2,
        `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name}\n    Optional:\t${!!v.configMap.optional}\n`,
      )
    } else if (v.persistentVolumeClaim) {
      w.write(
        LEVEL_2,
        `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${v.persistentVolumeClaim.claimName}\n    ReadOnly:\t${!!v.persistentVolumeClaim.readOnly}\n`,
      )
    } else if (v.projected) {
      w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n')
      for (const s of v.projected.sources ?? []) {
        if (s.secret)
          w.write(LEVEL_2, `SecretName:\t${s.secret.name}\n    Optional:\t${!!s.secret.optional}\n`)
        else if (s.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n')
        else if (s.configMap)
          w.write(LEVEL_2, `ConfigMapName:\t${s.configMap.name}\n    Optional:\t${!!s.configMap.optional}\n`)
        else if (s.serviceAccountToken)
          w.write(LEVEL_2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3600}\n`)
      }
    } else {
      w.write(LEVEL_1, '<unknown>\n')
    }
  }
}

/** DescribePodTemplate (`Pod Template:` in describe statefulset). */
export function describePodTemplate(w: PrefixWriter, template: PodTemplateSpec | undefined): void {
  w.write(LEVEL_0, 'Pod Template:\n')
  if (!template) return w.write(LEVEL_1, '<unset>')
  printLabelsMultiline(w, '  Labels', template.metadata?.labels)
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0)
    printAnnotationsMultiline(w, '  Annotations', template.metadata?.annotations)
  if (template.spec.serviceAccountName)
    w.write(LEVEL_1, `Service Account:\t${template.spec.serviceAccountName}\n`)
  if ((template.spec.initContainers ?? []).length > 0)
    describeContainers(w, 'Init Containers', template.spec.initContainers!, undefined, '  ')
  describeContainers(w, 'Containers', template.spec.containers, undefined, '  ')
  describeVolumes(w, template.spec.volumes, '  ')
  const priorityClassName = (template.spec as { priorityClassName?: string }).priorityClassName
  if (priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${priorityClassName}\n`)
  printLabelsMultiline(w, '  Node-Selectors', template.spec.nodeSelector)
  printTolerationsMultiline(w, '  Tolerations', template.spec.tolerations)
}
