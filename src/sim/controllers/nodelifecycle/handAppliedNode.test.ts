// A Node applied by hand (no kubelet behind it, no spec or status in the manifest) must not break
// the control plane: it is defaulted like Go's zero values and simply never becomes Ready.
import { expect, test } from 'vitest'
import type { Node } from '../../model'
import { TestCluster } from '../../testing/testCluster'

test('a hand-applied Node without spec or status is stored with empty ones and the engine keeps running', () => {
  const cluster = new TestCluster()
  cluster.apply('apiVersion: v1\nkind: Node\nmetadata:\n  name: node-9\n')
  expect(() => cluster.run(120_000)).not.toThrow()
  const node = cluster.api.get<Node>('Node', undefined, 'node-9')
  expect(node.spec).toBeDefined()
  expect(node.status).toBeDefined()
  expect(cluster.violations).toEqual([])
})
