// pkg/controller/controller_utils.go ComputeHash: the pod-template-hash that names a
// Deployment's ReplicaSets — FNV-32a over the template, then the collision count as 8 bytes
// (little-endian uint32, zero-padded) when the Deployment has one, then SafeEncodeString of the
// decimal sum. Simplified: the template is hashed as JSON with sorted keys, not as Go's
// DeepHashObject (spew) dump, so the strings differ from a real cluster's; equal templates still
// hash equally and any change gives a new name.
import type { PodTemplateSpec } from '../../model'
import { safeEncodeString } from '../statefulset/revisions'

/** FNV-1a 32-bit (Go's hash/fnv New32a): xor, then multiply. */
export function fnv1a32(bytes: Iterable<number>, seed = 0x811c9dc5): number {
  let hash = seed
  for (const b of bytes) hash = Math.imul((hash ^ b) >>> 0, 0x01000193) >>> 0
  return hash
}

/** JSON with object keys sorted, so equal templates give equal text whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** UTF-8 bytes of a string (the engine has no TextEncoder: it runs without DOM or Node types). */
function* utf8(text: string): Generator<number> {
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    if (cp < 0x80) yield cp
    else if (cp < 0x800) yield* [0xc0 | (cp >> 6), 0x80 | (cp & 63)]
    else if (cp < 0x10000) yield* [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)]
    else yield* [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)]
  }
}

/** ComputeHash(template, collisionCount). */
export function computeHash(template: PodTemplateSpec, collisionCount?: number): string {
  let hash = fnv1a32(utf8(canonicalJson(template)))
  if (collisionCount !== undefined && collisionCount !== null) {
    const n = collisionCount >>> 0
    hash = fnv1a32([n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24, 0, 0, 0, 0], hash)
  }
  return safeEncodeString(String(hash))
}
