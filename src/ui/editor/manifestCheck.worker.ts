// The editor's checks off the main thread: parsing and validating a large paste (up to Ordinal's
// 1 MB limit) takes a second or more, which must not freeze the page. Receives the text and, when
// it changed, the cluster view; answers with the diagnostics and the preview (check.ts).
import { checkManifests } from '../../manifest/check'
import type { ClusterView } from '../../manifest/cluster'
import type { CheckRequest, CheckResponse } from './manifestChecker'

let cluster: ClusterView | undefined

globalThis.addEventListener('message', (e: MessageEvent<CheckRequest>) => {
  const { id, text } = e.data
  if (e.data.cluster) cluster = e.data.cluster
  let response: CheckResponse
  try {
    response = { id, result: checkManifests(text, cluster ? { cluster } : {}) }
  } catch (error) {
    response = { id, error: error instanceof Error ? error.message : String(error) }
  }
  globalThis.postMessage(response)
})
