// cmd/set/helper.go CalculatePatches: applies a change to each object and works out whether it
// changed anything (kubectl's two-way patch being `{}`), keeping a failed change's error.
import type { KubeObject } from '../../../sim/model'
import { sortedJson } from '../../sortedJson'

export interface Patch {
  /** The object as read from the server. */
  original: KubeObject
  /** The object with the change applied (undefined when the change failed). */
  modified?: KubeObject
  /** Whether the change alters the object (false: kubectl's patch is `{}`). */
  changed: boolean
  err?: Error
}

export function calculatePatches(
  objects: readonly KubeObject[],
  change: (obj: KubeObject) => KubeObject,
): Patch[] {
  return objects.map((original) => {
    try {
      const modified = change(original)
      return { original, modified, changed: sortedJson(modified) !== sortedJson(original) }
    } catch (e) {
      return { original, changed: false, err: e instanceof Error ? e : new Error(String(e)) }
    }
  })
}
