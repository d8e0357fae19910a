// What the live region says between two snapshots: pods appearing, turning Ready (and so getting
// their DNS record), losing readiness, terminating and going away. Pure, so it is unit-tested;
// READY and STATUS come from the same printer `kubectl get pods` uses.
import { podTable } from '../../kubectl/printers/columns/pods'
import type { Pod, Service } from '../../sim/model'
import { formatSimTime } from '../controls/formatTime'

export interface NarrationInput {
  readonly now: number
  readonly resourceVersion: string
  readonly pods: readonly Pod[]
  readonly services: readonly Service[]
}

interface PodView {
  readonly uid: string
  readonly ready: boolean
  readonly status: string
  /** `web-1.nginx` when a headless Service gives the pod a DNS record while it is Ready. */
  readonly record?: string
}

/** Statuses on the normal way up, not worth a sentence of their own. */
const ROUTINE = new Set(['Pending', 'ContainerCreating', 'Running', 'PodInitializing'])

function views(s: NarrationInput): Map<string, PodView> {
  const headless = new Set(
    s.services
      .filter((svc) => svc.spec.clusterIP === 'None')
      .map((svc) => `${svc.metadata.namespace}/${svc.metadata.name}`),
  )
  const out = new Map<string, PodView>()
  for (const pod of s.pods) {
    const [, ready = '0/0', status = ''] = podTable.row(pod, s.now)
    const [have, want] = ready.split('/')
    const { hostname, subdomain } = pod.spec
    const governed = hostname && subdomain && headless.has(`${pod.metadata.namespace}/${subdomain}`)
    out.set(`${pod.metadata.namespace}/${pod.metadata.name}`, {
      uid: pod.metadata.uid,
      ready: status === 'Running' && have === want && want !== '0',
      status,
      record: governed ? `${hostname}.${subdomain}` : undefined,
    })
  }
  return out
}

const nameOf = (key: string) => key.slice(key.indexOf('/') + 1)

/** More changes than this at once (a jump forward) are summarised. */
const MAX_SENTENCES = 6

/** Sentences describing what changed from `prev` to `next`, in the order pods are listed. */
export function narrate(prev: NarrationInput, next: NarrationInput): string[] {
  if (next.now < prev.now) return [`Time moved back to ${formatSimTime(next.now)}.`]
  // READY and STATUS change only with a write to the cluster.
  if (next.resourceVersion === prev.resourceVersion) return []
  const before = views(prev)
  const after = views(next)
  const said: string[] = []
  for (const [key, was] of before) {
    if (!after.has(key))
      said.push(
        `${nameOf(key)} deleted${was.ready && was.record ? `; DNS record ${was.record} removed` : ''}.`,
      )
  }
  for (const [key, now] of after) {
    const name = nameOf(key)
    const was = before.get(key)
    const same = was !== undefined && was.uid === now.uid
    if (!same) {
      said.push(`${name} ${was ? 're' : ''}created${now.status ? ` (${now.status})` : ''}.`)
      if (!now.ready) continue
    }
    const wasReady = same && was.ready
    const record = (verb: string) => (now.record ? `; DNS record ${now.record} ${verb}` : '')
    if (now.ready && !wasReady) said.push(`${name} is Ready${record('added')}.`)
    else if (wasReady && !now.ready)
      said.push(
        `${name} ${now.status === 'Terminating' ? 'is terminating' : 'is not Ready'}${record('removed')}.`,
      )
    else if (same && was.status !== now.status && !ROUTINE.has(now.status))
      said.push(`${name} is ${now.status === 'Terminating' ? 'terminating' : now.status}.`)
  }
  if (said.length <= MAX_SENTENCES) return said
  const more = said.length - MAX_SENTENCES + 1
  return [...said.slice(0, MAX_SENTENCES - 1), `…and ${more} more changes.`]
}
