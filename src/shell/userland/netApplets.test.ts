import { describe, expect, it } from 'vitest'
import { buildTree, createMountedFileSystem } from '../../sim/kubelet/filesystem'
import type { CommandIO } from '../command'
import type { ContainerHost, HttpRequest, HttpResult } from './host'
import { netApplets, parseUrl } from './netApplets'

const fs = () => createMountedFileSystem({ root: { id: 'r', tree: buildTree({ '/tmp': { dir: true } }) } })

function host(
  answer: (request: HttpRequest) => HttpResult,
  tty = true,
): ContainerHost & { requests: HttpRequest[] } {
  const requests: HttpRequest[] = []
  return {
    hostname: 'web-0',
    fqdn: 'web-0',
    env: {},
    resolver: {
      nslookup: (args) => ({
        stdout: `looked up ${args.join(' ')}\n`,
        stderr: "nslookup: can't resolve 'x'\n",
        exitCode: 1,
      }),
    },
    http: (request) => {
      requests.push(request)
      return answer(request)
    },
    tty,
    requests,
  }
}

const ok = (body: string): HttpResult => ({
  kind: 'response',
  status: 200,
  reason: 'OK',
  body,
  address: '127.0.0.1',
})
const forbidden: HttpResult = {
  kind: 'response',
  status: 403,
  reason: 'Forbidden',
  body: '<html>403</html>\r\n',
  address: '127.0.0.1',
}

function run(program: 'curl' | 'wget' | 'nslookup', argv: string[], h: ContainerHost, filesystem = fs()) {
  let stdout = ''
  let stderr = ''
  const io: CommandIO = {
    stdin: '',
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: {},
    cwd: '/tmp',
    fs: filesystem,
    exec: () => null,
    depth: 0,
  }
  const status = netApplets(h)[program]!([program, ...argv], io)
  return { stdout, stderr, status, fs: filesystem }
}

describe('parseUrl', () => {
  it('defaults the scheme, port and path as curl does', () => {
    expect(parseUrl('localhost')).toMatchObject({
      ok: true,
      request: { scheme: 'http', host: 'localhost', port: 80, path: '/' },
      label: 'localhost',
    })
    expect(parseUrl('http://web-0.nginx:8080/a?b=1')).toMatchObject({
      ok: true,
      request: { host: 'web-0.nginx', port: 8080, path: '/a?b=1' },
      label: 'web-0.nginx:8080',
    })
    expect(parseUrl('https://x/')).toMatchObject({ ok: true, request: { scheme: 'https', port: 443 } })
    expect(parseUrl('ftp://x/')).toEqual({ ok: false, scheme: 'ftp' })
  })
})

describe('curl', () => {
  it('prints the body as is, whatever the status, with no meter on a terminal', () => {
    expect(
      run(
        'curl',
        ['http://localhost/'],
        host(() => ok('web-0\n')),
      ),
    ).toMatchObject({ stdout: 'web-0\n', stderr: '', status: 0 })
    expect(
      run(
        'curl',
        ['http://localhost/'],
        host(() => forbidden),
      ),
    ).toMatchObject({ stdout: '<html>403</html>\r\n', status: 0 })
  })

  it('draws the progress meter on stderr when its output is not a terminal', () => {
    const { stderr } = run(
      'curl',
      ['localhost'],
      host(() => ok('web-0\n'), false),
    )
    expect(stderr).toBe(
      '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
        '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
        '\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0' +
        '\r100     6  100     6    0     0   6000      0 --:--:-- --:--:-- --:--:--  6000\n',
    )
    expect(
      run(
        'curl',
        ['-s', 'localhost'],
        host(() => ok('x'), false),
      ).stderr,
    ).toBe('')
  })

  it('abbreviates large sizes in the meter as curl’s max5data does', () => {
    const body = 'x'.repeat(612)
    expect(
      run(
        'curl',
        ['localhost'],
        host(() => ok(body), false),
      ).stderr,
    ).toContain('\r100   612  100   612    0     0   597k      0 --:--:-- --:--:-- --:--:--  597k\n')
  })

  it('reports resolution and connection failures with curl 7.47’s codes and words', () => {
    expect(
      run(
        'curl',
        ['http://nope/'],
        host(() => ({ kind: 'unresolved' })),
      ),
    ).toMatchObject({ stderr: 'curl: (6) Could not resolve host: nope\n', status: 6 })
    expect(
      run(
        'curl',
        ['http://web-1.nginx:8080/'],
        host(() => ({ kind: 'refused', address: '10.244.2.6' })),
      ),
    ).toMatchObject({
      stderr: 'curl: (7) Failed to connect to web-1.nginx port 8080: Connection refused\n',
      status: 7,
    })
    const meter = run(
      'curl',
      ['http://nope/'],
      host(() => ({ kind: 'unresolved' }), false),
    ).stderr
    expect(meter.endsWith('--:--:--     0curl: (6) Could not resolve host: nope\n')).toBe(true)
  })

  it('fails on HTTP errors with -f, silently unless -S', () => {
    expect(
      run(
        'curl',
        ['-f', 'localhost'],
        host(() => forbidden),
      ),
    ).toMatchObject({
      stdout: '',
      stderr: 'curl: (22) The requested URL returned error: 403 Forbidden\n',
      status: 22,
    })
    expect(
      run(
        'curl',
        ['-sf', 'localhost'],
        host(() => forbidden),
      ),
    ).toMatchObject({ stderr: '', status: 22 })
    expect(
      run(
        'curl',
        ['-sSf', 'localhost'],
        host(() => forbidden),
      ).stderr,
    ).toBe('curl: (22) The requested URL returned error: 403 Forbidden\n')
  })

  it('writes the body to a file with -o', () => {
    const { stdout, fs: written } = run(
      'curl',
      ['-s', '-o', 'page.html', 'localhost'],
      host(() => ok('hello')),
    )
    expect(stdout).toBe('')
    expect(written.readFile('/tmp/page.html')).toEqual({ ok: true, value: 'hello' })
  })

  it('follows a redirect’s Location with -L only', () => {
    const answer = (r: HttpRequest): HttpResult =>
      r.path === '/dir'
        ? {
            ...forbidden,
            status: 301,
            reason: 'Moved Permanently',
            body: 'moved',
            location: 'http://localhost/dir/',
          }
        : ok('inside')
    expect(run('curl', ['localhost/dir'], host(answer)).stdout).toBe('moved')
    expect(run('curl', ['-L', 'localhost/dir'], host(answer)).stdout).toBe('inside')
  })

  it('rejects options it does not know, and says which ones the simulator leaves out', () => {
    expect(
      run(
        'curl',
        ['--frob', 'x'],
        host(() => ok('')),
      ),
    ).toMatchObject({
      stderr:
        "curl: option --frob: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
      status: 2,
    })
    expect(
      run(
        'curl',
        ['-I', 'x'],
        host(() => ok('')),
      ),
    ).toMatchObject({ stderr: 'curl: option -I: not supported by this simulator\n', status: 2 })
    expect(
      run(
        'curl',
        [],
        host(() => ok('')),
      ),
    ).toMatchObject({
      stderr: "curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
      status: 2,
    })
  })
})

describe('wget', () => {
  it('prints the body with -qO- and nothing else', () => {
    expect(
      run(
        'wget',
        ['-qO-', 'http://web-0.nginx/'],
        host(() => ok('web-0\n')),
      ),
    ).toMatchObject({ stdout: 'web-0\n', stderr: '', status: 0 })
  })

  it('reports progress on stderr without -q', () => {
    expect(
      run(
        'wget',
        ['-O-', 'http://localhost/'],
        host(() => ok('hello\n')),
      ).stderr,
    ).toBe(
      'Connecting to localhost (127.0.0.1:80)\nwriting to stdout\n-                    100% |********************************|     6  0:00:00 ETA\nwritten to stdout\n',
    )
  })

  it('saves to the URL’s file name by default', () => {
    const { fs: written } = run(
      'wget',
      ['-q', 'http://localhost/'],
      host(() => ok('page')),
    )
    expect(written.readFile('/tmp/index.html')).toEqual({ ok: true, value: 'page' })
  })

  it('reports failures in busybox’s words', () => {
    expect(
      run(
        'wget',
        ['-qO-', 'http://nope/'],
        host(() => ({ kind: 'unresolved' })),
      ),
    ).toMatchObject({ stderr: "wget: bad address 'nope'\n", status: 1 })
    expect(
      run(
        'wget',
        ['-qO-', 'http://10.0.0.9/'],
        host(() => ({ kind: 'refused', address: '10.0.0.9' })),
      ).stderr,
    ).toBe("wget: can't connect to remote host (10.0.0.9): Connection refused\n")
    expect(
      run(
        'wget',
        ['-qO-', 'http://localhost/'],
        host(() => forbidden),
      ).stderr,
    ).toBe('wget: server returned error: HTTP/1.1 403 Forbidden\n')
  })
})

describe('nslookup', () => {
  it('hands its arguments to the cluster resolver and relays its answer', () => {
    expect(
      run(
        'nslookup',
        ['web-0.nginx'],
        host(() => ok('')),
      ),
    ).toEqual({
      stdout: 'looked up web-0.nginx\n',
      stderr: "nslookup: can't resolve 'x'\n",
      status: 1,
      fs: expect.anything(),
    })
  })
})
