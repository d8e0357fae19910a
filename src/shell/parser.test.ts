import { describe, expect, it } from 'vitest'
import type { CommandNode, Script, SimpleCommand, Word } from './ast'
import { parseScript } from './parser'

function parse(source: string): Script {
  const result = parseScript(source)
  if (!result.ok) throw new Error(`unexpected syntax error: ${JSON.stringify(result.error.issue)}`)
  return result.script
}

function firstCommand(source: string): CommandNode {
  return parse(source).commands[0]!.list[0]!.first.commands[0]!
}

function simple(source: string): SimpleCommand {
  const node = firstCommand(source)
  if (node.kind !== 'simple') throw new Error(`expected a simple command, got ${node.kind}`)
  return node
}

function parts(word: Word) {
  return word.parts.map((p) =>
    p.type === 'literal'
      ? [p.type, p.text, p.quoted]
      : p.type === 'parameter'
        ? [p.type, p.name, p.quoted]
        : [p.type, p.quoted],
  )
}

describe('parseScript', () => {
  it('keeps each top-level command’s source exactly as written, one per line', () => {
    const script = parse(
      'kubectl get pods -l app=nginx\n\n  kubectl get pvc   # claims\nkubectl apply -f web.yaml; kubectl get sts',
    )
    expect(script.commands.map((c) => [c.line, c.source])).toEqual([
      [1, 'kubectl get pods -l app=nginx'],
      [3, 'kubectl get pvc   # claims'],
      [4, 'kubectl apply -f web.yaml; kubectl get sts'],
    ])
  })

  it('skips comment-only lines', () => {
    const script = parse(
      '# use this terminal to watch\n# end this watch later\nkubectl get pods --watch -l app=nginx\n',
    )
    expect(script.commands.map((c) => c.source)).toEqual(['kubectl get pods --watch -l app=nginx'])
  })

  it('joins the lines of a multi-line for loop with newlines', () => {
    const script = parse('for i in 0 1; do\n  kubectl exec "web-$i" -- hostname\ndone\nkubectl get pods')
    expect(script.commands.map((c) => c.source)).toEqual([
      'for i in 0 1; do\n  kubectl exec "web-$i" -- hostname\ndone',
      'kubectl get pods',
    ])
  })

  it('gives a command with a here-document only its first line as source', () => {
    const script = parse("kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Service\nEOF\nkubectl get svc")
    expect(script.commands.map((c) => [c.line, c.source])).toEqual([
      [1, "kubectl apply -f - <<'EOF'"],
      [5, 'kubectl get svc'],
    ])
    const redirect = simple("cat <<'EOF'\n$HOME\nEOF").redirects[0]!
    expect(redirect.kind === 'heredoc' && redirect.doc.body.parts).toEqual([
      { type: 'literal', text: '$HOME\n', quoted: true },
    ])
  })

  it('keeps line continuations in the source but joins the words', () => {
    const script = parse('kubectl apply \\\n  -f web.yaml')
    expect(script.commands[0]!.source).toBe('kubectl apply \\\n  -f web.yaml')
    expect(simple('kubectl apply \\\n  -f web.yaml').words.map((w) => w.raw)).toEqual([
      'kubectl',
      'apply',
      '-f',
      'web.yaml',
    ])
  })

  it('marks single- and double-quoted text as quoted and finds expansions inside double quotes', () => {
    const cmd = simple(`echo 'a $x' "b $y \\$z" c$w`)
    expect(cmd.words.slice(1).map(parts)).toEqual([
      [['literal', 'a $x', true]],
      [
        ['literal', 'b ', true],
        ['parameter', 'y', true],
        ['literal', ' $z', true],
      ],
      [
        ['literal', 'c', false],
        ['parameter', 'w', false],
      ],
    ])
  })

  it('parses command substitutions, backquotes, braces and arithmetic into their own parts', () => {
    const cmd = simple('echo "$(hostname)" `date` ${HOSTNAME##*-} $((i + 1))')
    const kinds = cmd.words.slice(1).map((w) => w.parts.map((p) => p.type))
    expect(kinds).toEqual([['literal', 'command'], ['command'], ['parameter'], ['arithmetic']])
    const braced = cmd.words[3]!.parts[0]!
    expect(braced.type === 'parameter' && braced.modifier).toMatchObject({ op: '##', word: { raw: '*-' } })
  })

  it('separates leading assignments from the command words', () => {
    const cmd = simple('KUBECONFIG=/tmp/k A="x y" kubectl get pods B=1')
    expect(cmd.assignments.map((a) => [a.name, a.value.raw])).toEqual([
      ['KUBECONFIG', '/tmp/k'],
      ['A', '"x y"'],
    ])
    expect(cmd.words.map((w) => w.raw)).toEqual(['kubectl', 'get', 'pods', 'B=1'])
  })

  it('reads redirections with their file descriptors', () => {
    const cmd = simple('cmd > out 2>&1 < in >> log 2>/dev/null')
    expect(cmd.redirects.map((r) => (r.kind === 'file' ? [r.fd, r.op, r.target.raw] : []))).toEqual([
      [1, '>', 'out'],
      [2, '>&', '1'],
      [0, '<', 'in'],
      [1, '>>', 'log'],
      [2, '>', '/dev/null'],
    ])
  })

  it('builds and-or lists and pipelines', () => {
    const [item] = parse('a | b && c || ! d').commands[0]!.list
    expect(item!.first.commands).toHaveLength(2)
    expect(item!.rest.map((r) => [r.op, r.pipeline.negated])).toEqual([
      ['&&', false],
      ['||', true],
    ])
  })

  it('parses one-line and multi-line for loops alike', () => {
    const oneLine = firstCommand('for i in 0 1; do echo $i; done')
    const multiLine = firstCommand('for i in 0 1\ndo\n  echo $i\ndone')
    for (const node of [oneLine, multiLine]) {
      expect(node.kind).toBe('for')
      if (node.kind !== 'for') continue
      expect(node.variable).toBe('i')
      expect(node.items?.map((w) => w.raw)).toEqual(['0', '1'])
      expect(node.body).toHaveLength(1)
    }
  })

  it('treats reserved words as ordinary arguments after the first word', () => {
    expect(simple('echo for do done if fi').words.map((w) => w.raw)).toEqual([
      'echo',
      'for',
      'do',
      'done',
      'if',
      'fi',
    ])
  })

  it('parses if/elif/else, while, until, groups, subshells and function definitions', () => {
    expect(firstCommand('if a; then b; elif c; then d; else e; fi')).toMatchObject({
      kind: 'if',
      branches: [{}, {}],
    })
    expect(firstCommand('while a; do b; done')).toMatchObject({ kind: 'while', until: false })
    expect(firstCommand('until a; do b; done')).toMatchObject({ kind: 'while', until: true })
    expect(firstCommand('{ a; b; } > f')).toMatchObject({ kind: 'group', redirects: [{ fd: 1, op: '>' }] })
    expect(firstCommand('(cd /tmp; ls)')).toMatchObject({ kind: 'subshell' })
    expect(firstCommand('wait_for() { kubectl get pods; }')).toMatchObject({
      kind: 'function',
      name: 'wait_for',
      body: { kind: 'group' },
    })
  })

  it('parses every command line of the StatefulSet tutorial', () => {
    const tutorial = [
      'kubectl get pods --watch -l app=nginx',
      'kubectl apply -f https://k8s.io/examples/application/web/web.yaml',
      `for i in 0 1; do kubectl exec "web-$i" -- sh -c 'hostname'; done`,
      'kubectl run -i --tty --image busybox:1.28 dns-test --restart=Never --rm',
      `for i in 0 1; do kubectl exec web-$i -- sh -c 'hostname'; done`,
      'kubectl get pvc -l app=nginx',
      `for i in 0 1; do kubectl exec "web-$i" -- sh -c 'echo "$(hostname)" > /usr/share/nginx/html/index.html'; done`,
      'for i in 0 1; do kubectl exec -i -t "web-$i" -- curl http://localhost/; done',
      'for i in 0 1; do kubectl exec web-$i -- chmod 755 /usr/share/nginx/html; done',
      'kubectl delete pod -l app=nginx',
      'kubectl scale sts web --replicas=5',
      `kubectl patch sts web -p '{"spec":{"replicas":3}}'`,
      `kubectl patch statefulset web --type='json' -p='[{"op": "replace", "path": "/spec/template/spec/containers/0/image", "value":"registry.k8s.io/nginx-slim:0.24"}]'`,
      `for p in 0 1 2; do kubectl get pod "web-$p" --template '{{range $i, $c := .spec.containers}}{{$c.image}}{{end}}'; echo; done`,
      `kubectl patch statefulset web -p '{"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"partition":3}}}}'`,
      'kubectl delete statefulset web --cascade=orphan',
      'kubectl scale statefulset/web --replicas=5',
      'kubectl delete sts web\n# sts is an abbreviation for statefulset',
      'kubectl delete pvc www-web-0 www-web-1 www-web-2 www-web-3 www-web-4',
    ]
    expect(tutorial.filter((line) => !parseScript(line).ok)).toEqual([])
    const template = simple(
      `kubectl get pod "web-$p" --template '{{range $i, $c := .spec.containers}}{{$c.image}}{{end}}'`,
    ).words[5]!
    expect(parts(template)).toEqual([
      ['literal', '{{range $i, $c := .spec.containers}}{{$c.image}}{{end}}', true],
    ])
  })

  it('reports an unterminated quote as incomplete input on the line where input ended', () => {
    const result = parseScript("echo 'abc\ndef")
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.issue).toEqual({ kind: 'unterminated-quote' })
    expect(result.error).toMatchObject({ line: 2, incomplete: true })
  })

  it('reports a loop without done as an unexpected end of file expecting done', () => {
    const result = parseScript('for i in 1; do echo')
    expect(result.ok || result.error.issue).toEqual({
      kind: 'unexpected',
      token: { kind: 'eof' },
      expecting: 'done',
    })
    expect(result.ok || result.error.incomplete).toBe(true)
  })

  it('reports a stray reserved word with what the open construct expected', () => {
    const stray = parseScript('done')
    expect(stray.ok || stray.error.issue).toEqual({
      kind: 'unexpected',
      token: { kind: 'word', text: 'done' },
    })
    const mismatched = parseScript('if true; then echo; done')
    expect(mismatched.ok || mismatched.error.issue).toEqual({
      kind: 'unexpected',
      token: { kind: 'word', text: 'done' },
      expecting: 'fi',
    })
    expect(mismatched.ok || mismatched.error.incomplete).toBe(false)
  })

  it('rejects a syntax error inside a command substitution before anything runs', () => {
    const result = parseScript('echo ok; echo $(if)')
    expect(result.ok).toBe(false)
  })

  it('refuses background jobs, which the simulator cannot run', () => {
    const result = parseScript('kubectl get pods -w &')
    expect(result.ok || result.error.issue).toEqual({
      kind: 'unsupported',
      feature: 'running a command in the background (&)',
    })
  })

  it('asks interactive input for the rest of an unfinished here-document', () => {
    expect(parseScript('cat <<EOF\nline', { interactive: true }).ok).toBe(false)
    expect(parseScript('cat <<EOF\nline').ok).toBe(true)
  })
})
