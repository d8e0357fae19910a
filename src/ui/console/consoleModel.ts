// Pure helpers behind the console: what a typed line becomes, the history ↑ walks back through,
// and the object names Tab can offer from the current snapshot.
import type { ClusterSnapshot, ConsoleLine } from '../../state/clusterSession'
import type { KubeObject } from '../../sim/model'

/** `get pods` → `kubectl get pods`; a line that already starts with kubectl is kept as typed. */
export function withKubectl(line: string): string {
  const trimmed = line.trim()
  return /^kubectl(\s|$)/.test(trimmed) ? trimmed : `kubectl ${trimmed}`
}

/** Commands typed so far, oldest first, without immediate repeats. */
export function commandHistory(lines: readonly ConsoleLine[]): string[] {
  const out: string[] = []
  for (const l of lines) if (l.stream === 'in' && l.text.trim() && out.at(-1) !== l.text) out.push(l.text)
  return out
}

const BY_KIND: Record<string, (s: ClusterSnapshot) => readonly KubeObject[]> = {
  Pod: (s) => s.pods,
  StatefulSet: (s) => s.statefulSets,
  Service: (s) => s.services,
  Endpoints: (s) => s.services,
  PersistentVolumeClaim: (s) => s.claims,
  PersistentVolume: (s) => s.volumes,
  StorageClass: (s) => s.storageClasses,
  Node: (s) => s.nodes,
  EndpointSlice: (s) => s.endpointSlices,
  Event: (s) => s.events,
}

/** Names of the objects of `kind` in the snapshot (every namespace; Ordinal's are in default). */
export function namesOf(snapshot: ClusterSnapshot, kind: string): string[] {
  const objects = BY_KIND[kind]?.(snapshot) ?? []
  return [...new Set(objects.map((o) => o.metadata.name))]
}
