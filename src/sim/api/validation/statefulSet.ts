// StatefulSet validation: pkg/apis/apps/validation/validation.go (ValidateStatefulSetSpec,
// ValidateStatefulSetUpdate), v1.36 behaviour: the pod template (with one volume per claim
// template, #131790) and the claim templates' specs (#132212) are validated on create; on update
// the template is re-validated only if the stored one was valid (Kubernetes' ratcheting pattern).
// Struct values in messages render as Go's internal apps types do: without JSON tags.
import type { FieldError } from '../errors'
import type { StatefulSet, StatefulSetSpec, Volume } from '../../model'
import { semanticEqual } from './equality'
import {
  forbidden,
  invalid,
  isNegativeErrorMsg,
  nonNegative,
  notSupported,
  required,
  sortedMap,
} from './field'
import { nameIsDNSLabel, regexError } from './names'
import {
  validateAnnotations,
  validateLabels,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './objectMeta'
import { validatePersistentVolumeClaimSpec } from './persistentVolumeClaim'
import { validatePodSpec } from './pod'
import { isEmptySelector, selectorMatches, selectorValue, validateLabelSelector } from './selector'

type RollingUpdate = NonNullable<NonNullable<StatefulSetSpec['updateStrategy']>['rollingUpdate']>
const retentionPolicies = ['Retain', 'Delete']

const rollingUpdateValue = (ru: RollingUpdate) => ({
  Partition: ru.partition ?? 0,
  MaxUnavailable: ru.maxUnavailable ?? null,
})

function validateMaxUnavailable(value: number | string, path: string): FieldError[] {
  const errs: FieldError[] = []
  const percent = typeof value === 'string' ? /^([0-9]+)%$/.exec(value) : null
  if (typeof value === 'string' && !percent) {
    const msg = regexError(
      "a valid percent string must be a numeric string followed by an ending '%'",
      '[0-9]+%',
      '1%',
      '93%',
    )
    errs.push(invalid(path, value, msg))
  }
  if (typeof value === 'number' && value < 0) errs.push(invalid(path, value, isNegativeErrorMsg))
  const n = typeof value === 'number' ? value : Number(percent?.[1] ?? 0)
  if (n === 0) errs.push(invalid(path, value, 'cannot be 0'))
  if (percent && n > 100) errs.push(invalid(path, value, 'must not be greater than 100%'))
  return errs
}

function validateUpdateStrategy(spec: StatefulSetSpec): FieldError[] {
  const strategy = spec.updateStrategy ?? {}
  const ru = strategy.rollingUpdate ?? undefined
  switch (strategy.type ?? '') {
    case '':
      return [required('spec.updateStrategy')]
    case 'OnDelete':
      return ru
        ? [
            invalid(
              'spec.updateStrategy.rollingUpdate',
              rollingUpdateValue(ru),
              "only allowed for updateStrategy 'RollingUpdate'",
            ),
          ]
        : []
    case 'RollingUpdate': {
      if (!ru) return []
      const errs = nonNegative(ru.partition, 'spec.updateStrategy.rollingUpdate.partition')
      if (ru.maxUnavailable !== undefined)
        errs.push(
          ...validateMaxUnavailable(ru.maxUnavailable, 'spec.updateStrategy.rollingUpdate.maxUnavailable'),
        )
      return errs
    }
    default: {
      const value = { Type: strategy.type, RollingUpdate: ru ? rollingUpdateValue(ru) : null }
      return [invalid('spec.updateStrategy', value, "must be 'RollingUpdate' or 'OnDelete'")]
    }
  }
}

/** volumesToAddForTemplates: each claim template is a volume the template's mounts may name. */
function claimVolumes(spec: StatefulSetSpec): Volume[] {
  return (spec.volumeClaimTemplates ?? []).map((t) => {
    const name = t.metadata?.name ?? ''
    return { name, persistentVolumeClaim: { claimName: name } }
  })
}

/** The v1.34+ part of the check: the template's PodSpec, with the claim templates as volumes. */
function validateTemplateSpec(spec: StatefulSetSpec): FieldError[] {
  return validatePodSpec(spec.template?.spec, 'spec.template.spec', claimVolumes(spec))
}

function validateSpec(spec: StatefulSetSpec | undefined, checkTemplateSpec: boolean): FieldError[] {
  const s: Partial<StatefulSetSpec> = spec ?? {}
  const errs: FieldError[] = []
  const policy = s.podManagementPolicy ?? ''
  if (!policy) errs.push(required('spec.podManagementPolicy'))
  else if (policy !== 'OrderedReady' && policy !== 'Parallel') {
    errs.push(invalid('spec.podManagementPolicy', policy, "must be 'OrderedReady' or 'Parallel'"))
  }
  errs.push(...validateUpdateStrategy(s as StatefulSetSpec))
  const retention = s.persistentVolumeClaimRetentionPolicy
  if (retention) {
    for (const when of ['whenDeleted', 'whenScaled'] as const) {
      const v = retention[when] ?? ''
      if (!retentionPolicies.includes(v))
        errs.push(notSupported(`spec.persistentVolumeClaimRetentionPolicy.${when}`, v, retentionPolicies))
    }
  }
  errs.push(
    ...nonNegative(s.replicas, 'spec.replicas'),
    ...nonNegative(s.minReadySeconds, 'spec.minReadySeconds'),
  )
  if (s.ordinals) errs.push(...nonNegative(s.ordinals.start, 'spec.ordinals.start'))
  const selectorErrs = validateLabelSelector(s.selector, 'spec.selector')
  if (!s.selector) errs.push(required('spec.selector'))
  else {
    errs.push(...selectorErrs)
    if (isEmptySelector(s.selector))
      errs.push(
        invalid('spec.selector', selectorValue(s.selector), 'empty selector is invalid for statefulset'),
      )
  }
  if (selectorErrs.length) errs.push(invalid('spec.selector', selectorValue(s.selector)))
  else {
    // A nil selector selects nothing, so it also fails this check; an empty one skips it.
    const labels = s.template?.metadata?.labels
    if (!(s.selector && isEmptySelector(s.selector)) && !selectorMatches(s.selector, labels)) {
      errs.push(
        invalid(
          'spec.template.metadata.labels',
          sortedMap(labels),
          '`selector` does not match template `labels`',
        ),
      )
    }
    // ValidatePodTemplateSpec puts these at spec.template.labels, without `metadata`.
    errs.push(...validateLabels(s.template?.metadata?.labels, 'spec.template.labels'))
    errs.push(...validateAnnotations(s.template?.metadata?.annotations, 'spec.template.annotations'))
    if (checkTemplateSpec) errs.push(...validateTemplateSpec(s as StatefulSetSpec))
  }
  const restartPolicy = s.template?.spec?.restartPolicy ?? ''
  if (restartPolicy !== 'Always')
    errs.push(notSupported('spec.template.spec.restartPolicy', restartPolicy, ['Always']))
  if (s.template?.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(
      forbidden(
        'spec.template.spec.activeDeadlineSeconds',
        'activeDeadlineSeconds in StatefulSet is not Supported',
      ),
    )
  }
  if (checkTemplateSpec) {
    ;(s.volumeClaimTemplates ?? []).forEach((t, i) => {
      errs.push(...validatePersistentVolumeClaimSpec(t.spec, `spec.volumeClaimTemplates[${i}].spec`))
    })
  }
  return errs
}

export function validateStatefulSet(sts: StatefulSet): FieldError[] {
  return [
    ...validateObjectMeta(sts.metadata, { nameFn: nameIsDNSLabel, namespaced: true }),
    ...validateSpec(sts.spec, true),
  ]
}

export const statefulSetSpecForbiddenMessage =
  "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"

/** ValidateStatefulSetUpdate: the name is not re-checked (older servers allowed subdomains). */
export function validateStatefulSetUpdate(sts: StatefulSet, old: StatefulSet): FieldError[] {
  const oldTemplateValid = old.spec ? validateTemplateSpec(old.spec).length === 0 : true
  const errs = [
    ...validateObjectMetaUpdate(sts.metadata, old.metadata),
    ...validateSpec(sts.spec, oldTemplateValid),
  ]
  const o: Partial<StatefulSetSpec> = old.spec ?? {}
  const mutable = {
    replicas: o.replicas,
    template: o.template,
    updateStrategy: o.updateStrategy,
    minReadySeconds: o.minReadySeconds,
    ordinals: o.ordinals,
    persistentVolumeClaimRetentionPolicy: o.persistentVolumeClaimRetentionPolicy,
    revisionHistoryLimit: o.revisionHistoryLimit,
  }
  if (!semanticEqual({ ...sts.spec, ...mutable }, o))
    errs.push(forbidden('spec', statefulSetSpecForbiddenMessage))
  return errs
}
