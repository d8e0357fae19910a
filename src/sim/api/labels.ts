// Label selectors as apimachinery evaluates them (metav1.LabelSelectorAsSelector): matchLabels
// and matchExpressions ANDed; an empty selector matches everything, a missing one nothing.
import type { LabelSelector, Labels } from '../model'

// Selectors and label maps of stored objects are frozen: a result can be remembered per pair.
const matchCache = new WeakMap<object, WeakMap<object, boolean>>()

export function selectorMatches(
  selector: LabelSelector | undefined | null,
  labels: Labels | undefined,
): boolean {
  if (!selector) return false
  if (labels && Object.isFrozen(labels) && Object.isFrozen(selector)) {
    let bySelector = matchCache.get(labels)
    if (!bySelector) matchCache.set(labels, (bySelector = new WeakMap()))
    let result = bySelector.get(selector)
    if (result === undefined) bySelector.set(selector, (result = evaluate(selector, labels)))
    return result
  }
  return evaluate(selector, labels)
}

function evaluate(selector: LabelSelector, labels: Labels | undefined): boolean {
  const l = labels ?? {}
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) {
    if (l[k] !== v) return false
  }
  for (const req of selector.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, req.key)
    const value = l[req.key]
    switch (req.operator) {
      case 'In':
        if (!has || !(req.values ?? []).includes(value!)) return false
        break
      case 'NotIn':
        if (has && (req.values ?? []).includes(value!)) return false
        break
      case 'Exists':
        if (!has) return false
        break
      case 'DoesNotExist':
        if (has) return false
        break
    }
  }
  return true
}

/** A Service-style selector (plain map): matches when every pair is present. Empty matches all. */
export function mapSelectorMatches(
  selector: Record<string, string> | undefined,
  labels: Labels | undefined,
): boolean {
  const l = labels ?? {}
  return Object.entries(selector ?? {}).every(([k, v]) => l[k] === v)
}

export function isEmptySelector(selector: LabelSelector | undefined | null): boolean {
  return (
    !!selector &&
    Object.keys(selector.matchLabels ?? {}).length === 0 &&
    (selector.matchExpressions ?? []).length === 0
  )
}

/** `app=nginx,tier=web` — how kubectl prints a selector (sorted by key, as labels.Set.String does). */
export function formatLabels(labels: Labels | undefined): string {
  return Object.keys(labels ?? {})
    .sort()
    .map((k) => `${k}=${labels![k]}`)
    .join(',')
}
