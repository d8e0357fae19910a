// The view model changes only when the cluster does or when a displayed age ticks over a second;
// the store publishes a new snapshot every frame while time plays. Snapshots share their
// (immutable) objects, so comparing references says exactly whether a redraw could differ.
// The model's words are in the page's language, so a switch makes a new model too.
import type { Language } from '../i18n/i18n'
import type { ClusterSnapshot } from '../state/clusterSession'
import type { CanvasModel } from './model'
import { viewModel } from './viewModel'

const LISTS = [
  'pods',
  'statefulSets',
  'controllerRevisions',
  'deployments',
  'replicaSets',
  'stoppedNodes',
  'services',
  'claims',
  'volumes',
  'storageClasses',
  'nodes',
  'endpointSlices',
  'events',
] as const

/** Whether two snapshots give the same view model: same second, same objects in every list. */
export function drawsAlike(a: ClusterSnapshot, b: ClusterSnapshot): boolean {
  if (Math.floor(a.now / 1000) !== Math.floor(b.now / 1000)) return false
  return LISTS.every((k) => {
    const x = a[k] as readonly unknown[]
    const y = b[k] as readonly unknown[]
    return x === y || (x.length === y.length && x.every((o, i) => o === y[i]))
  })
}

/** viewModel with a memory of one: the same model object back while snapshots draw alike in one language. */
export function createModelCache(): (snapshot: ClusterSnapshot, language: Language) => CanvasModel {
  let last: { snapshot: ClusterSnapshot; language: Language; model: CanvasModel } | undefined
  return (snapshot, language) => {
    if (!last || last.language !== language || !drawsAlike(last.snapshot, snapshot))
      last = { snapshot, language, model: viewModel(snapshot) }
    return last.model
  }
}

let shared: ((snapshot: ClusterSnapshot, language: Language) => CanvasModel) | undefined

/**
 * One cache for the page: the canvas and the cluster table draw the same model, and building it
 * twice per frame was a large share of a frame at 300 pods.
 */
export function sharedModel(snapshot: ClusterSnapshot, language: Language): CanvasModel {
  shared ??= createModelCache()
  return shared(snapshot, language)
}
