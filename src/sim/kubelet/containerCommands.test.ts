import { describe, expect, it } from 'vitest'
import type { Command } from '../../shell/command'
import { runShellSource } from '../../shell/interpreter'
import { nginxResponse } from '../../shell/userland/nginx'
import {
  commandsForImage,
  execInContainer,
  imageRootTree,
  nginxVersionFor,
  startInteractiveShell,
  type ContainerHost,
  type ImageProfile,
} from './containerCommands'
import { buildTree, createMountedFileSystem, type MountedFileSystem, type Tree } from './filesystem'

const NGINX_SLIM = 'registry.k8s.io/nginx-slim:0.7'
const DNS_ANSWER =
  'Server:    10.0.0.10\nAddress 1: 10.0.0.10 kube-dns.kube-system.svc.cluster.local\n\nName:      web-0.nginx\nAddress 1: 10.244.1.6\n'

interface Pod {
  readonly host: ContainerHost
  readonly fs: MountedFileSystem
  readonly profile: ImageProfile
  readonly volumes: Map<string, Tree>
}

/** A pod of the tutorial's StatefulSet: nginx-slim with its `www` claim mounted at the document root. */
function webPod(ordinal: number, volumes = new Map<string, Tree>(), image = NGINX_SLIM, tty = true): Pod {
  const name = `web-${ordinal}`
  const profile = commandsForImage(image)
  const pv = `pvc-www-${name}`
  const root = imageRootTree(profile, {
    hostname: name,
    hosts: `10.244.${ordinal + 1}.6\t${name}.nginx.default.svc.cluster.local\t${name}\n`,
    resolvConf: 'nameserver 10.0.0.10\n',
  })
  const fs = createMountedFileSystem({
    root: { id: `${name}-container`, tree: root },
    mounts: [{ id: pv, path: '/usr/share/nginx/html', tree: volumes.get(pv) ?? buildTree({}) }],
    onChange: (id, tree) => {
      if (id === pv) volumes.set(id, tree)
    },
  })
  const host: ContainerHost = {
    hostname: name,
    fqdn: `${name}.nginx.default.svc.cluster.local`,
    podIP: `10.244.${ordinal + 1}.6`,
    env: {
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      HOSTNAME: name,
      HOME: '/root',
    },
    resolver: {
      nslookup: (args) =>
        args[0] === 'web-0.nginx'
          ? { stdout: DNS_ANSWER, stderr: '', exitCode: 0 }
          : { stdout: '', stderr: `nslookup: can't resolve '${args[0]}'\n`, exitCode: 1 },
    },
    http: (request) => {
      if (request.host !== 'localhost') return { kind: 'unresolved' }
      if (request.port !== 80) return { kind: 'refused', address: '127.0.0.1' }
      return {
        kind: 'response',
        address: '127.0.0.1',
        ...nginxResponse(fs, request.path, profile.nginxVersion!),
      }
    },
    tty,
  }
  return { host, fs, profile, volumes }
}

const exec = (pod: Pod, argv: string[]) => execInContainer(argv, pod.host, pod.fs, pod.profile)

const FORBIDDEN_1_11 =
  '<html>\r\n<head><title>403 Forbidden</title></head>\r\n<body bgcolor="white">\r\n<center><h1>403 Forbidden</h1></center>\r\n<hr><center>nginx/1.11.1</center>\r\n</body>\r\n</html>\r\n'

describe('the StatefulSet tutorial inside the pods', () => {
  it('prints the pod’s hostname from sh -c', () => {
    expect(exec(webPod(0), ['sh', '-c', 'hostname'])).toEqual({
      stdout: 'web-0\n',
      stderr: '',
      exitCode: 0,
      startFailed: false,
      sleptSeconds: 0,
    })
  })

  it('serves nginx’s 403 page before index.html exists on the fresh volume', () => {
    expect(exec(webPod(0), ['curl', 'http://localhost/'])).toMatchObject({
      stdout: FORBIDDEN_1_11,
      stderr: '',
      exitCode: 0,
    })
  })

  it('writes the hostname to index.html on the volume and then serves it', () => {
    const pod = webPod(0)
    expect(exec(pod, ['sh', '-c', 'echo "$(hostname)" > /usr/share/nginx/html/index.html'])).toMatchObject({
      stdout: '',
      stderr: '',
      exitCode: 0,
    })
    expect(exec(pod, ['curl', 'http://localhost/']).stdout).toBe('web-0\n')
  })

  it('keeps serving the hostname from a new pod that mounts the same volume', () => {
    const volumes = new Map<string, Tree>()
    exec(webPod(1, volumes), ['sh', '-c', 'echo $(hostname) > /usr/share/nginx/html/index.html'])
    const recreated = webPod(1, volumes)
    expect(exec(recreated, ['curl', 'http://localhost/']).stdout).toBe('web-1\n')
  })

  it('runs the tutorial’s loops from a runner script through a kubectl exec program', () => {
    const pods = new Map([0, 1].map((i) => [`web-${i}`, webPod(i)]))
    const kubectl: Command = (argv, io) => {
      const pod = pods.get(argv[argv.indexOf('--') - 1]!)!
      const result = exec(pod, argv.slice(argv.indexOf('--') + 1))
      io.stdout(result.stdout)
      io.stderr(result.stderr)
      return result.exitCode
    }
    const script = [
      `for i in 0 1; do kubectl exec "web-$i" -- sh -c 'hostname'; done`,
      `for i in 0 1; do kubectl exec "web-$i" -- sh -c 'echo "$(hostname)" > /usr/share/nginx/html/index.html'; done`,
      'for i in 0 1; do kubectl exec -i -t "web-$i" -- curl http://localhost/; done',
    ].join('\n')
    const result = runShellSource(script, {
      commands: { kubectl },
      fs: createMountedFileSystem({ root: { id: 'runner', tree: buildTree({}) } }),
    })
    expect(result).toMatchObject({ stdout: 'web-0\nweb-1\nweb-0\nweb-1\n', stderr: '', exitCode: 0 })
  })

  it('lets chmod 755 repair a volume root nginx could not read', () => {
    const pod = webPod(0)
    exec(pod, ['sh', '-c', 'echo web-0 > /usr/share/nginx/html/index.html; chmod 700 /usr/share/nginx/html'])
    expect(exec(pod, ['curl', 'http://localhost/']).stdout).toBe(FORBIDDEN_1_11)
    expect(exec(pod, ['chmod', '755', '/usr/share/nginx/html']).exitCode).toBe(0)
    expect(exec(pod, ['curl', 'http://localhost/']).stdout).toBe('web-0\n')
  })

  it('answers nslookup in the busybox dns-test pod through the cluster resolver', () => {
    const pod = webPod(0, new Map(), 'busybox:1.28')
    expect(exec(pod, ['nslookup', 'web-0.nginx'])).toMatchObject({ stdout: DNS_ANSWER, exitCode: 0 })
    expect(exec(pod, ['nslookup', 'web-9.nginx'])).toMatchObject({
      stderr: "nslookup: can't resolve 'web-9.nginx'\n",
      exitCode: 1,
    })
  })
})

describe('execInContainer', () => {
  it('reports a program the image lacks with the runtime error kubectl prints', () => {
    const result = execInContainer(
      ['nslookup', 'web-0.nginx'],
      webPod(0).host,
      webPod(0).fs,
      commandsForImage(NGINX_SLIM),
      { execId: 'f'.repeat(64) },
    )
    expect(result).toEqual({
      stdout: '',
      stderr: `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${'f'.repeat(64)}": OCI runtime exec failed: exec failed: unable to start container process: exec: "nslookup": executable file not found in $PATH: unknown\n`,
      exitCode: 1,
      startFailed: true,
      sleptSeconds: 0,
    })
  })

  it('treats shell builtins as missing executables, because exec runs no shell', () => {
    expect(exec(webPod(0), ['cd', '/tmp'])).toMatchObject({ startFailed: true })
    expect(exec(webPod(0), ['cd', '/tmp']).stderr).toContain(
      'exec: "cd": executable file not found in $PATH: unknown',
    )
  })

  it('reports a missing absolute path with stat’s error, and finds applets by path', () => {
    expect(exec(webPod(0), ['/bin/nope']).stderr).toContain(
      'exec: "/bin/nope": stat /bin/nope: no such file or directory: unknown',
    )
    expect(exec(webPod(0), ['/bin/hostname']).stdout).toBe('web-0\n')
  })

  it('derives the same exec id from the same command when none is given', () => {
    const a = exec(webPod(0), ['nope']).stderr
    expect(exec(webPod(0), ['nope']).stderr).toBe(a)
    expect(a).toMatch(/failed to start exec "[0-9a-f]{64}"/)
  })

  it('uses dash’s messages in Debian images and ash’s in busybox', () => {
    expect(exec(webPod(0), ['sh', '-c', 'foo'])).toMatchObject({
      stderr: 'sh: 1: foo: not found\n',
      exitCode: 127,
    })
    expect(exec(webPod(0, new Map(), 'busybox:1.28'), ['sh', '-c', 'foo'])).toMatchObject({
      stderr: 'sh: foo: not found\n',
      exitCode: 127,
    })
    expect(exec(webPod(0), ['bash', '-c', 'foo']).stderr).toBe('bash: line 1: foo: command not found\n')
  })

  it('prints the FQDN for hostname -f in both flavours; busybox has no --fqdn', () => {
    expect(exec(webPod(0), ['hostname', '--fqdn']).stdout).toBe('web-0.nginx.default.svc.cluster.local\n')
    const busybox = webPod(0, new Map(), 'busybox:1.28')
    expect(exec(busybox, ['hostname', '-f']).stdout).toBe('web-0.nginx.default.svc.cluster.local\n')
    expect(exec(busybox, ['hostname', '--fqdn'])).toMatchObject({
      exitCode: 1,
      stderr: expect.stringMatching(/^hostname: unrecognized option '--fqdn'\nBusyBox v1\.28\.4/),
    })
    expect(exec(webPod(0), ['hostname', '-i']).stdout).toBe('10.244.1.6\n')
    expect(exec(webPod(0), ['hostname', '-d']).stdout).toBe('nginx.default.svc.cluster.local\n')
  })

  it('refuses to change the hostname, as a container without CAP_SYS_ADMIN does', () => {
    expect(exec(webPod(0), ['hostname', 'other'])).toMatchObject({
      exitCode: 1,
      stderr: 'hostname: you must be root to change the host name\n',
    })
  })

  it('prints the container environment with env, and runs a program with changes', () => {
    expect(exec(webPod(0), ['env']).stdout).toBe(
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHOSTNAME=web-0\nHOME=/root\n',
    )
    expect(exec(webPod(0), ['env', '-i', 'A=1', 'env']).stdout).toBe('A=1\n')
    expect(exec(webPod(0), ['env', 'nope'])).toMatchObject({
      exitCode: 127,
      stderr: "env: 'nope': No such file or directory\n",
    })
  })

  it('returns from sleep at once and reports the seconds asked for', () => {
    expect(exec(webPod(0), ['sh', '-c', 'sleep 2; sleep 1.5; sleep 1m'])).toMatchObject({
      exitCode: 0,
      sleptSeconds: 63.5,
    })
    expect(exec(webPod(0), ['sleep', 'x'])).toMatchObject({
      exitCode: 1,
      stderr: "sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n",
    })
  })

  it('passes kubectl exec -i input to the program', () => {
    const pod = webPod(0)
    expect(
      execInContainer(['sh'], pod.host, pod.fs, pod.profile, { stdin: 'echo from stdin; hostname\n' }).stdout,
    ).toBe('from stdin\nweb-0\n')
  })

  it('shows the curl progress meter without a terminal, as plain kubectl exec has none', () => {
    const pod = webPod(0, new Map(), NGINX_SLIM, false)
    exec(pod, ['sh', '-c', 'echo web-0 > /usr/share/nginx/html/index.html'])
    const result = exec(pod, ['curl', 'localhost'])
    expect(result.stdout).toBe('web-0\n')
    expect(result.stderr).toContain('% Total    % Received')
  })
})

describe('images', () => {
  it('give busybox its applets and nginx-slim coreutils with curl', () => {
    expect(commandsForImage('busybox:1.28')).toMatchObject({
      flavour: 'busybox',
      nginxVersion: null,
      programs: { nslookup: '/bin', wget: '/bin' },
    })
    const slim = commandsForImage(NGINX_SLIM)
    expect(slim).toMatchObject({
      flavour: 'debian',
      nginxVersion: '1.11.1',
      programs: { curl: '/usr/bin', dash: '/bin', bash: '/bin' },
    })
    expect(slim.programs).not.toHaveProperty('nslookup')
    expect(commandsForImage('registry.example/app:1').programs).not.toHaveProperty('curl')
  })

  it('read the nginx version from official image tags', () => {
    expect(nginxVersionFor('nginx:1.25.3')).toBe('1.25.3')
    expect(nginxVersionFor('nginx:1.25')).toBe('1.25.0')
    expect(nginxVersionFor('docker.io/library/nginx')).toMatch(/^1\.\d+\.\d+$/)
    expect(nginxVersionFor('busybox')).toBeNull()
  })

  it('start from a root filesystem with the welcome page and the kubelet’s /etc files', () => {
    const pod = webPod(0)
    const fs = createMountedFileSystem({
      root: {
        id: 'c',
        tree: imageRootTree(pod.profile, { hostname: 'web-0', hosts: 'h\n', resolvConf: 'r\n' }),
      },
    })
    expect(fs.readFile('/etc/hostname')).toEqual({ ok: true, value: 'web-0\n' })
    expect(fs.readFile('/usr/share/nginx/html/index.html')).toMatchObject({
      ok: true,
      value: expect.stringContaining('Welcome to nginx!'),
    })
    expect(fs.stat('/bin/sh')).toMatchObject({ ok: true, value: { mode: 0o755 } })
    expect(fs.stat('/tmp')).toMatchObject({ ok: true, value: { mode: 0o1777 } })
  })
})

describe('startInteractiveShell', () => {
  it('runs the dns-test session of the tutorial in busybox, prompt and all', () => {
    const pod = webPod(0, new Map(), 'busybox:1.28')
    const shell = startInteractiveShell(pod.host, pod.fs, pod.profile)
    expect(shell.prompt()).toBe('/ # ')
    expect(shell.input('nslookup web-0.nginx')).toMatchObject({ stdout: DNS_ANSWER, exited: false })
    expect(shell.input('exit')).toMatchObject({ exited: true, exitCode: 0 })
  })

  it('asks for more lines until a command is complete', () => {
    const pod = webPod(0, new Map(), 'busybox:1.28')
    const shell = startInteractiveShell(pod.host, pod.fs, pod.profile)
    expect(shell.input('for i in 0 1; do')).toMatchObject({ needsMore: true, stdout: '' })
    expect(shell.prompt()).toBe('> ')
    expect(shell.input('echo $i; done')).toMatchObject({ needsMore: false, stdout: '0\n1\n' })
    expect(shell.prompt()).toBe('/ # ')
  })

  it('keeps the directory between lines and shows it in busybox’s prompt', () => {
    const pod = webPod(0, new Map(), 'busybox:1.28')
    const shell = startInteractiveShell(pod.host, pod.fs, pod.profile)
    shell.input('cd /tmp')
    expect(shell.prompt()).toBe('/tmp # ')
    expect(shell.input('cd /nope').stderr).toBe("sh: cd: can't cd to /nope: No such file or directory\n")
    expect(shell.input('pwd').stdout).toBe('/tmp\n')
  })

  it('reports a syntax error and carries on, as an interactive shell does', () => {
    const pod = webPod(0)
    const shell = startInteractiveShell(pod.host, pod.fs, pod.profile)
    expect(shell.prompt()).toBe('# ')
    expect(shell.input('done')).toMatchObject({
      stderr: 'sh: 1: Syntax error: "done" unexpected\n',
      exited: false,
    })
    expect(shell.input('hostname').stdout).toBe('web-0\n')
    expect(shell.input('nope').stderr).toBe('sh: 3: nope: not found\n')
  })
})
