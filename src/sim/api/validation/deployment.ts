// Deployment validation: pkg/apis/apps/validation/validation.go (ValidateDeployment,
// ValidateDeploymentSpec, ValidateDeploymentStrategy, ValidateRollingUpdateDeployment,
// ValidatePositiveIntOrPercent, IsNotMoreThan100Percent) and the apps/v1 strategy's immutable
// selector. Struct values in messages render as Go's internal apps types do: without JSON tags.
import type { FieldError } from '../errors'
import type { Deployment, DeploymentSpec, DeploymentStrategy, IntOrString } from '../../model'
import { forbidden, invalid, nonNegative, notSupported, required } from './field'
import { nameIsDNSSubdomain, regexError } from './names'
import { validateObjectMeta, validateObjectMetaUpdate } from './objectMeta'
import { immutableSelector, validateReplicaSetTemplate, validateSelector } from './replicaSet'

const percentPattern = /^[0-9]+%$/
const percentError = regexError(
  "a valid percent string must be a numeric string followed by an ending '%'",
  '[0-9]+%',
  '1%',
  '93%',
)

/** getPercentValue: the number of a valid percent string, else undefined. */
function percentValue(v: IntOrString | undefined): number | undefined {
  return typeof v === 'string' && percentPattern.test(v) ? Number(v.slice(0, -1)) : undefined
}

/** getIntOrPercentValue: a percent's number, an int, or Atoi of any other string (0 when it fails). */
function intOrPercentValue(v: IntOrString | undefined): number {
  const p = percentValue(v)
  if (p !== undefined) return p
  if (typeof v === 'number') return v
  return /^[+-]?[0-9]+$/.test(v ?? '') ? Number(v) : 0
}

function validatePositiveIntOrPercent(v: IntOrString | undefined, path: string): FieldError[] {
  if (typeof v === 'string') return percentPattern.test(v) ? [] : [invalid(path, v, percentError)]
  return nonNegative(v, path)
}

function validateStrategy(strategy: DeploymentStrategy | undefined): FieldError[] {
  const s = strategy ?? {}
  const ru = s.rollingUpdate ?? undefined
  switch (s.type ?? '') {
    case 'Recreate':
      return ru
        ? [
            forbidden(
              'spec.strategy.rollingUpdate',
              "may not be specified when strategy `type` is 'Recreate'",
            ),
          ]
        : []
    case 'RollingUpdate': {
      // Defaulting always fills it in.
      if (!ru) return [required('spec.strategy.rollingUpdate', 'this should be defaulted and never be nil')]
      const path = 'spec.strategy.rollingUpdate'
      const errs = [
        ...validatePositiveIntOrPercent(ru.maxUnavailable, `${path}.maxUnavailable`),
        ...validatePositiveIntOrPercent(ru.maxSurge, `${path}.maxSurge`),
      ]
      if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0)
        errs.push(
          invalid(`${path}.maxUnavailable`, ru.maxUnavailable ?? 0, 'may not be 0 when `maxSurge` is 0'),
        )
      if ((percentValue(ru.maxUnavailable) ?? 0) > 100)
        errs.push(invalid(`${path}.maxUnavailable`, ru.maxUnavailable, 'must not be greater than 100%'))
      return errs
    }
    default: {
      const value = {
        Type: s.type ?? '',
        RollingUpdate: ru ? { MaxUnavailable: ru.maxUnavailable ?? 0, MaxSurge: ru.maxSurge ?? 0 } : null,
      }
      return [notSupported('spec.strategy', value, ['Recreate', 'RollingUpdate'])]
    }
  }
}

function validateSpec(spec: DeploymentSpec | undefined): FieldError[] {
  const s: Partial<DeploymentSpec> = spec ?? {}
  const errs = nonNegative(s.replicas, 'spec.replicas')
  const selector = validateSelector(s.selector, 'invalid label selector')
  errs.push(...selector.errors)
  if (selector.parsed) errs.push(...validateReplicaSetTemplate(s.selector, s.template))
  errs.push(...validateStrategy(s.strategy))
  errs.push(...nonNegative(s.minReadySeconds, 'spec.minReadySeconds'))
  errs.push(...nonNegative(s.revisionHistoryLimit, 'spec.revisionHistoryLimit'))
  const deadline = s.progressDeadlineSeconds
  if (deadline !== undefined && deadline !== null) {
    errs.push(...nonNegative(deadline, 'spec.progressDeadlineSeconds'))
    if (deadline <= (s.minReadySeconds ?? 0))
      errs.push(invalid('spec.progressDeadlineSeconds', deadline, 'must be greater than minReadySeconds'))
  }
  return errs
}

export function validateDeployment(d: Deployment): FieldError[] {
  return [
    ...validateObjectMeta(d.metadata, { nameFn: nameIsDNSSubdomain, namespaced: true }),
    ...validateSpec(d.spec),
  ]
}

export function validateDeploymentUpdate(d: Deployment, old: Deployment): FieldError[] {
  return [
    ...validateObjectMetaUpdate(d.metadata, old.metadata),
    ...validateSpec(d.spec),
    ...immutableSelector(d.spec?.selector, old.spec?.selector),
  ]
}
