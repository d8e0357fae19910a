// polymorphichelpers/rollback.go RollbackerFor: the kind's Rollbacker, or kubectl's error.
import type { KindInfo } from '../../../../sim/model/kinds'
import { deploymentRollbacker } from './deployment'
import { groupKindElement, groupKindString, hasVisitor } from './groupKind'
import { statefulSetRollbacker } from './statefulSet'
import type { Rollbacker } from './types'

const ROLLBACKERS: Readonly<Record<string, Rollbacker>> = {
  StatefulSet: statefulSetRollbacker,
  Deployment: deploymentRollbacker,
}

export function rollbackerFor(info: KindInfo): Rollbacker {
  if (!hasVisitor(info))
    throw new Error(
      `error retrieving rollbacker for "${groupKindString(info)}", no visitor method exists for ${groupKindElement(info)}`,
    )
  const r = ROLLBACKERS[info.kind]
  if (!r) throw new Error(`no rollbacker has been implemented for "${groupKindString(info)}"`)
  return r
}
