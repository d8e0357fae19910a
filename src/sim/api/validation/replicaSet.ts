// ReplicaSet validation: pkg/apis/apps/validation/validation.go (ValidateReplicaSet,
// ValidateReplicaSetSpec, ValidatePodTemplateSpecForReplicaSet — shared with Deployments) and the
// apps/v1 strategy's immutable selector. Simplified: a template is re-validated in full on update
// (no ratcheting of an already-invalid stored template).
import type { FieldError } from '../errors'
import type { LabelSelector, PodTemplateSpec, ReplicaSet, ReplicaSetSpec } from '../../model'
import { semanticEqual } from './equality'
import { fieldImmutableErrorMsg, invalid, nonNegative, notSupported, required, sortedMap } from './field'
import { nameIsDNSSubdomain } from './names'
import {
  validateAnnotations,
  validateLabels,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './objectMeta'
import { validatePodSpec } from './pod'
import { isEmptySelector, selectorMatches, selectorValue, validateLabelSelector } from './selector'

/**
 * The selector part of ValidateReplicaSetSpec/ValidateDeploymentSpec: required, syntax, non-empty
 * (both say "for deployment", as Kubernetes does); `parsed` is false where LabelSelectorAsSelector
 * would fail (then the template is not checked against it).
 */
export function validateSelector(
  selector: LabelSelector | undefined,
  invalidSelectorDetail: string,
): { errors: FieldError[]; parsed: boolean } {
  const errors: FieldError[] = []
  const syntax = validateLabelSelector(selector, 'spec.selector')
  if (!selector) errors.push(required('spec.selector'))
  else {
    errors.push(...syntax)
    if (isEmptySelector(selector))
      errors.push(
        invalid('spec.selector', selectorValue(selector), 'empty selector is invalid for deployment'),
      )
  }
  if (syntax.length) errors.push(invalid('spec.selector', selectorValue(selector), invalidSelectorDetail))
  return { errors, parsed: syntax.length === 0 }
}

/**
 * ValidatePodTemplateSpecForReplicaSet at `spec.template`: an empty selector ({}) skips the label
 * check; a nil one matches nothing, so it fails it.
 */
export function validateReplicaSetTemplate(
  selector: LabelSelector | undefined,
  template: PodTemplateSpec | undefined,
): FieldError[] {
  const errs: FieldError[] = []
  const labels = template?.metadata?.labels
  if (!(selector && isEmptySelector(selector)) && !selectorMatches(selector, labels)) {
    errs.push(
      invalid(
        'spec.template.metadata.labels',
        sortedMap(labels),
        '`selector` does not match template `labels`',
      ),
    )
  }
  // ValidatePodTemplateSpec: labels and annotations at spec.template.labels (without `metadata`).
  errs.push(...validateLabels(labels, 'spec.template.labels'))
  errs.push(...validateAnnotations(template?.metadata?.annotations, 'spec.template.annotations'))
  errs.push(...validatePodSpec(template?.spec, 'spec.template.spec'))
  const restartPolicy = template?.spec?.restartPolicy ?? ''
  if (restartPolicy !== 'Always')
    errs.push(notSupported('spec.template.spec.restartPolicy', restartPolicy, ['Always']))
  const deadline = template?.spec?.activeDeadlineSeconds
  if (deadline !== undefined && deadline !== null)
    errs.push(
      invalid(
        'spec.template.spec.activeDeadlineSeconds',
        deadline,
        'activeDeadlineSeconds in ReplicaSet is not Supported',
      ),
    )
  return errs
}

function validateSpec(spec: ReplicaSetSpec | undefined): FieldError[] {
  const s: Partial<ReplicaSetSpec> = spec ?? {}
  const errs = [
    ...nonNegative(s.replicas, 'spec.replicas'),
    ...nonNegative(s.minReadySeconds, 'spec.minReadySeconds'),
  ]
  const selector = validateSelector(s.selector, 'invalid label selector')
  errs.push(...selector.errors)
  if (selector.parsed) errs.push(...validateReplicaSetTemplate(s.selector, s.template))
  return errs
}

export function validateReplicaSet(rs: ReplicaSet): FieldError[] {
  return [
    ...validateObjectMeta(rs.metadata, { nameFn: nameIsDNSSubdomain, namespaced: true }),
    ...validateSpec(rs.spec),
  ]
}

/** ValidateImmutableField for spec.selector (apps/v1 strategies forbid changing it). */
export function immutableSelector(
  next: LabelSelector | undefined,
  old: LabelSelector | undefined,
): FieldError[] {
  return semanticEqual(next ?? null, old ?? null)
    ? []
    : [invalid('spec.selector', selectorValue(next), fieldImmutableErrorMsg)]
}

export function validateReplicaSetUpdate(rs: ReplicaSet, old: ReplicaSet): FieldError[] {
  return [
    ...validateObjectMetaUpdate(rs.metadata, old.metadata),
    ...validateSpec(rs.spec),
    ...immutableSelector(rs.spec?.selector, old.spec?.selector),
  ]
}
