// The editor's checks, kept off the keystroke path and off the main thread: the text is validated
// and previewed in a worker (manifestChecker.ts) a moment after typing stops, against the live
// cluster's objects (re-checked when one of them changes, at most twice a second while the
// cluster is busy). Until the first answer the text counts as unchecked: no problems, no preview.
import { useEffect, useMemo, useRef, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { KubeObject } from '../../sim/model'
import type { ClusterView } from '../../manifest/cluster'
import type { ManifestCheck } from '../../manifest/check'
import { useApp } from '../../state/store'
import { ManifestChecker } from './manifestChecker'

const DEBOUNCE_MS = 250
const CLUSTER_THROTTLE_MS = 500

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return settled
}

/** The latest value at most once per `ms`: a stream of changes is sampled, not postponed. */
function useThrottled<T>(value: T, ms: number): T {
  const [sampled, setSampled] = useState(value)
  const last = useRef(0)
  useEffect(() => {
    const wait = Math.max(0, last.current + ms - performance.now())
    const timer = setTimeout(() => {
      last.current = performance.now()
      setSampled(value)
    }, wait)
    return () => clearTimeout(timer)
  }, [value, ms])
  return sampled
}

/** The live objects the checks read, as one flat list (re-renders only when one changes). */
function useClusterObjects(): readonly KubeObject[] {
  return useApp(
    useShallow((s) => {
      const snap = s.snapshot
      // Pods a controller owns are the StatefulSet's business; only standalone ones can be applied.
      const standalonePods = snap.pods.filter((p) => !p.metadata.ownerReferences?.length)
      return [
        ...snap.services,
        ...snap.statefulSets,
        ...snap.claims,
        ...snap.volumes,
        ...snap.storageClasses,
        ...standalonePods,
      ] as KubeObject[]
    }),
  )
}

function viewOf(objects: readonly KubeObject[]): ClusterView {
  const of = <T extends KubeObject>(kind: string) => objects.filter((o) => o.kind === kind) as T[]
  return {
    services: of('Service'),
    statefulSets: of('StatefulSet'),
    claims: of('PersistentVolumeClaim'),
    volumes: of('PersistentVolume'),
    storageClasses: of('StorageClass'),
    pods: of('Pod'),
  }
}

const UNCHECKED: ManifestCheck = { diagnostics: [], preview: { objects: [], statefulSets: [] } }

export interface EditorCheck extends ManifestCheck {
  /** The text shown differs from the one the diagnostics are about (an answer is on its way). */
  checking: boolean
}

export function useManifestCheck(text: string): EditorCheck {
  const settled = useDebounced(text, DEBOUNCE_MS)
  const objects = useThrottled(useClusterObjects(), CLUSTER_THROTTLE_MS)
  const cluster = useMemo(() => viewOf(objects), [objects])
  const [check, setCheck] = useState<{ text: string | undefined; result: ManifestCheck }>({
    text: undefined,
    result: UNCHECKED,
  })
  const checker = useRef<ManifestChecker | null>(null)
  useEffect(() => {
    const c = new ManifestChecker()
    checker.current = c
    return () => {
      c.dispose()
      checker.current = null
    }
  }, [])
  useEffect(() => {
    checker.current?.request(settled, cluster, (result) => setCheck({ text: settled, result }))
  }, [settled, cluster])
  return { ...check.result, checking: check.text !== text }
}
