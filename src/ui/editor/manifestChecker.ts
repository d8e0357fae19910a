// Runs the editor's checks (src/manifest/check.ts) in a worker, one at a time: while one runs,
// only the newest request waits, and an answer to a request that has been superseded is dropped.
// Where workers are unavailable the checks run in the page.
import { t } from '../../i18n/i18n'
import { checkManifests, type ManifestCheck } from '../../manifest/check'
import type { ClusterView } from '../../manifest/cluster'
// oxlint-disable-next-line import/default -- Vite's ?worker modules default-export a Worker class
import CheckWorker from './manifestCheck.worker?worker'

export interface CheckRequest {
  id: number
  text: string
  /** Sent only when it changed since the last request. */
  cluster?: ClusterView
}

export type CheckResponse = { id: number; result: ManifestCheck } | { id: number; error: string }

type Listener = (check: ManifestCheck) => void

export class ManifestChecker {
  private worker: Worker | undefined
  private failed = false
  private lastId = 0
  private inFlight: number | undefined
  private waiting: CheckRequest | undefined
  private sentCluster: ClusterView | undefined
  private listener: Listener | undefined

  /** Checks `text` against `cluster`; `listener` hears the result unless a newer request came first. */
  request(text: string, cluster: ClusterView, listener: Listener): void {
    this.listener = listener
    const id = ++this.lastId
    const worker = this.ensureWorker()
    if (!worker) {
      listener(checkInPage(text, cluster))
      return
    }
    const request: CheckRequest = { id, text, ...(cluster !== this.sentCluster ? { cluster } : {}) }
    this.sentCluster = cluster
    if (this.inFlight === undefined) this.send(worker, request)
    else {
      // The waiting request may carry a cluster that was never sent: keep the newest one.
      const pendingCluster = request.cluster ?? this.waiting?.cluster
      this.waiting = { id, text, ...(pendingCluster ? { cluster: pendingCluster } : {}) }
    }
  }

  dispose(): void {
    this.worker?.terminate()
    this.worker = undefined
    this.listener = undefined
  }

  private send(worker: Worker, request: CheckRequest): void {
    this.inFlight = request.id
    worker.postMessage(request)
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker || this.failed) return this.worker
    try {
      const worker = new CheckWorker()
      worker.onmessage = (e: MessageEvent<CheckResponse>) => this.answered(worker, e.data)
      worker.onerror = (e) => {
        e.preventDefault()
        this.failed = true
        this.worker = undefined
        worker.terminate()
      }
      this.worker = worker
    } catch {
      this.failed = true
    }
    return this.worker
  }

  private answered(worker: Worker, response: CheckResponse): void {
    this.inFlight = undefined
    const next = this.waiting
    this.waiting = undefined
    if (next) this.send(worker, next)
    else if (response.id === this.lastId) {
      const result = 'result' in response ? response.result : failedCheck(response.error)
      this.listener?.(result)
    }
  }
}

function checkInPage(text: string, cluster: ClusterView): ManifestCheck {
  try {
    return checkManifests(text, { cluster })
  } catch (e) {
    return failedCheck(e instanceof Error ? e.message : String(e))
  }
}

/** The one problem shown when the checks themselves failed with `error` (ours, not kubectl's: translated). */
function failedCheck(error: string): ManifestCheck {
  const message = t('editor.problems.checkFailed', { error })
  return {
    diagnostics: [{ line: 1, column: 1, severity: 'error', message }],
    preview: { objects: [], statefulSets: [] },
  }
}
