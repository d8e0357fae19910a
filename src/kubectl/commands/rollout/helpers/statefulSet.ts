// The StatefulSet's rollout helpers (polymorphichelpers: StatefulSetStatusViewer,
// StatefulSetHistoryViewer, StatefulSetRollbacker). Its history is its ControllerRevisions,
// each holding the pod template as a strategic merge patch.
import type { StatefulSet } from '../../../../sim/model'
import { KubectlError } from '../../../env'
import { sortedJson } from '../../../sortedJson'
import {
  applyRevision,
  controlledHistory,
  findHistory,
  revisionNotFound,
  templatePatch,
} from './controllerHistory'
import { CHANGE_CAUSE_ANNOTATION, printHistory, printTemplate, type HistoryEntry } from './historyPrinter'
import type { HistoryViewer, Rollbacker, RolloutStatus } from './types'

/** StatefulSetStatusViewer.Status: the line to print and whether the rollout is done. */
export function statefulSetRolloutStatus(sts: StatefulSet): RolloutStatus {
  if (sts.spec.updateStrategy?.type !== 'RollingUpdate') {
    throw new KubectlError('rollout status is only available for RollingUpdate strategy type')
  }
  const status = sts.status
  const replicas = sts.spec.replicas ?? 1
  if (!status?.observedGeneration || (sts.metadata.generation ?? 0) > status.observedGeneration) {
    return { message: 'Waiting for statefulset spec update to be observed...\n', done: false }
  }
  const ready = status.readyReplicas ?? 0
  if (ready < replicas)
    return { message: `Waiting for ${replicas - ready} pods to be ready...\n`, done: false }
  const updated = status.updatedReplicas ?? 0
  const rollingUpdate = sts.spec.updateStrategy.rollingUpdate
  if (rollingUpdate) {
    const partition = rollingUpdate.partition
    if (partition !== undefined && updated < replicas - partition) {
      return {
        message: `Waiting for partitioned roll out to finish: ${updated} out of ${replicas - partition} new pods have been updated...\n`,
        done: false,
      }
    }
    return {
      message: `partitioned roll out complete: ${updated} new pods have been updated...\n`,
      done: true,
    }
  }
  if (status.updateRevision !== status.currentRevision) {
    return {
      message: `waiting for statefulset rolling update to complete ${updated} pods at revision ${status.updateRevision}...\n`,
      done: false,
    }
  }
  return {
    message: `statefulset rolling update complete ${status.currentReplicas ?? 0} pods at revision ${status.currentRevision}...\n`,
    done: true,
  }
}

export const statefulSetHistoryViewer: HistoryViewer = {
  viewHistory(api, obj, revision) {
    const sts = obj as StatefulSet
    const entries = new Map<number, HistoryEntry>()
    for (const r of controlledHistory(api, sts)) {
      entries.set(r.revision, {
        changeCause: r.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION],
        template: () => applyRevision(sts, r).spec.template,
      })
    }
    return printHistory(entries, revision)
  },
  getHistory(api, obj) {
    const sts = obj as StatefulSet
    return new Map(controlledHistory(api, sts).map((r) => [r.revision, applyRevision(sts, r)]))
  },
}

export const statefulSetRollbacker: Rollbacker = {
  rollback(api, obj, toRevision, dryRun) {
    if (toRevision < 0) throw revisionNotFound(toRevision)
    const sts = api.get<StatefulSet>('StatefulSet', obj.metadata.namespace, obj.metadata.name)
    const history = controlledHistory(api, sts)
    if (toRevision === 0 && history.length <= 1) throw new Error('no last revision to roll back to')
    const target = findHistory(toRevision, history)
    if (!target) throw revisionNotFound(toRevision)
    if (dryRun === 'client')
      return `will roll back to ${printTemplate(applyRevision(sts, target).spec.template)}`
    // statefulsetMatch compares the patch bytes; Go marshals structs in a fixed field order.
    if (sortedJson(templatePatch(sts)) === sortedJson(target.data))
      return `skipped rollback (current template already matches revision ${toRevision})`
    try {
      api.update(applyRevision(sts, target), { dryRun: dryRun === 'server' })
    } catch (e) {
      throw new Error(
        `failed restoring revision ${toRevision}: ${e instanceof Error ? e.message : String(e)}`,
        { cause: e },
      )
    }
    return 'rolled back'
  },
}
