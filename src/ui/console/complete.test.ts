import { describe, expect, test } from 'vitest'
import { KUBECTL_VERBS } from '../../kubectl/kubectl'
import { complete, type CompletionSource } from './complete'

const NAMES: Record<string, string[]> = {
  Pod: ['web-0', 'web-1', 'db-0'],
  StatefulSet: ['web', 'db'],
  PersistentVolumeClaim: ['www-web-0', 'www-web-1'],
  Node: ['node-1', 'node-2', 'node-3'],
}
const src: CompletionSource = { verbs: KUBECTL_VERBS, names: (kind) => NAMES[kind] ?? [] }

describe('complete', () => {
  test('a unique verb is completed with a space after it', () => {
    expect(complete('desc', src)).toEqual({ line: 'describe ', candidates: [] })
    expect(complete('kubectl sc', src)).toEqual({ line: 'kubectl scale ', candidates: [] })
  })

  test('an ambiguous prefix extends to the common part and lists the choices', () => {
    expect(complete('de', src)).toEqual({ line: 'de', candidates: ['delete', 'describe'] })
    expect(complete('kubectl ro', src)).toEqual({ line: 'kubectl rollout ', candidates: [] })
  })

  test('verbs sharing a prefix are offered together', () => {
    const c = complete('', src)
    expect(c.candidates).toEqual([...KUBECTL_VERBS].sort())
    expect(complete('r', src).candidates).toEqual(['rollout', 'run'])
  })

  test('the word after a typed verb is a resource type', () => {
    expect(complete('get statefuls', src).line).toBe('get statefulsets ')
    expect(complete('get persistentvolume', src)).toEqual({
      line: 'get persistentvolume',
      candidates: ['persistentvolumeclaims', 'persistentvolumes'],
    })
  })

  test('names follow the type, whatever alias was typed', () => {
    expect(complete('delete pod web-', src)).toEqual({
      line: 'delete pod web-',
      candidates: ['web-0', 'web-1'],
    })
    expect(complete('describe sts d', src).line).toBe('describe sts db ')
    expect(complete('get pvc www-web-1', src).line).toBe('get pvc www-web-1 ')
  })

  test('type/name is completed as one word', () => {
    expect(complete('scale sts/w', src).line).toBe('scale sts/web ')
    expect(complete('rollout status statefulset/', src).candidates).toEqual([
      'statefulset/db',
      'statefulset/web',
    ])
  })

  test('rollout and set complete their subcommands, then the resource', () => {
    expect(complete('rollout h', src).line).toBe('rollout history ')
    expect(complete('rollout re', src).candidates).toEqual(['restart', 'resume'])
    expect(complete('rollout undo sts/w', src).line).toBe('rollout undo sts/web ')
    expect(complete('set i', src).line).toBe('set image ')
    expect(complete('set image statefulset/d', src).line).toBe('set image statefulset/db ')
  })

  test('logs and exec take a pod name directly', () => {
    expect(complete('logs db', src).line).toBe('logs db-0 ')
    expect(complete('exec -it web-1', src).line).toBe('exec -it web-1 ')
  })

  test('flags and their values', () => {
    expect(complete('get pods -o w', src).line).toBe('get pods -o wide ')
    expect(complete('scale sts web --rep', src).line).toBe('scale sts web --replicas=')
    expect(complete('get pods --wa', src).line).toBe('get pods --watch ')
    expect(complete('get -n default po', src).line).toBe('get -n default pods ')
  })

  test('a comma-separated list of types completes the last one', () => {
    expect(complete('get pods,persistentvolumec', src).line).toBe('get pods,persistentvolumeclaims ')
  })

  test('nothing matches, nothing changes', () => {
    expect(complete('get pods zzz', src)).toEqual({ line: 'get pods zzz', candidates: [] })
    expect(complete('frobnicate x', src)).toEqual({ line: 'frobnicate x', candidates: [] })
  })
})
