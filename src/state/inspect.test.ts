import { describe, expect, test } from 'vitest'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { ClusterSession } from './clusterSession'
import { inspect } from './inspect'

const webYaml = fs.readFileSync(path.join(import.meta.dirname, '../examples/web.yaml'), 'utf8')

describe('inspect', () => {
  const s = new ClusterSession(1)
  s.apply(webYaml)
  s.advanceTo(30_000)
  s.command(`kubectl exec web-0 -- sh -c 'echo "$(hostname)" > /usr/share/nginx/html/index.html'`)

  test('a pod: kubectl describe and YAML, owner, node, claim, and its DNS name', () => {
    const view = inspect(s.sim, { kind: 'Pod', namespace: 'default', name: 'web-0' })
    expect(view.describe).toMatch(/^Name:\s+web-0\n/)
    expect(view.yaml).toContain('statefulset.kubernetes.io/pod-name: web-0')
    expect(view.relations.map((r) => `${r.label} ${r.ref.kind} ${r.ref.name}`)).toEqual([
      'Owner StatefulSet web',
      'Node Node node-1',
      'Claim PersistentVolumeClaim www-web-0',
    ])
    expect(view.dnsNames).toEqual(['web-0.nginx.default.svc.cluster.local'])
  })

  test('a claim shows its volume, class, users and the files on the volume', () => {
    const view = inspect(s.sim, { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'www-web-0' })
    expect(view.relations.map((r) => r.label)).toEqual(['Volume', 'StorageClass', 'Used by'])
    expect(view.files).toEqual([{ path: '/index.html', content: 'web-0\n' }])
  })

  test('an object that is gone says so', () => {
    const view = inspect(s.sim, { kind: 'Pod', namespace: 'default', name: 'web-9' })
    expect(view.exists).toBe(false)
    expect(view.describe).toBe('Error from server (NotFound): pods "web-9" not found\n')
  })
})
