// PodSpec defaulting: pkg/apis/core/v1/defaults.go (SetDefaults_PodSpec, SetDefaults_Pod,
// SetDefaults_Container, SetDefaults_Probe, SetDefaults_HTTPGetAction, SetDefaults_Volume,
// SetDefaults_ConfigMapVolumeSource, SetDefaults_HostPathVolumeSource) and the declarative
// `+default="TCP"` on container ports. Functions return new objects; inputs are never mutated.
import type { Container, PodSpec, Probe, Volume } from '../model'

/** parsers.ParseImageName's tag: `latest` when neither a tag nor a digest is given. */
function imageTag(image: string | undefined): string {
  if (!image) return '' // an unparsable reference leaves the tag empty
  const [name = '', digest] = image.split('@', 2)
  const lastPart = name.slice(name.lastIndexOf('/') + 1)
  const colon = lastPart.lastIndexOf(':')
  if (colon !== -1) return lastPart.slice(colon + 1)
  return digest ? '' : 'latest'
}

function defaultProbe(p: Probe | undefined): Probe | undefined {
  if (!p) return p
  return {
    ...p,
    ...(p.httpGet
      ? { httpGet: { ...p.httpGet, path: p.httpGet.path || '/', scheme: p.httpGet.scheme || 'HTTP' } }
      : {}),
    timeoutSeconds: p.timeoutSeconds || 1,
    periodSeconds: p.periodSeconds || 10,
    successThreshold: p.successThreshold || 1,
    failureThreshold: p.failureThreshold || 3,
  }
}

function defaultContainer(c: Container, isPod: boolean): Container {
  const out: Container = {
    ...c,
    imagePullPolicy: c.imagePullPolicy || (imageTag(c.image) === 'latest' ? 'Always' : 'IfNotPresent'),
    terminationMessagePath: c.terminationMessagePath || '/dev/termination-log',
    terminationMessagePolicy: c.terminationMessagePolicy || 'File',
    // ResourceRequirements is a struct in v1, so it always reads back, as `resources: {}` when empty.
    resources: { ...c.resources },
  }
  if (c.ports) out.ports = c.ports.map((p) => ({ ...p, protocol: p.protocol || 'TCP' }))
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
    if (c[probe]) out[probe] = defaultProbe(c[probe])
  }
  // SetDefaults_Pod (pods only, not templates): a limit without a request requests the limit.
  const limits = c.resources?.limits
  if (isPod && limits) out.resources = { ...out.resources, requests: { ...limits, ...c.resources?.requests } }
  return out
}

function defaultVolume(v: Volume): Volume {
  const hasSource = v.emptyDir || v.hostPath || v.persistentVolumeClaim || v.configMap
  if (!hasSource) return { ...v, emptyDir: {} }
  const out: Volume = { ...v }
  // defaultMode (0644) and type ('' = unchecked) read back from the API but are not in the model's types.
  if (v.configMap) out.configMap = { defaultMode: 420, ...v.configMap } as Volume['configMap']
  if (v.hostPath) out.hostPath = { type: '', ...v.hostPath } as Volume['hostPath']
  return out
}

/** Defaults a pod's spec (`isPod`) or a pod template's spec, which skips the pod-only defaults. */
export function defaultPodSpec(spec: PodSpec | undefined, isPod: boolean): PodSpec {
  const s: PodSpec = { ...(spec ?? { containers: [] }) }
  s.dnsPolicy = s.dnsPolicy || 'ClusterFirst'
  s.restartPolicy = s.restartPolicy || 'Always'
  s.securityContext = s.securityContext ?? {}
  s.terminationGracePeriodSeconds = s.terminationGracePeriodSeconds ?? 30
  s.schedulerName = s.schedulerName || 'default-scheduler'
  if (s.volumes) s.volumes = s.volumes.map(defaultVolume)
  if (s.containers) s.containers = s.containers.map((c) => defaultContainer(c, isPod))
  if (s.initContainers) s.initContainers = s.initContainers.map((c) => defaultContainer(c, isPod))
  if (isPod) s.enableServiceLinks = s.enableServiceLinks ?? true
  return s
}
