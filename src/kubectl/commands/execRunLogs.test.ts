// kubectl exec, run and logs against the running web StatefulSet (13.14): what the container
// prints, how exit codes and failures reach the terminal, and busybox 1.28's nslookup (D-TUT).
import { describe, expect, test } from 'vitest'
import type { Pod } from '../../sim/model'
import { KubectlHarness, WEB_YAML } from '../testing/kubectlHarness'

function runningWeb(): KubectlHarness {
  const k = new KubectlHarness({ files: { 'web.yaml': WEB_YAML } })
  k.kubectl('apply -f web.yaml')
  k.settle()
  return k
}

const podIP = (k: KubectlHarness, name: string) =>
  k.sim.ctx.api.get<Pod>('Pod', 'default', name).status.podIP!

describe('kubectl exec', () => {
  test("relays the command's output: each pod's hostname is its name", () => {
    const k = runningWeb()
    expect(k.kubectl('exec web-0 -- hostname')).toEqual({
      stdout: 'web-0\n',
      stderr: '',
      output: 'web-0\n',
      exitCode: 0,
    })
    expect(k.kubectl(`exec web-1 -- sh -c 'hostname'`).stdout).toBe('web-1\n')
  })

  test('a non-zero exit prints "command terminated with exit code N" (no error: prefix) and exits N', () => {
    const k = runningWeb()
    expect(k.kubectl(`exec web-0 -- sh -c 'echo out; echo err >&2; exit 3'`)).toEqual({
      stdout: 'out\n',
      stderr: 'err\ncommand terminated with exit code 3\n',
      output: 'out\nerr\ncommand terminated with exit code 3\n',
      exitCode: 3,
    })
    expect(k.kubectl('exec web-0 -- ls /nonexistent')).toMatchObject({
      stderr:
        "ls: cannot access '/nonexistent': No such file or directory\ncommand terminated with exit code 2\n",
      exitCode: 2,
    })
  })

  test('a program the image does not have fails to start: the OCI runtime error, exit 1', () => {
    const k = runningWeb()
    const r = k.kubectl('exec web-0 -- nosuch')
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(
      /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "nosuch": executable file not found in \$PATH: unknown\n$/,
    )
    expect(r.exitCode).toBe(1)
  })

  test('a pod that does not exist is NotFound', () => {
    expect(runningWeb().kubectl('exec nope -- hostname')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      output: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    })
  })

  test("a container that is not running yet cannot be exec'd into", () => {
    const k = new KubectlHarness({ files: { 'web.yaml': WEB_YAML } })
    k.kubectl('apply -f web.yaml')
    k.advanceUntil(() => k.sim.ctx.api.tryGet('Pod', 'default', 'web-0') !== undefined)
    expect(k.kubectl('exec web-0 -- hostname')).toMatchObject({
      stderr: 'error: unable to upgrade connection: container not found ("nginx")\n',
      exitCode: 1,
    })
  })

  test('-it from a script warns that stdin is not a terminal, then runs', () => {
    const k = runningWeb()
    expect(k.kubectl('exec -it web-0 -- hostname')).toMatchObject({
      output: 'Unable to use a TTY - input is not a terminal or the right kind of file\nweb-0\n',
      exitCode: 0,
    })
    expect(k.kubectl('exec -it web-0 -- hostname', { terminal: true }).output).toBe('web-0\n')
  })

  test('-c names a container the pod does not have', () => {
    expect(runningWeb().kubectl('exec web-0 -c nope -- hostname').stderr).toBe(
      'Error from server (BadRequest): container nope is not valid for pod web-0\n',
    )
  })

  test('no command at all', () => {
    expect(runningWeb().kubectl('exec web-0').stderr).toBe(
      'error: you must specify at least one command for the container\n',
    )
  })

  // kubectl ≥ 1.31 no longer accepts the command without `--` (observed on current clusters,
  // and a kubectl 1.32 client prints these two lines without contacting a server).
  test('the command without -- is refused with the usage hint', () => {
    expect(runningWeb().kubectl('exec web-0 hostname')).toMatchObject({
      stdout: '',
      stderr:
        'error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\n' +
        "See 'kubectl exec -h' for help and examples\n",
      exitCode: 1,
    })
  })
})

describe('kubectl run', () => {
  test("--rm -i --restart=Never busybox:1.28 nslookup web-0.nginx prints busybox's answer, then the delete line", () => {
    const k = runningWeb()
    const r = k.kubectl('run -i --rm --restart=Never --image busybox:1.28 dns-test -- nslookup web-0.nginx')
    expect(r.stdout).toBe(
      'Server:    10.96.0.10\n' +
        'Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n' +
        '\n' +
        'Name:      web-0.nginx\n' +
        `Address 1: ${podIP(k, 'web-0')} web-0.nginx.default.svc.cluster.local\n` +
        'pod "dns-test" deleted from default namespace\n',
    )
    expect(r.stderr).toBe('')
    expect(r.exitCode).toBe(0)
    expect(r.ended).toBe('done')
    expect(k.sim.ctx.api.tryGet('Pod', 'default', 'dns-test')).toBeUndefined()
  })

  test("the same with --flag=value spellings; the second pod's record", () => {
    const k = runningWeb()
    expect(
      k.kubectl('run --rm -i --restart=Never --image=busybox:1.28 dns-test -- nslookup web-1.nginx').stdout,
    ).toContain(
      `Name:      web-1.nginx\nAddress 1: ${podIP(k, 'web-1')} web-1.nginx.default.svc.cluster.local\n`,
    )
  })

  // `kubectl run --rm -i --restart=Never busybox:1.28 -- nslookup …` takes busybox:1.28 for the
  // pod NAME; run.go marks --image required, so cobra refuses before anything happens.
  test('without --image cobra reports the required flag', () => {
    expect(
      runningWeb().kubectl('run --rm -i --restart=Never busybox:1.28 -- nslookup web-0.nginx'),
    ).toMatchObject({
      stdout: '',
      stderr: 'error: required flag(s) "image" not set\n',
      exitCode: 1,
    })
  })

  test('without --image nothing is created', () => {
    const k = runningWeb()
    expect(k.kubectl('run --rm -i --restart=Never busybox:1.28 -- nslookup web-0.nginx').exitCode).toBe(1)
    expect(k.sim.ctx.api.list('Pod', 'default').map((p) => p.metadata.name)).toEqual(['web-0', 'web-1'])
  })

  test('without -i prints pod/NAME created and returns at once; the pod carries run=NAME', () => {
    const k = runningWeb()
    const r = k.kubectl('run sleeper --image=busybox:1.28 --restart=Never -- sleep 3600')
    expect(r).toEqual({
      stdout: 'pod/sleeper created\n',
      stderr: '',
      output: 'pod/sleeper created\n',
      exitCode: 0,
    })
    expect(k.sim.ctx.api.get<Pod>('Pod', 'default', 'sleeper').metadata.labels).toEqual({ run: 'sleeper' })
  })

  test('without --rm the completed pod stays, and logs prints what it wrote', () => {
    const k = runningWeb()
    const run = k.kubectl('run -i --restart=Never --image=busybox:1.28 dns -- nslookup web-1.nginx')
    expect(k.kubectl('logs dns').stdout).toBe(run.stdout)
    expect(k.kubectl('get pod dns').stdout).toMatch(
      /^NAME   READY   STATUS      RESTARTS   AGE\ndns    0\/1     Completed   0          \d+s\n$/,
    )
  })

  test("a failing container: its output, then kubectl exits with the container's code", () => {
    const k = runningWeb()
    const r = k.kubectl('run -i --rm --restart=Never --image=busybox:1.28 lookup -- nslookup nope.nginx')
    expect(r.stdout).toBe(
      'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n' +
        "nslookup: can't resolve 'nope.nginx'\n" +
        'pod "lookup" deleted from default namespace\n',
    )
    expect(r.exitCode).toBe(1)
  })

  // run.go returns uexec.CodeExitError{"pod %s/%s terminated (%s)\n%s"} after its deferred --rm
  // delete has printed; CheckErr prints an ExitError as is (no "error: "), and the message already
  // ends in a newline when the termination message is empty.
  test('a failing container: the delete line, then "pod NS/NAME terminated (Error)"', () => {
    const k = runningWeb()
    const r = k.kubectl(`run -i --rm --restart=Never --image=busybox:1.28 fail -- sh -c 'exit 2'`)
    expect(r.output).toBe('pod "fail" deleted from default namespace\npod default/fail terminated (Error)\n')
    expect(r.exitCode).toBe(2)
  })

  test('--rm without -i or --attach is refused', () => {
    expect(runningWeb().kubectl('run x --image=busybox:1.28 --rm').stderr).toMatch(
      /^error: --rm should only be used for attached containers\n/,
    )
  })

  // UsageErrorf adds "See 'kubectl run -h' for help and examples" (kubectl 1.32 client).
  test('--rm without -i carries the usage hint', () => {
    expect(runningWeb().kubectl('run x --image=busybox:1.28 --rm').stderr).toBe(
      "error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n",
    )
  })

  // run.go: `-i/--stdin is required for containers with -t/--tty=true` (UsageErrorf).
  test('-t without -i is refused', () => {
    expect(runningWeb().kubectl('run x --image=busybox:1.28 -t')).toMatchObject({
      stderr:
        "error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples\n",
      exitCode: 1,
    })
  })
})

describe('kubectl logs', () => {
  test('a container that has not started is waiting to start', () => {
    const k = runningWeb()
    k.kubectl('run sleeper --image=busybox:1.28 --restart=Never -- sleep 3600')
    expect(k.kubectl('logs sleeper')).toMatchObject({
      stderr:
        'Error from server (BadRequest): container "sleeper" in pod "sleeper" is waiting to start: ContainerCreating\n',
      exitCode: 1,
    })
  })

  test('--tail=N keeps the last N lines', () => {
    const k = runningWeb()
    k.kubectl(`run -i --restart=Never --image=busybox:1.28 lines -- sh -c 'echo one; echo two; echo three'`)
    expect(k.kubectl('logs lines').stdout).toBe('one\ntwo\nthree\n')
    expect(k.kubectl('logs lines --tail=2').stdout).toBe('two\nthree\n')
    expect(k.kubectl('logs pod/lines --tail=1').stdout).toBe('three\n')
  })

  test('a pod that does not exist is NotFound', () => {
    expect(runningWeb().kubectl('logs nope')).toMatchObject({
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    })
  })

  test('no pod named', () => {
    expect(runningWeb().kubectl('logs').stderr).toMatch(
      /^error: expected 'logs \[-f\] \[-p\] \(POD \| TYPE\/NAME\) \[-c CONTAINER\]'\.\nPOD or TYPE\/NAME is a required argument for the logs command\n/,
    )
  })

  // logs.go returns UsageErrorf, so a third line follows (kubectl 1.32 client).
  test('no pod named: the usage hint follows', () => {
    expect(runningWeb().kubectl('logs').stderr).toBe(
      "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
    )
  })
})
