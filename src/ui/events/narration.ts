// What the live region says between two snapshots: pods appearing, turning Ready (and so getting
// their DNS record), losing readiness, terminating and going away. Pure, so it is unit-tested;
// READY and STATUS come from the same printer `kubectl get pods` uses.
import { podTable } from '../../kubectl/printers/columns/pods'
import type { Pod, Service } from '../../sim/model'
import { t } from '../../i18n/i18n'
import { formatSimTime } from '../../i18n/formatTime'

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

/** Each snapshot's views, computed once: a snapshot is `next` in one call and `prev` in the next. */
const viewsOf = new WeakMap<NarrationInput, Map<string, PodView>>()

function views(s: NarrationInput): Map<string, PodView> {
  let found = viewsOf.get(s)
  if (!found) viewsOf.set(s, (found = computeViews(s)))
  return found
}

function computeViews(s: NarrationInput): Map<string, PodView> {
  const headless = new Set(
    s.services
      .filter((svc) => svc.spec.clusterIP === 'None')
      .map((svc) => `${svc.metadata.namespace}/${svc.metadata.name}`),
  )
  const services = [...headless].join(' ')
  const out = new Map<string, PodView>()
  for (const pod of s.pods) {
    let known = podViews.get(pod)
    if (known?.services !== services) podViews.set(pod, (known = { services, ...podView(pod, headless) }))
    out.set(known.key, known.view)
  }
  return out
}

/**
 * Each pod object's key and view, while the headless Services are the same: objects are
 * immutable, so only the pods that changed are printed again (thousands of pods, every frame).
 */
const podViews = new WeakMap<Pod, { services: string; key: string; view: PodView }>()

function podView(pod: Pod, headless: ReadonlySet<string>): { key: string; view: PodView } {
  // READY and STATUS do not depend on the moment (only AGE and RESTARTS' "ago" do).
  const [, ready = '0/0', status = ''] = podTable.row(pod, 0)
  const [have, want] = ready.split('/')
  const { hostname, subdomain } = pod.spec
  const governed = hostname && subdomain && headless.has(`${pod.metadata.namespace}/${subdomain}`)
  return {
    key: `${pod.metadata.namespace}/${pod.metadata.name}`,
    view: {
      uid: pod.metadata.uid,
      ready: status === 'Running' && have === want && want !== '0',
      status,
      record: governed ? `${hostname}.${subdomain}` : undefined,
    },
  }
}

const nameOf = (key: string) => key.slice(key.indexOf('/') + 1)

/** More changes than this at once (a jump forward) are summarised. */
const MAX_SENTENCES = 6

/** Sentences (in the page's language) describing what changed from `prev` to `next`, in the order pods are listed. */
export function narrate(prev: NarrationInput, next: NarrationInput): string[] {
  if (next.now < prev.now) return [t('narration.timeBack', { time: formatSimTime(next.now) })]
  // READY and STATUS change only with a write to the cluster.
  if (next.resourceVersion === prev.resourceVersion) return []
  const before = views(prev)
  const after = views(next)
  const said: string[] = []
  for (const [key, was] of before) {
    if (!after.has(key))
      said.push(
        was.ready && was.record
          ? t('narration.deletedRecord', { name: nameOf(key), record: was.record })
          : t('narration.deleted', { name: nameOf(key) }),
      )
  }
  for (const [key, now] of after) {
    const name = nameOf(key)
    const was = before.get(key)
    const same = was !== undefined && was.uid === now.uid
    if (!same) {
      const status = now.status
      if (was)
        said.push(
          status ? t('narration.recreatedStatus', { name, status }) : t('narration.recreated', { name }),
        )
      else
        said.push(status ? t('narration.createdStatus', { name, status }) : t('narration.created', { name }))
      if (!now.ready) continue
    }
    const wasReady = same && was.ready
    const record = now.record
    if (now.ready && !wasReady)
      said.push(record ? t('narration.readyRecord', { name, record }) : t('narration.ready', { name }))
    else if (wasReady && !now.ready) {
      const terminating = now.status === 'Terminating'
      if (record)
        said.push(
          t(terminating ? 'narration.terminatingRecord' : 'narration.notReadyRecord', { name, record }),
        )
      else said.push(t(terminating ? 'narration.terminating' : 'narration.notReady', { name }))
    } else if (same && was.status !== now.status && !ROUTINE.has(now.status))
      said.push(
        now.status === 'Terminating'
          ? t('narration.terminating', { name })
          : t('narration.status', { name, status: now.status }),
      )
  }
  if (said.length <= MAX_SENTENCES) return said
  const more = said.length - MAX_SENTENCES + 1
  return [...said.slice(0, MAX_SENTENCES - 1), t('narration.more', { count: more })]
}
