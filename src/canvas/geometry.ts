// The shapes layout.ts hands to the drawing code: boxes in world units (px at zoom 1).
import type { Tier } from './sizes'

export interface Box {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

export interface Caption {
  readonly key: string
  readonly text: string
  readonly x: number
  readonly y: number
}

export interface SlotGeometry {
  readonly dns: Box
  readonly frame: Box
  readonly pod: Box
  /** One box per claim template, stacked; volumes likewise, under the claims. */
  readonly claims: readonly Box[]
  readonly volumes: readonly Box[]
}

export interface SetGeometry {
  readonly tier: Tier
  readonly bar: Box
  readonly slots: ReadonlyMap<string, SlotGeometry>
  /** Row captions in the left gutter (DNS, SLOT, CLAIM, VOLUME) for each row of slots. */
  readonly captions: readonly Caption[]
}

/** A Deployment: its bar, a labelled row of pods per ReplicaSet, and the claims they mount. */
export interface DeploymentGeometry {
  readonly bar: Box
  /** The label line of each ReplicaSet row, by ReplicaSet key. */
  readonly rows: ReadonlyMap<string, Box>
  readonly pods: ReadonlyMap<string, Box>
  readonly claims: ReadonlyMap<string, { readonly claim: Box; readonly volume?: Box }>
}

export interface Scene {
  readonly width: number
  readonly height: number
  /** The height of everything above the StorageClasses and nodes (what the view fits first). */
  readonly primaryHeight: number
  readonly services: ReadonlyMap<string, { readonly card: Box; readonly zone: Box }>
  readonly sets: ReadonlyMap<string, SetGeometry>
  readonly deployments: ReadonlyMap<string, DeploymentGeometry>
  readonly headings: readonly Caption[]
  readonly loosePods: ReadonlyMap<string, Box>
  readonly claims: ReadonlyMap<string, { readonly claim: Box; readonly volume?: Box }>
  readonly volumes: ReadonlyMap<string, Box>
  readonly storageClasses: ReadonlyMap<string, Box>
  readonly nodes: ReadonlyMap<string, Box>
  /** Where the "nothing applied yet" hint goes, when there is nothing of the user's to draw. */
  readonly hint?: Box
}

/** `count` boxes of w×h stacked downwards from (x, y), `gap` apart. */
export function stack(x: number, y: number, w: number, h: number, count: number, gap: number): Box[] {
  return Array.from({ length: count }, (_, i) => ({ x, y: y + i * (h + gap), w, h }))
}

export function center(b: Box): { x: number; y: number } {
  return { x: b.x + b.w / 2, y: b.y + b.h / 2 }
}
