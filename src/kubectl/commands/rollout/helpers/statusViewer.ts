// polymorphichelpers/rollout_status.go StatusViewerFor: the kind's status viewer, or kubectl's error.
import type { Deployment, StatefulSet } from '../../../../sim/model'
import type { KindInfo } from '../../../../sim/model/kinds'
import { deploymentRolloutStatus } from './deployment'
import { groupKindString } from './groupKind'
import { statefulSetRolloutStatus } from './statefulSet'
import type { StatusViewer } from './types'

const STATUS_VIEWERS: Readonly<Record<string, StatusViewer>> = {
  StatefulSet: (obj) => statefulSetRolloutStatus(obj as StatefulSet),
  Deployment: (obj, revision) => deploymentRolloutStatus(obj as Deployment, revision),
}

export function statusViewerFor(info: KindInfo): StatusViewer {
  const viewer = STATUS_VIEWERS[info.kind]
  if (!viewer) throw new Error(`no status viewer has been implemented for ${groupKindString(info)}`)
  return viewer
}
