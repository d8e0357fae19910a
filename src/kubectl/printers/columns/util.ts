// Small helpers shared by the printers, each mirroring a Kubernetes helper named in its comment.
import { canonicalQuantity } from '../../../sim/api/quantity'
import type { LabelSelector } from '../../../sim/model'

/** k8s.io/apimachinery labels.FormatLabels: sorted `k=v` pairs, or `<none>` when empty. */
export function formatLabelMap(labels: Readonly<Record<string, string>> | undefined | null): string {
  const s = Object.keys(labels ?? {})
    .sort()
    .map((k) => `${k}=${labels![k]}`)
    .join(',')
  return s === '' ? '<none>' : s
}

/**
 * metav1.LabelSelectorAsSelector(sel).String(): requirements sorted by key; `k=v`, `k in (a,b)`,
 * `k notin (a,b)`, `k`, `!k`. An empty selector is everything (""), a missing one nothing ("<none>"
 * is what FormatLabelSelector prints; describe prints the selector's String, which is "").
 */
export function selectorString(sel: LabelSelector | undefined | null): string {
  if (!sel) return ''
  const reqs: { key: string; text: string }[] = []
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${v}` })
  for (const e of sel.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',')
    const text =
      e.operator === 'In'
        ? `${e.key} in (${values})`
        : e.operator === 'NotIn'
          ? `${e.key} notin (${values})`
          : e.operator === 'Exists'
            ? e.key
            : `!${e.key}`
    reqs.push({ key: e.key, text })
  }
  return reqs
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => r.text)
    .join(',')
}

/** helper.GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, duplicates dropped. */
export function accessModesString(modes: readonly string[] | undefined): string {
  const m = new Set(modes ?? [])
  const out: string[] = []
  if (m.has('ReadWriteOnce')) out.push('RWO')
  if (m.has('ReadOnlyMany')) out.push('ROX')
  if (m.has('ReadWriteMany')) out.push('RWX')
  if (m.has('ReadWriteOncePod')) out.push('RWOP')
  return out.join(',')
}

/** resource.Quantity.String() of a stored quantity; a missing one is the zero Quantity, "0". */
export function quantityString(q: string | number | undefined): string {
  if (q === undefined || q === '') return '0'
  try {
    return canonicalQuantity(q)
  } catch {
    return String(q)
  }
}

/** net.JoinHostPort: IPv6 hosts are bracketed. */
export function joinHostPort(host: string, port: string | number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
}

/** metav1.GetControllerOf, formatted as printers.go formatResourceName does: `statefulset.apps/web`. */
export function controllerResourceName(ref: { apiVersion: string; kind: string; name: string }): string {
  const group = ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0]! : ''
  return `${(group ? `${ref.kind}.${group}` : ref.kind).toLowerCase()}/${ref.name}`
}

const STORAGE_CLASS_BETA = 'volume.beta.kubernetes.io/storage-class'

/** GetPersistentVolumeClass / GetPersistentVolumeClaimClass: the beta annotation wins over the field. */
export function storageClassOf(
  annotations: Readonly<Record<string, string>> | undefined,
  field: string | null | undefined,
): string {
  return annotations?.[STORAGE_CLASS_BETA] ?? field ?? ''
}

/** storageutil.IsDefaultAnnotation: the GA or beta is-default-class annotation set to "true". */
export function isDefaultStorageClass(annotations: Readonly<Record<string, string>> | undefined): boolean {
  return (
    annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true' ||
    annotations?.['storageclass.beta.kubernetes.io/is-default-class'] === 'true'
  )
}

/** findNodeRoles: `node-role.kubernetes.io/<role>` keys and a non-empty `kubernetes.io/role`, sorted. */
export function nodeRoles(labels: Readonly<Record<string, string>> | undefined): string[] {
  const roles = new Set<string>()
  for (const [k, v] of Object.entries(labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length)
      if (role) roles.add(role)
    } else if (k === 'kubernetes.io/role' && v !== '') roles.add(v)
  }
  return [...roles].sort()
}
