// `docker pause` / `docker unpause` in session scripts: the node failure of a kind cluster.
import { describe, expect, test } from 'vitest'
import { Session } from './session'
import { buildTree, createMountedFileSystem } from '../sim/kubelet/filesystem'
import { WEB_YAML } from '../kubectl/testing/kubectlHarness'

function run(script: string): string {
  const fs = createMountedFileSystem({
    root: { id: 'host', tree: buildTree({ '/work/web.yaml': WEB_YAML }) },
  })
  const chunks: string[] = []
  new Session({ fs, cwd: '/work', write: (s) => chunks.push(s) }).runScript(script)
  return chunks.join('')
}

describe('docker pause / unpause', () => {
  test('pausing a node makes it NotReady; unpausing brings it back', () => {
    const transcript = run(`docker pause node-2
sleep 70
kubectl get node node-2
docker unpause node-2
sleep 10
kubectl get node node-2
`)
    expect(transcript).toBe(
      [
        '$ docker pause node-2',
        'node-2',
        '$ sleep 70',
        '$ kubectl get node node-2',
        'NAME     STATUS     ROLES    AGE    VERSION',
        'node-2   NotReady   <none>   3h1m   v1.34.0',
        '$ docker unpause node-2',
        'node-2',
        '$ sleep 10',
        '$ kubectl get node node-2',
        'NAME     STATUS   ROLES    AGE    VERSION',
        'node-2   Ready    <none>   3h1m   v1.34.0',
        '',
      ].join('\n'),
    )
  })

  test('docker’s errors', () => {
    expect(run('docker pause node-9\ndocker unpause node-1\ndocker ps\n')).toBe(
      [
        '$ docker pause node-9',
        'Error response from daemon: No such container: node-9',
        '$ docker unpause node-1',
        'Error response from daemon: Container node-1 is not paused',
        '$ docker ps',
        "docker: 'ps' is not a docker command (Ordinal simulates pause and unpause).",
        '',
      ].join('\n'),
    )
  })
})
