// metav1 LabelSelector: ValidateLabelSelector (apimachinery meta/v1/validation) and the
// matching semantics of LabelSelectorAsSelector (nil selects nothing, {} selects everything).
import type { FieldError } from '../errors'
import type { LabelSelector, LabelSelectorRequirement } from '../../model'
import { forbidden, invalid, required, sortedMap } from './field'
import { isQualifiedName, isValidLabelValue } from './names'
import { validateLabels } from './objectMeta'

function validateRequirement(r: LabelSelectorRequirement, path: string): FieldError[] {
  const errs: FieldError[] = []
  const values = r.values ?? []
  switch (r.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) {
        errs.push(required(`${path}.values`, "must be specified when `operator` is 'In' or 'NotIn'"))
      }
      break
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) {
        errs.push(
          forbidden(`${path}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
        )
      }
      break
    default:
      errs.push(invalid(`${path}.operator`, r.operator ?? '', 'not a valid selector operator'))
  }
  errs.push(...isQualifiedName(r.key ?? '').map((m) => invalid(`${path}.key`, r.key ?? '', m)))
  values.forEach((v, i) =>
    errs.push(...isValidLabelValue(v).map((m) => invalid(`${path}.values[${i}]`, v, m))),
  )
  return errs
}

export function validateLabelSelector(sel: LabelSelector | undefined, path: string): FieldError[] {
  if (!sel) return []
  const errs = validateLabels(sel.matchLabels, `${path}.matchLabels`)
  ;(sel.matchExpressions ?? []).forEach((r, i) =>
    errs.push(...validateRequirement(r, `${path}.matchExpressions[${i}]`)),
  )
  return errs
}

/** The selector as json.Marshal writes a metav1.LabelSelector (omitempty fields dropped). */
export function selectorValue(sel: LabelSelector | undefined): unknown {
  if (!sel) return undefined
  const out: Record<string, unknown> = {}
  if (sel.matchLabels && Object.keys(sel.matchLabels).length) out.matchLabels = sortedMap(sel.matchLabels)
  if (sel.matchExpressions?.length) {
    out.matchExpressions = sel.matchExpressions.map((r) => ({
      key: r.key,
      operator: r.operator,
      ...(r.values?.length ? { values: r.values } : {}),
    }))
  }
  return out
}

export function isEmptySelector(sel: LabelSelector): boolean {
  return Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions?.length ?? 0) === 0
}

/** LabelSelectorAsSelector(...).Matches(labels); a nil selector matches nothing. */
export function selectorMatches(
  sel: LabelSelector | undefined,
  labels: Readonly<Record<string, string>> | undefined,
): boolean {
  if (!sel) return false
  const set = labels ?? {}
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (set[k] !== v) return false
  return (sel.matchExpressions ?? []).every((r) => {
    const has = Object.prototype.hasOwnProperty.call(set, r.key)
    const inValues = has && (r.values ?? []).includes(set[r.key] as string)
    if (r.operator === 'In') return inValues
    if (r.operator === 'NotIn') return !inValues
    if (r.operator === 'Exists') return has
    return !has
  })
}
