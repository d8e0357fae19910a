// Static PV matching: Kubernetes' persistentvolume/index.go (findByClaim,
// allPossibleMatchingAccessModes), component-helpers storage/volume (FindMatchingVolume,
// IsVolumeBoundToClaim, CheckVolumeModeMismatches, CheckAccessModes, CheckNodeAffinity) and
// pv_controller.go's checkVolumeSatisfyClaim. Simplified: volumeAttributesClass is not modelled.
import type { AccessMode, Node, PersistentVolume, PersistentVolumeClaim, Pod } from '../../model'
import { compareQuantities, quantityValue } from '../../api/quantity'
import { selectorMatches } from '../../api/labels'

export const BETA_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class'

/** GetPersistentVolumeClaimClass: the beta annotation, else spec.storageClassName, else "". */
export function claimClass(claim: PersistentVolumeClaim): string {
  const annotated = claim.metadata.annotations?.[BETA_CLASS_ANNOTATION]
  if (annotated !== undefined) return annotated
  return claim.spec.storageClassName ?? ''
}

/** PersistentVolumeClaimHasClass: `storageClassName: ""` is a class (none); unset is not. */
export function claimHasClass(claim: PersistentVolumeClaim): boolean {
  if (claim.metadata.annotations?.[BETA_CLASS_ANNOTATION] !== undefined) return true
  return claim.spec.storageClassName !== undefined && claim.spec.storageClassName !== null
}

/** GetPersistentVolumeClass: the beta annotation, else spec.storageClassName, else "". */
export function volumeClass(pv: PersistentVolume): string {
  return pv.metadata.annotations?.[BETA_CLASS_ANNOTATION] ?? pv.spec.storageClassName ?? ''
}

const MODE_ABBREVIATIONS: readonly (readonly [AccessMode, string])[] = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
]

const modeStrings = new WeakMap<readonly AccessMode[], string>()

/** GetAccessModesAsString (F101): `RWO,ROX,RWX,RWOP` order, duplicates dropped. */
export function accessModesString(modes: readonly AccessMode[] | undefined): string {
  if (!modes) return ''
  // Remembered per stored (frozen) array: matching asks it of every volume for every claim.
  let text = modeStrings.get(modes)
  if (text === undefined) {
    const present = new Set(modes)
    text = MODE_ABBREVIATIONS.filter(([mode]) => present.has(mode))
      .map(([, short]) => short)
      .join(',')
    if (Object.isFrozen(modes)) modeStrings.set(modes, text)
  }
  return text
}

function accessModesFromString(s: string): AccessMode[] {
  const parts = new Set(s.split(','))
  return MODE_ABBREVIATIONS.filter(([, short]) => parts.has(short)).map(([mode]) => mode)
}

/** Pre-bound or bound to this claim: same namespace/name, and the uid if the PV names one. */
export function isVolumeBoundToClaim(pv: PersistentVolume, claim: PersistentVolumeClaim): boolean {
  const ref = pv.spec.claimRef
  if (!ref) return false
  if (ref.name !== claim.metadata.name || ref.namespace !== claim.metadata.namespace) return false
  return !ref.uid || ref.uid === claim.metadata.uid
}

/** reference.GetReference for a claim, as a PV's spec.claimRef holds it once bound. */
export function claimReference(
  claim: PersistentVolumeClaim,
): NonNullable<PersistentVolume['spec']['claimRef']> {
  const { namespace, name, uid, resourceVersion } = claim.metadata
  return { kind: 'PersistentVolumeClaim', namespace, name, uid, apiVersion: 'v1', resourceVersion }
}

/** The pod mounts the claim through one of its volumes (the PodPVCIndex relation). */
export function podUsesClaim(pod: Pod, claimName: string): boolean {
  return (pod.spec.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === claimName)
}

/** True when the modes differ; an unset mode on either side counts as Filesystem. */
export function volumeModeMismatch(claim: PersistentVolumeClaim, pv: PersistentVolume): boolean {
  return (claim.spec.volumeMode ?? 'Filesystem') !== (pv.spec.volumeMode ?? 'Filesystem')
}

/** Every mode the claim asks for is offered by the volume. */
export function checkAccessModes(claim: PersistentVolumeClaim, pv: PersistentVolume): boolean {
  const offered = new Set(pv.spec.accessModes ?? [])
  return (claim.spec.accessModes ?? []).every((m) => offered.has(m))
}

function storageOf(resources: Readonly<Record<string, string>> | undefined): string {
  return resources?.storage ?? '0'
}

function requested(claim: PersistentVolumeClaim): string {
  return storageOf(claim.spec.resources?.requests)
}

function capacity(pv: PersistentVolume): string {
  return storageOf(pv.spec.capacity)
}

/**
 * checkVolumeSatisfyClaim (F74): undefined when `pv` may serve a claim that names it in
 * spec.volumeName, else the reason the VolumeMismatch event quotes.
 */
export function checkVolumeSatisfyClaim(
  pv: PersistentVolume,
  claim: PersistentVolumeClaim,
): string | undefined {
  if (pv.metadata.deletionTimestamp) return `the volume is marked for deletion "${pv.metadata.name}"`
  // Go compares whole-number Value()s here, not exact quantities.
  if (quantityValue(capacity(pv)) < quantityValue(requested(claim))) return 'requested PV is too small'
  if (volumeClass(pv) !== claimClass(claim)) return 'storageClassName does not match'
  if (volumeModeMismatch(claim, pv)) return 'incompatible volumeMode'
  if (!checkAccessModes(claim, pv)) return 'incompatible accessMode'
  return undefined
}

export interface MatchOptions {
  /** The claim's class binds WaitForFirstConsumer: the PV controller only takes pre-bound PVs. */
  delayBinding: boolean
  /** Set on the scheduler's path: PV node affinity and access modes are checked against it. */
  node?: Node
}

/**
 * The PV a claim without spec.volumeName should bind, or undefined. Without `node` (the PV
 * controller's path) volumes are searched one exact access-mode set at a time, smallest superset
 * of the requested modes first (F67); with `node` (the scheduler's path) among the claim's class.
 */
export function findMatchingVolume(
  claim: PersistentVolumeClaim,
  volumes: readonly PersistentVolume[],
  opts: MatchOptions,
): PersistentVolume | undefined {
  if (opts.node) {
    const cls = claimClass(claim)
    return findInSet(
      claim,
      volumes.filter((v) => volumeClass(v) === cls),
      opts,
    )
  }
  const groups = groupByAccessModes(volumes)
  for (const modes of possibleAccessModeSets(groups.keys(), claim.spec.accessModes ?? [])) {
    const found = findInSet(claim, groups.get(modes)!, opts)
    if (found) return found
  }
  return undefined
}

/** The volumes by access-mode set (the index's keys), each group in list order. */
function groupByAccessModes(volumes: readonly PersistentVolume[]): Map<string, PersistentVolume[]> {
  const groups = new Map<string, PersistentVolume[]>()
  for (const v of volumes) {
    const key = accessModesString(v.spec.accessModes)
    const group = groups.get(key)
    if (group) group.push(v)
    else groups.set(key, [v])
  }
  return groups
}

/** The indexed access-mode sets holding every requested mode, fewest modes first. */
function possibleAccessModeSets(keys: Iterable<string>, requestedModes: readonly AccessMode[]): string[] {
  return (
    [...keys]
      .filter((key) => {
        const offered = new Set(accessModesFromString(key))
        return requestedModes.every((m) => offered.has(m))
      })
      .map((key) => ({ key, size: accessModesFromString(key).length }))
      // Kubernetes sorts by size only (map order breaks ties); the key makes ties deterministic.
      .sort((a, b) => a.size - b.size || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((s) => s.key)
  )
}

/** FindMatchingVolume over one candidate list (F68, F69, F73, F75, F77). */
function findInSet(
  claim: PersistentVolumeClaim,
  volumes: readonly PersistentVolume[],
  { delayBinding, node }: MatchOptions,
): PersistentVolume | undefined {
  const cls = claimClass(claim)
  let smallest: PersistentVolume | undefined
  for (const pv of volumes) {
    if (pv.spec.claimRef && !isVolumeBoundToClaim(pv, claim)) continue
    if (compareQuantities(capacity(pv), requested(claim)) < 0) continue
    if (volumeModeMismatch(claim, pv)) continue
    if (pv.metadata.deletionTimestamp) continue
    const affinityOk = !node || nodeAffinityMatches(pv, node)
    if (isVolumeBoundToClaim(pv, claim)) return affinityOk ? pv : undefined
    if (!node && delayBinding) continue
    if (pv.status?.phase !== 'Available') continue
    if (claim.spec.selector && !selectorMatches(claim.spec.selector, pv.metadata.labels)) continue
    if (volumeClass(pv) !== cls) continue
    if (!affinityOk) continue
    if (node && !checkAccessModes(claim, pv)) continue
    if (!smallest || compareQuantities(capacity(smallest), capacity(pv)) > 0) smallest = pv
  }
  return smallest
}

interface NodeSelectorRequirement {
  key: string
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt'
  values?: string[]
}
interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[]
  matchFields?: NodeSelectorRequirement[]
}
interface VolumeNodeAffinity {
  required?: { nodeSelectorTerms?: NodeSelectorTerm[] }
}

/** CheckNodeAffinity: no required affinity matches every node; terms are ORed, requirements ANDed. */
export function nodeAffinityMatches(pv: PersistentVolume, node: Node): boolean {
  const terms = (pv.spec.nodeAffinity as VolumeNodeAffinity | undefined)?.required?.nodeSelectorTerms
  if (!terms) return true
  const labels = node.metadata.labels ?? {}
  const fields: Record<string, string> = { 'metadata.name': node.metadata.name }
  return terms.some((term) => {
    const exprs = term.matchExpressions ?? []
    const fieldReqs = term.matchFields ?? []
    if (exprs.length === 0 && fieldReqs.length === 0) return false
    return (
      exprs.every((r) => requirementMatches(r, labels)) &&
      fieldReqs.every((r) => requirementMatches(r, fields))
    )
  })
}

function requirementMatches(req: NodeSelectorRequirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key)
  const value = labels[req.key]
  const values = req.values ?? []
  switch (req.operator) {
    case 'In':
      return has && values.includes(value!)
    case 'NotIn':
      return !has || !values.includes(value!)
    case 'Exists':
      return has
    case 'DoesNotExist':
      return !has
    case 'Gt':
    case 'Lt': {
      const n = Number(value)
      const bound = Number(values[0])
      if (!has || !Number.isInteger(n) || !Number.isInteger(bound)) return false
      return req.operator === 'Gt' ? n > bound : n < bound
    }
  }
}
