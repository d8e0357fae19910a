// kubectl inside the headless runner's Session: scripts that also run in real bash. What is
// echoed, how here-documents feed `-f -`, `timeout`'s 124, `sleep` as simulated time, and that
// a failing command does not end the script.
import { describe, expect, test } from 'vitest'
import { Session } from '../runner/session'
import { buildTree, createMountedFileSystem } from '../sim/kubelet/filesystem'
import { WEB_YAML } from './testing/kubectlHarness'

function run(script: string): { transcript: string; status: number; session: Session } {
  const fs = createMountedFileSystem({
    root: { id: 'host', tree: buildTree({ '/work/web.yaml': WEB_YAML }) },
  })
  const chunks: string[] = []
  const session = new Session({ fs, cwd: '/work', write: (s) => chunks.push(s) })
  const status = session.runScript(script)
  return { transcript: chunks.join(''), status, session }
}

describe('a Session running kubectl', () => {
  test('a here-document is echoed by its first line only, and feeds kubectl apply -f -', () => {
    const { transcript, session } = run(`kubectl apply -f - <<EOF
apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
  selector:
    app: nginx
EOF
kubectl get svc nginx -o name
`)
    expect(transcript).toBe(
      '$ kubectl apply -f - <<EOF\nservice/nginx created\n$ kubectl get svc nginx -o name\nservice/nginx\n',
    )
    expect(session.sim.ctx.api.tryGet('Service', 'default', 'nginx')).toBeDefined()
  })

  test('a quoted here-document delimiter works the same', () => {
    const { transcript } = run(`kubectl apply -f - <<'YAML'
apiVersion: v1
kind: Service
metadata:
  name: plain
spec:
  clusterIP: None
YAML
`)
    expect(transcript).toBe("$ kubectl apply -f - <<'YAML'\nservice/plain created\n")
  })

  test('timeout 5 kubectl get pods -w stops the watch after 5 simulated seconds with status 124', () => {
    const { transcript, session } = run(`timeout 5 kubectl get pods -w
echo $?
`)
    expect(transcript).toBe('$ timeout 5 kubectl get pods -w\n$ echo $?\n124\n')
    expect(session.sim.now).toBeGreaterThanOrEqual(5000)
    expect(session.sim.now).toBeLessThan(6000)
  })

  test('timeout N kubectl get pods -w after an apply: watch rows whose columns only widen, then 124', () => {
    const { transcript } = run(`kubectl apply -f web.yaml
timeout 10 kubectl get pods -w
echo $?
`)
    const rows = transcript.split('$ timeout 10 kubectl get pods -w\n')[1]!.split('$ echo $?\n')
    expect(rows[1]).toBe('124\n')
    const lines = rows[0]!.trimEnd().split('\n')
    expect(lines[0]).toBe('NAME    READY   STATUS    RESTARTS   AGE')
    expect(lines.at(-1)).toMatch(/^web-1   1\/1     Running             0          \d+s$/)
    const ageAt = lines.map((l) => l.search(/\S+$/))
    for (let i = 1; i < ageAt.length; i++) expect(ageAt[i]).toBeGreaterThanOrEqual(ageAt[i - 1]!)
  })

  test('a blocking command that finishes before its timeout keeps its own status', () => {
    const { transcript } = run(`kubectl apply -f web.yaml
timeout 60 kubectl rollout status sts/web
echo $?
`)
    expect(
      transcript.endsWith('partitioned roll out complete: 2 new pods have been updated...\n$ echo $?\n0\n'),
    ).toBe(true)
  })

  test('kubectl wait --timeout inside a script: the timeout error and status 1', () => {
    const { transcript } = run(`kubectl apply -f web.yaml
sleep 1
kubectl wait --for=condition=Ready pod/web-0 --timeout=1s
echo $?
`)
    expect(transcript).toContain(
      '$ kubectl wait --for=condition=Ready pod/web-0 --timeout=1s\nerror: timed out waiting for the condition on pods/web-0\n$ echo $?\n1\n',
    )
  })

  test('sleep 10 advances simulated time by 10 s, as the AGE column shows', () => {
    const { transcript, session } = run(`kubectl apply -f web.yaml
kubectl get svc nginx
sleep 10
kubectl get svc nginx
`)
    const before = session.sim.now
    expect(transcript).toBe(
      '$ kubectl apply -f web.yaml\nservice/nginx created\nstatefulset.apps/web created\n' +
        '$ kubectl get svc nginx\nNAME    TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nnginx   ClusterIP   None         <none>        80/TCP    0s\n' +
        '$ sleep 10\n' +
        '$ kubectl get svc nginx\nNAME    TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nnginx   ClusterIP   None         <none>        80/TCP    10s\n',
    )
    expect(before).toBeGreaterThanOrEqual(10_000)
    expect(before).toBeLessThan(11_000)
  })

  test('comments and blank lines are not echoed; a trailing comment stays part of its command', () => {
    const { transcript } = run(`# StatefulSet Basics

# the Service first
kubectl get svc kubernetes -o name   # the API server's own Service

`)
    expect(transcript).toBe(
      "$ kubectl get svc kubernetes -o name   # the API server's own Service\nservice/kubernetes\n",
    )
  })

  test('a failing command does not stop the session; $? holds its status', () => {
    const { transcript, status } = run(`kubectl get nothing
echo "status $?"
kubectl get pod web-0
kubectl get svc kubernetes -o name
`)
    expect(transcript).toBe(
      '$ kubectl get nothing\nerror: the server doesn\'t have a resource type "nothing"\n$ echo "status $?"\nstatus 1\n' +
        '$ kubectl get pod web-0\nError from server (NotFound): pods "web-0" not found\n' +
        '$ kubectl get svc kubernetes -o name\nservice/kubernetes\n',
    )
    expect(status).toBe(0)
  })

  test('kubectl output goes through the shell: a pipe into a loop, command substitution', () => {
    const { transcript } = run(`kubectl apply -f web.yaml
timeout 60 kubectl rollout status sts/web > /dev/null
for p in $(kubectl get pods -o name); do echo "found $p"; done
`)
    expect(
      transcript.endsWith(
        '$ for p in $(kubectl get pods -o name); do echo "found $p"; done\nfound pod/web-0\nfound pod/web-1\n',
      ),
    ).toBe(true)
  })
})
