// describe.go describePersistentVolumeClaim (with `Used By:`), describePersistentVolume (node
// affinity, volume source) and describeStorageClass.
import type {
  Event,
  KubeObject,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  StorageClass,
} from '../../../sim/model'
import { translateTimestampSince } from '../humanDuration'
import {
  accessModesString,
  formatLabelMap,
  isDefaultStorageClass,
  quantityString,
  storageClassOf,
} from '../columns/util'
import { describeEvents, eventsFor } from './events'
import {
  LEVEL_0,
  LEVEL_1,
  LEVEL_2,
  type PrefixWriter,
  goStringSlice,
  printAnnotationsMultiline,
  printLabelsMultiline,
  tabbedString,
} from './writer'

/** `related` are pods; `Used By` lists those mounting the claim or owning it, sorted by name. */
export function describePersistentVolumeClaim(
  pvc: PersistentVolumeClaim,
  events: readonly Event[],
  related: readonly KubeObject[],
  nowMs: number,
): string {
  const pods = related.filter(
    (o): o is Pod =>
      o.kind === 'Pod' &&
      o.metadata.namespace === pvc.metadata.namespace &&
      (((o as Pod).spec.volumes ?? []).some(
        (v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name,
      ) ||
        (pvc.metadata.ownerReferences ?? []).some((r) => r.kind === 'Pod' && r.uid === o.metadata.uid)),
  )
  const names = [...new Set(pods.map((p) => p.metadata.name))].sort()
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pvc.metadata.name}\n`)
    w.write(LEVEL_0, `Namespace:\t${pvc.metadata.namespace ?? ''}\n`)
    w.write(
      LEVEL_0,
      `StorageClass:\t${storageClassOf(pvc.metadata.annotations, pvc.spec.storageClassName)}\n`,
    )
    w.write(
      LEVEL_0,
      pvc.metadata.deletionTimestamp
        ? `Status:\tTerminating (lasts ${translateTimestampSince(pvc.metadata.deletionTimestamp, nowMs)})\n`
        : `Status:\t${pvc.status?.phase ?? ''}\n`,
    )
    w.write(LEVEL_0, `Volume:\t${pvc.spec.volumeName ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', pvc.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', pvc.metadata.annotations)
    w.write(LEVEL_0, `Finalizers:\t${goStringSlice(pvc.metadata.finalizers)}\n`)
    const bound = !!pvc.spec.volumeName
    w.write(LEVEL_0, `Capacity:\t${bound ? quantityString(pvc.status?.capacity?.storage) : ''}\n`)
    w.write(LEVEL_0, `Access Modes:\t${bound ? accessModesString(pvc.status?.accessModes) : ''}\n`)
    if (pvc.spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${pvc.spec.volumeMode}\n`)
    w.write(LEVEL_0, 'Used By:\t')
    if (names.length === 0) w.writeLine('<none>')
    names.forEach((name, i) => w.write(LEVEL_0, i === 0 ? `${name}\n` : `\t${name}\n`))
    describeEvents(w, eventsFor(pvc, events), nowMs)
  })
}

interface NodeSelectorRequirement {
  key: string
  operator: string
  values?: string[]
}
type PersistentVolumeX = PersistentVolume & {
  spec: PersistentVolume['spec'] & {
    nodeAffinity?: { required?: { nodeSelectorTerms?: { matchExpressions?: NodeSelectorRequirement[] }[] } }
  }
  status: PersistentVolume['status'] & { message?: string }
}

export function describePersistentVolume(
  pv: PersistentVolumeX,
  events: readonly Event[],
  nowMs: number,
): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pv.metadata.name}\n`)
    printLabelsMultiline(w, 'Labels', pv.metadata.labels)
    printAnnotationsMultiline(w, 'Annotations', pv.metadata.annotations)
    w.write(LEVEL_0, `Finalizers:\t${goStringSlice(pv.metadata.finalizers)}\n`)
    w.write(LEVEL_0, `StorageClass:\t${storageClassOf(pv.metadata.annotations, pv.spec.storageClassName)}\n`)
    w.write(
      LEVEL_0,
      pv.metadata.deletionTimestamp
        ? `Status:\tTerminating (lasts ${translateTimestampSince(pv.metadata.deletionTimestamp, nowMs)})\n`
        : `Status:\t${pv.status?.phase ?? ''}\n`,
    )
    const ref = pv.spec.claimRef
    w.write(LEVEL_0, `Claim:\t${ref ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : ''}\n`)
    w.write(LEVEL_0, `Reclaim Policy:\t${pv.spec.persistentVolumeReclaimPolicy ?? ''}\n`)
    w.write(LEVEL_0, `Access Modes:\t${accessModesString(pv.spec.accessModes)}\n`)
    if (pv.spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${pv.spec.volumeMode}\n`)
    w.write(LEVEL_0, `Capacity:\t${quantityString(pv.spec.capacity?.storage)}\n`)
    printNodeAffinity(w, pv.spec.nodeAffinity)
    w.write(LEVEL_0, `Message:\t${pv.status?.message ?? ''}\n`)
    w.write(LEVEL_0, 'Source:\n')
    if (pv.spec.hostPath) {
      w.write(
        LEVEL_2,
        `Type:\tHostPath (bare host directory volume)\n    Path:\t${pv.spec.hostPath.path}\n    HostPathType:\t${pv.spec.hostPath.type ?? '<none>'}\n`,
      )
    } else if (pv.spec.nfs) {
      w.write(
        LEVEL_2,
        `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${pv.spec.nfs.server}\n    Path:\t${pv.spec.nfs.path}\n    ReadOnly:\tfalse\n`,
      )
    } else if (pv.spec.local) {
      w.write(
        LEVEL_2,
        `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${pv.spec.local.path}\n`,
      )
    } else if (pv.spec.csi) {
      w.write(
        LEVEL_2,
        `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${pv.spec.csi.driver}\n    FSType:\t\n    VolumeHandle:\t${pv.spec.csi.volumeHandle}\n    ReadOnly:\tfalse\n`,
      )
      w.write(LEVEL_2, 'VolumeAttributes:\t')
      w.writeLine('<none>')
    } else {
      w.write(LEVEL_1, '<unknown>\n')
    }
    describeEvents(w, eventsFor(pv, events), nowMs)
  })
}

/** printVolumeNodeAffinity with printNodeSelectorTermsMultilineWithIndent. */
function printNodeAffinity(w: PrefixWriter, affinity: PersistentVolumeX['spec']['nodeAffinity']): void {
  w.write(LEVEL_0, 'Node Affinity:\t')
  if (!affinity?.required) return w.writeLine('<none>')
  w.writeLine('')
  w.write(LEVEL_1, 'Required Terms:\t')
  const terms = affinity.required.nodeSelectorTerms ?? []
  if (terms.length === 0) return w.writeLine('<none>')
  w.writeLine('')
  terms.forEach((term, i) => {
    w.write(LEVEL_2, `Term ${i}:\t`)
    const reqs = term.matchExpressions ?? []
    if (reqs.length === 0) return w.writeLine('<none>')
    reqs.forEach((req, j) => {
      if (j !== 0) w.write(LEVEL_2, '\t')
      const values = req.values && req.values.length > 0 ? ` [${req.values.join(', ')}]` : ''
      w.write(LEVEL_0, `${req.key} ${req.operator.toLowerCase()}${values}\n`)
    })
  })
}

export function describeStorageClass(sc: StorageClass, events: readonly Event[], nowMs: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sc.metadata.name}\n`)
    w.write(LEVEL_0, `IsDefaultClass:\t${isDefaultStorageClass(sc.metadata.annotations) ? 'Yes' : 'No'}\n`)
    w.write(LEVEL_0, `Annotations:\t${formatLabelMap(sc.metadata.annotations)}\n`)
    w.write(LEVEL_0, `Provisioner:\t${sc.provisioner}\n`)
    w.write(LEVEL_0, `Parameters:\t${formatLabelMap(sc.parameters)}\n`)
    w.write(
      LEVEL_0,
      `AllowVolumeExpansion:\t${sc.allowVolumeExpansion === undefined ? '<unset>' : sc.allowVolumeExpansion ? 'True' : 'False'}\n`,
    )
    w.write(LEVEL_0, 'MountOptions:\t<none>\n')
    if (sc.reclaimPolicy) w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`)
    if (sc.volumeBindingMode) w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`)
    describeEvents(w, eventsFor(sc, events), nowMs)
  })
}
