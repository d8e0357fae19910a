// Pod and PodSpec validation: pkg/apis/core/validation/validation.go (ValidatePodSpec,
// ValidateVolumes, ValidateTolerations, validatePodMetadataAndSpec)
// for the fields Ordinal models. Pod updates are checked for metadata and spec validity only;
// the pod-spec immutability rule (`pod updates may not change fields other than …`) is not modelled.
import type { FieldError } from '../errors'
import type { Pod, PodSpec, Toleration, Volume } from '../../model'
import { validateContainers, validateInitContainers } from './container'
import { duplicate, forbidden, invalid, notSupported, required } from './field'
import {
  inclusiveRangeError,
  isDNS1123Label,
  isQualifiedName,
  isValidLabelValue,
  nameIsDNSSubdomain,
} from './names'
import { validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './objectMeta'
import { validateHostPath } from './persistentVolume'

const restartPolicies = ['Always', 'OnFailure', 'Never']
const dnsPolicies = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']
const taintEffects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute']
const maxInt32 = 2147483647

function validateVolumeSource(v: Volume, path: string): FieldError[] {
  const errs: FieldError[] = []
  let sources = 0
  const add = (name: string, check: () => FieldError[]): void => {
    if (sources++ > 0) errs.push(forbidden(`${path}.${name}`, 'may not specify more than 1 volume type'))
    else errs.push(...check())
  }
  if (v.emptyDir) add('emptyDir', () => [])
  if (v.hostPath) add('hostPath', () => validateHostPath(v.hostPath ?? {}, `${path}.hostPath`))
  if (v.persistentVolumeClaim) {
    add('persistentVolumeClaim', () =>
      v.persistentVolumeClaim?.claimName ? [] : [required(`${path}.persistentVolumeClaim.claimName`)],
    )
  }
  if (v.configMap) add('configMap', () => (v.configMap?.name ? [] : [required(`${path}.configMap.name`)]))
  if (sources === 0) errs.push(required(path, 'must specify a volume type'))
  return errs
}

/** ValidateVolumes: returns the names a volumeMount may refer to (only volumes without errors). */
export function validateVolumes(
  volumes: Volume[] | undefined,
  path: string,
): { names: Set<string>; errs: FieldError[] } {
  const names = new Set<string>()
  const errs: FieldError[] = []
  ;(volumes ?? []).forEach((v, i) => {
    const at = `${path}[${i}]`
    const el = validateVolumeSource(v, at)
    if (!v.name) el.push(required(`${at}.name`))
    else el.push(...isDNS1123Label(v.name).map((m) => invalid(`${at}.name`, v.name, m)))
    if (names.has(v.name)) el.push(duplicate(`${at}.name`, v.name))
    if (el.length === 0) names.add(v.name)
    else errs.push(...el)
  })
  return { names, errs }
}

function validateTolerations(tolerations: Toleration[], path: string): FieldError[] {
  const errs: FieldError[] = []
  tolerations.forEach((t, i) => {
    const at = `${path}[${i}]`
    if (t.key) errs.push(...isQualifiedName(t.key).map((m) => invalid(`${at}.key`, t.key, m)))
    if (!t.key && t.operator !== 'Exists') {
      errs.push(
        invalid(
          `${at}.operator`,
          t.operator ?? '',
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      )
    }
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
      errs.push(
        invalid(`${at}.effect`, t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"),
      )
    }
    if (!t.operator || t.operator === 'Equal') {
      const msgs = isValidLabelValue(t.value ?? '')
      if (msgs.length) errs.push(invalid(`${at}.operator`, t.value ?? '', msgs.join(';')))
    } else if (t.operator === 'Exists') {
      if (t.value)
        errs.push(invalid(`${at}.operator`, t.value, "value must be empty when `operator` is 'Exists'"))
    } else {
      errs.push(notSupported(`${at}.operator`, t.operator, ['Equal', 'Exists']))
    }
    if (t.effect && !taintEffects.includes(t.effect))
      errs.push(notSupported(`${at}.effect`, t.effect, taintEffects))
  })
  return errs
}

const subdomain = (value: string | undefined, path: string): FieldError[] =>
  value ? nameIsDNSSubdomain(value, false).map((m) => invalid(path, value, m)) : []
const label = (value: string | undefined, path: string): FieldError[] =>
  value ? isDNS1123Label(value).map((m) => invalid(path, value, m)) : []

/** ValidatePodSpec. `extraVolumes` lets a StatefulSet add its claim templates first. */
export function validatePodSpec(
  spec: PodSpec | undefined,
  path: string,
  extraVolumes: Volume[] = [],
): FieldError[] {
  const s: Partial<PodSpec> = spec ?? {}
  const errs: FieldError[] = []
  if (s.terminationGracePeriodSeconds === undefined)
    errs.push(required(`${path}.terminationGracePeriodSeconds`))
  const extraNames = new Set(extraVolumes.map((v) => v.name))
  const allVolumes = [...extraVolumes, ...(s.volumes ?? []).filter((v) => !extraNames.has(v.name))]
  const vols = validateVolumes(allVolumes, `${path}.volumes`)
  errs.push(...vols.errs)
  errs.push(...validateContainers(s.containers, vols.names, `${path}.containers`))
  errs.push(...validateInitContainers(s.initContainers, s.containers, vols.names, `${path}.initContainers`))
  if (!s.restartPolicy) errs.push(required(`${path}.restartPolicy`))
  else if (!restartPolicies.includes(s.restartPolicy))
    errs.push(notSupported(`${path}.restartPolicy`, s.restartPolicy, restartPolicies))
  if (!s.dnsPolicy) errs.push(required(`${path}.dnsPolicy`))
  else if (!dnsPolicies.includes(s.dnsPolicy))
    errs.push(notSupported(`${path}.dnsPolicy`, s.dnsPolicy, dnsPolicies))
  errs.push(...validateLabels(s.nodeSelector, `${path}.nodeSelector`))
  if (s.dnsPolicy === 'None')
    errs.push(required(`${path}.dnsConfig`, 'must provide `dnsConfig` when `dnsPolicy` is None'))
  errs.push(...subdomain(s.serviceAccountName, `${path}.serviceAccountName`))
  errs.push(...subdomain(s.nodeName, `${path}.nodeName`))
  const deadline = s.activeDeadlineSeconds
  if (deadline !== undefined && (deadline < 1 || deadline > maxInt32)) {
    errs.push(invalid(`${path}.activeDeadlineSeconds`, deadline, inclusiveRangeError(1, maxInt32)))
  }
  errs.push(...label(s.hostname, `${path}.hostname`), ...label(s.subdomain, `${path}.subdomain`))
  if (s.tolerations?.length) errs.push(...validateTolerations(s.tolerations, `${path}.tolerations`))
  if (s.preemptionPolicy !== undefined) {
    if (!s.preemptionPolicy) errs.push(required(`${path}.preemptionPolicy`))
    else if (!['PreemptLowerPriority', 'Never'].includes(s.preemptionPolicy)) {
      errs.push(
        notSupported(`${path}.preemptionPolicy`, s.preemptionPolicy, ['PreemptLowerPriority', 'Never']),
      )
    }
  }
  return errs
}

/** validatePodMetadataAndSpec plus the pod-only container checks. */
export function validatePod(pod: Pod): FieldError[] {
  const errs = [
    ...validateObjectMeta(pod.metadata, { nameFn: nameIsDNSSubdomain, namespaced: true }),
    ...validatePodSpec(pod.spec, 'spec'),
  ]
  for (const list of ['containers', 'initContainers'] as const) {
    ;(pod.spec?.[list] ?? []).forEach((c, i) => {
      if (c.image !== undefined && c.image !== c.image.trim()) {
        errs.push(
          invalid(`spec.${list}[${i}].image`, c.image, 'must not have leading or trailing whitespace'),
        )
      }
    })
  }
  return errs
}

export function validatePodUpdate(pod: Pod, old: Pod): FieldError[] {
  return [...validateObjectMetaUpdate(pod.metadata, old.metadata), ...validatePod(pod)]
}
