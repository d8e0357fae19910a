// `kubectl get` with Go templates on the tutorial's cluster: `--template` alone, `-o go-template=`,
// `-o template`, the -file forms, a list request ranging over .items, missing keys both ways,
// and parse errors — plus the StatefulSet tutorial's own commands run through a session script.
import { beforeAll, describe, expect, test } from 'vitest'
import { Session } from '../../../../runner/session'
import { type FsResult, type ShellFileSystem, fail, ok } from '../../../../shell/fs'
import { KubectlHarness, WEB_YAML } from '../../../testing/kubectlHarness'

const TEMPLATE_FILE = '{{range .items}}{{.metadata.name}} {{.status.phase}}\n{{end}}'

describe('kubectl get with a Go template', () => {
  let k: KubectlHarness
  beforeAll(() => {
    k = new KubectlHarness({ files: { 'web.yaml': WEB_YAML, 'pods.tmpl': TEMPLATE_FILE } })
    k.kubectl('apply -f web.yaml')
    k.settle()
  })

  const run = (line: string) => {
    const r = k.kubectl(line)
    return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
  }

  test("the tutorial's --template prints the image with no newline", () => {
    expect(run(`get pod web-0 --template '{{range $i, $c := .spec.containers}}{{$c.image}}{{end}}'`)).toEqual(
      {
        stdout: 'registry.k8s.io/nginx-slim:0.7',
        stderr: '',
        exitCode: 0,
      },
    )
  })

  test('a list request hands the template a List, so it ranges over .items', () => {
    const tmpl = `'{{.kind}}:{{range .items}} {{.metadata.name}}{{end}}{{"\\n"}}'`
    expect(run(`get pods -o go-template=${tmpl}`).stdout).toBe('List: web-0 web-1\n')
    expect(run(`get pods -l app=nginx -o template=${tmpl}`).stdout).toBe('List: web-0 web-1\n')
    expect(run(`get pod web-0 web-1 -o go-template --template=${tmpl}`).stdout).toBe('List: web-0 web-1\n')
  })

  test('integers are int64s and compare with template constants', () => {
    expect(
      run(`get sts web -o go-template='{{if eq .spec.replicas 2}}two{{end}} {{.status.readyReplicas}}'`)
        .stdout,
    ).toBe('two 2')
  })

  test('reads -o go-template-file and -o templatefile --template from the host', () => {
    expect(run('get pods -o go-template-file=pods.tmpl').stdout).toBe('web-0 Running\nweb-1 Running\n')
    expect(run('get pods -o templatefile --template pods.tmpl').stdout).toBe('web-0 Running\nweb-1 Running\n')
    expect(run('get pods -o go-template-file=missing.tmpl')).toEqual({
      stdout: '',
      stderr: 'error: error reading --template missing.tmpl, open missing.tmpl: no such file or directory\n',
      exitCode: 1,
    })
  })

  test('a missing key prints <no value>, or fails with --allow-missing-template-keys=false', () => {
    expect(run(`get pod web-0 -o go-template='{{.spec.nope}}'`)).toEqual({
      stdout: '<no value>',
      stderr: '',
      exitCode: 0,
    })
    const r = run(`get pod web-0 -o go-template='{{.spec.nope}}' --allow-missing-template-keys=false`)
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toBe(
      'error: error executing template "{{.spec.nope}}": template: output:1:7: executing "output" at <.spec.nope>: map has no entry for key "nope"\n',
    )
    // kubectl dumps what it was given to stdout, the raw JSON and the decoded map.
    const lines = r.stdout.split('\n')
    expect(lines.slice(0, 3)).toEqual([
      'Error executing template: template: output:1:7: executing "output" at <.spec.nope>: map has no entry for key "nope". Printing more information for debugging the template:',
      '\ttemplate was:',
      '\t\t{{.spec.nope}}',
    ])
    expect(lines[3]).toBe('\traw data was:')
    expect(lines[4]).toMatch(/^\t\t\{"apiVersion":"v1","kind":"Pod","metadata":\{/)
    expect(lines[5]).toBe('\tobject given to template engine was:')
    expect(lines[6]).toMatch(/^\t\tmap\[apiVersion:v1 kind:Pod metadata:map\[/)
    expect(lines.slice(7)).toEqual(['', ''])
  })

  test('a parse error is reported in Go words and nothing is printed', () => {
    expect(run(`get pods -o go-template='{{.a}'`)).toEqual({
      stdout: '',
      stderr: "error: error parsing template {{.a}, template: output:1: bad character U+007D '}'\n",
      exitCode: 1,
    })
    expect(run(`get pods --template '{{range .items}}'`).stderr).toBe(
      'error: error parsing template {{range .items}}, template: output:1: unexpected EOF\n',
    )
  })

  test('-o go-template without a template, and with both forms, fail as kubectl does', () => {
    expect(run('get pods -o go-template').stderr).toBe(
      'error: template format specified but no template given\n',
    )
    expect(run(`get pods -o go-template='{{.kind}}' --template x`).stderr).toMatch(
      /^error: unable to match a printer suitable for the output format "go-template=\{\{\.kind\}\}", allowed formats are: /,
    )
  })

  test('--template also serves -o jsonpath', () => {
    expect(run(`get pods -o jsonpath --template '{.items[*].metadata.name}'`).stdout).toBe('web-0 web-1')
  })

  test('a single named object that does not exist reports only NotFound', () => {
    expect(run(`get pod web-7 --template '{{.metadata.name}}'`)).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): pods "web-7" not found\n',
      exitCode: 1,
    })
  })
})

/** Read-only files for a session script. */
function memoryFs(files: Record<string, string>): ShellFileSystem {
  const rofs = <T>(): FsResult<T> => fail('EROFS')
  return {
    stat: (p) =>
      p in files
        ? ok({ type: 'file', mode: 0o644, size: files[p]!.length, mtime: 0, nlink: 1 })
        : p === '/work'
          ? ok({ type: 'dir', mode: 0o755, size: 4096, mtime: 0, nlink: 2 })
          : fail('ENOENT'),
    readFile: (p) => (p in files ? ok(files[p]!) : fail('ENOENT')),
    list: (p) =>
      p === '/work' ? ok(Object.keys(files).map((f) => f.slice('/work/'.length))) : fail('ENOENT'),
    writeFile: rofs,
    mkdir: rofs,
    remove: rofs,
    chmod: rofs,
  }
}

test("the tutorial's loop over web-0..2 prints each image on its own line", () => {
  const chunks: string[] = []
  const session = new Session({
    fs: memoryFs({ '/work/web.yaml': WEB_YAML }),
    cwd: '/work',
    write: (s) => chunks.push(s),
  })
  session.runScript(
    [
      'kubectl apply -f web.yaml',
      'kubectl scale sts web --replicas=3',
      'kubectl rollout status sts/web > /dev/null',
      `for p in 0 1 2; do kubectl get pod "web-$p" --template '{{range $i, $c := .spec.containers}}{{$c.image}}{{end}}'; echo; done`,
    ].join('\n'),
  )
  const transcript = chunks.join('')
  expect(transcript.slice(transcript.indexOf('$ for p'))).toBe(
    `$ for p in 0 1 2; do kubectl get pod "web-$p" --template '{{range $i, $c := .spec.containers}}{{$c.image}}{{end}}'; echo; done\n` +
      'registry.k8s.io/nginx-slim:0.7\n'.repeat(3),
  )
})
