import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { goSprint } from '../goFormat'
import type { JsonObject, JsonValue } from '../unstructured'
import { ExecError } from './exec'
import { TemplateParseError, executeGoTemplate, parseGoTemplate } from './index'

const pod: JsonObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web-0', labels: { app: 'nginx', 'apps.kubernetes.io/pod-index': '0' } },
  spec: {
    containers: [
      { name: 'nginx', image: 'nginx-slim:0.8', ports: [{ containerPort: 80 }] },
      { name: 'sidecar', image: 'busybox' },
    ],
    replicas: 2,
  },
  status: { phase: 'Running', ratio: 0.5, nothing: null, list: [1, null, 'a'] },
  data: { token: 'aGVsbG8gd29ybGQ=' },
}

function run(template: string, data: JsonValue = pod, missingKey: 'default' | 'error' = 'default') {
  return executeGoTemplate(parseGoTemplate(template), data, { missingKey })
}

function out(template: string, data: JsonValue = pod): string {
  const r = run(template, data)
  expect(r.error).toBeUndefined()
  return r.output
}

const error = (template: string, missingKey: 'default' | 'error' = 'default') =>
  run(template, pod, missingKey).error

describe('executing a template prints', () => {
  it.each([
    ['{{.metadata.name}}', 'web-0'],
    ['{{.spec.replicas}} {{.status.ratio}}', '2 0.5'],
    ['{{.status.nothing}}|{{.missing}}|{{.missing.deeper}}', '<no value>|<no value>|<no value>'],
    ['{{.status.list}}', '[1 <nil> a]'],
    ['{{range .status.list}}{{.}},{{end}}', '1,<no value>,a,'],
    ['{{.metadata.labels}}', 'map[app:nginx apps.kubernetes.io/pod-index:0]'],
    ['{{index .metadata.labels "apps.kubernetes.io/pod-index"}}', '0'],
    ['{{range $i, $c := .spec.containers}}{{$i}}:{{$c.name}} {{end}}', '0:nginx 1:sidecar '],
    ['{{range .spec.containers}}{{.name}}={{$.kind}};{{end}}', 'nginx=Pod;sidecar=Pod;'],
    [
      '{{range $k, $v := .metadata.labels}}{{$k}}={{$v}} {{end}}',
      'app=nginx apps.kubernetes.io/pod-index=0 ',
    ],
    ['{{range $v := .metadata.labels}}{{$v}} {{end}}', 'nginx 0 '],
    ['{{range .spec.replicas}}{{.}}{{end}}', '01'],
    ['{{range .missing}}x{{else}}none{{end}}', 'none'],
    ['{{range .spec.containers}}{{if eq .name "sidecar"}}{{break}}{{end}}{{.name}}{{end}}', 'nginx'],
    ['{{range .spec.containers}}{{if eq .name "nginx"}}{{continue}}{{end}}{{.name}}{{end}}', 'sidecar'],
    ['{{if .missing}}a{{else if .status.phase}}b{{else}}c{{end}}', 'b'],
    ['{{with .metadata}}{{.name}}{{end}}', 'web-0'],
    ['{{with .missing}}x{{else with .status}}{{.phase}}{{end}}', 'Running'],
    ['{{with $x := .status.phase}}{{$x}}{{end}}', 'Running'],
    ['{{$n := len .spec.containers}}{{$n}} {{$n = 5}}{{$n}}', '2 5'],
    ['{{$x := 1}}{{range .spec.containers}}{{$x = .name}}{{end}}{{$x}}', 'sidecar'],
    ['{{.metadata.name | printf "%q"}}', '"web-0"'],
    ['{{.spec.containers | len | printf "%d containers"}}', '2 containers'],
    ['{{(index .spec.containers 1).image}}', 'busybox'],
    ['{{index .spec.containers 0 "ports" 0 "containerPort"}}', '80'],
    ['{{index .metadata.labels "zz"}}', '<no value>'],
    ['{{index "abc" 1}}', '98'],
    ['{{slice "abcdef" 1 3}} {{slice .status.list 1}}', 'bc [<nil> a]'],
    ['{{len "héllo"}} {{len .metadata.labels}}', '6 2'],
    ['{{and 1 0 2}} {{and 1 2}} {{or 0 "" "x"}} {{or 0 ""}}|{{not .missing}} {{not 1}}', '0 2 x |true false'],
    [
      '{{eq .spec.replicas 1 2}} {{ne .kind "Pod"}} {{lt "a" "b"}} {{le 2 2}} {{gt 1.5 0.5}} {{ge .spec.replicas 3}}',
      'true false true true true false',
    ],
    ['{{eq .missing .also}} {{eq .missing "x"}} {{eq .status.ratio 0.5}}', 'true false true'],
    ['{{print "a" 1 2 "b" .missing}} {{println "x" 1}}', 'a1 2b<nil> x 1\n'],
    [
      '{{printf "%s-%d-%v-%5.1f-%x-%t" "a" 7 .status.list 3.14159 255 true}}',
      'a-7-[1 <nil> a]-  3.1-ff-true',
    ],
    ['{{printf "%s %d" .spec.replicas "x"}}', '%!s(int64=2) %!d(string=x)'],
    ['{{printf "%d"}}|{{printf "%d" 1 2}}', '%!d(MISSING)|1%!(EXTRA int=2)'],
    [
      '{{printf "%T %T %T %T %T" .spec.replicas 1 1.5 .metadata .status.list}}',
      'int64 int float64 map[string]interface {} []interface {}',
    ],
    [
      '{{printf "%#v" .metadata.labels}}',
      'map[string]interface {}{"app":"nginx", "apps.kubernetes.io/pod-index":"0"}',
    ],
    [`{{html "<b>\\"'&"}}`, '&lt;b&gt;&#34;&#39;&amp;'],
    [`{{js "<a href='x'>"}}`, "\\u003Ca href\\u003D\\'x\\'\\u003E"],
    ['{{urlquery "a b/c?d=é"}}', 'a+b%2Fc%3Fd%3D%C3%A9'],
    ['{{html .missing}} {{print .missing}} {{.missing | print}}', '&lt;no value&gt; <nil> <nil>'],
    ['{{base64decode .data.token}}', 'hello world'],
    [
      '{{exists . "spec" "containers" 0 "name"}} {{exists . "spec" "containers" 5}} {{exists . "status" "nothing"}} {{exists .metadata "name"}}',
      'true false false true',
    ],
    ["{{1e3}} {{0x10}} {{1_000}} {{'a'}} {{-3}} {{1.5}} {{1e6}} {{.5}}", '1000 16 1000 97 -3 1.5 1e+06 0.5'],
    ['{{`a\\nb`}}|{{"tab\\there"}}', 'a\\nb|tab\there'],
    ['{{define "T"}}<{{.}}>{{end}}{{template "T" .kind}}{{template "T"}}', '<Pod><<no value>>'],
    ['{{block "B" .kind}}[{{.}}]{{end}}', '[Pod]'],
    ['a  {{- .kind -}}  \n b', 'aPodb'],
    ['{{.metadata.name}}{{/* comment */}}!', 'web-0!'],
  ])('%s → %j', (template, expected) => {
    expect(out(template)).toBe(expected)
  })

  it('prints the whole object for {{.}} and {{$}}, maps with sorted keys', () => {
    const data = { b: 1, a: [true, 'x'], c: { z: null } }
    expect(out('{{.}}|{{$}}', data)).toBe(
      'map[a:[true x] b:1 c:map[z:<nil>]]|map[a:[true x] b:1 c:map[z:<nil>]]',
    )
  })
})

describe('execution errors name the template, line, byte column and node, as Go does', () => {
  it.each([
    [
      '{{.foo}}',
      'error',
      'template: output:1:2: executing "output" at <.foo>: map has no entry for key "foo"',
    ],
    [
      '{{.metadata.nope}}',
      'error',
      'template: output:1:11: executing "output" at <.metadata.nope>: map has no entry for key "nope"',
    ],
    [
      '{{define "T"}}{{.x}}{{end}}{{template "T"}}',
      'error',
      'template: output:1:16: executing "T" at <.x>: nil data; no entry for key "x"',
    ],
    [
      '{{.metadata.name.x}}',
      'default',
      'template: output:1:11: executing "output" at <.metadata.name.x>: can\'t evaluate field x in type interface {}',
    ],
    [
      '{{$x := .metadata.name}}{{$x.y}}',
      'default',
      'template: output:1:28: executing "output" at <$x.y>: can\'t evaluate field y in type string',
    ],
    [
      '{{.status.nothing.x}}',
      'default',
      'template: output:1:9: executing "output" at <.status.nothing.x>: nil pointer evaluating interface {}.x',
    ],
    [
      '{{len 3}}',
      'default',
      'template: output:1:2: executing "output" at <len 3>: error calling len: len of type int',
    ],
    [
      '{{index .spec.containers 5}}',
      'default',
      'template: output:1:2: executing "output" at <index .spec.containers 5>: error calling index: index out of range: 5',
    ],
    [
      '{{index .spec.containers 2}}',
      'default',
      'template: output:1:2: executing "output" at <index .spec.containers 2>: error calling index: reflect: slice index out of range',
    ],
    [
      '{{len .missing}}',
      'default',
      'template: output:1:2: executing "output" at <len .missing>: error calling len: reflect: call of reflect.Value.Type on zero Value',
    ],
    ['{{nil}}', 'default', 'template: output:1:2: executing "output" at <nil>: nil is not a command'],
    [
      '{{slice "abcdef" .spec.replicas}}',
      'default',
      'template: output:1:2: executing "output" at <slice "abcdef" .spec.replicas>: error calling slice: cannot index slice/array with type interface {}',
    ],
    ['{{printf 3}}', 'default', 'template: output:1:9: executing "output" at <3>: expected string; found 3'],
    [
      '{{printf .spec.replicas}}',
      'default',
      'template: output:1:14: executing "output" at <.spec.replicas>: wrong type for value; expected string; got int64',
    ],
    [
      '{{.kind 1}}',
      'default',
      'template: output:1:2: executing "output" at <.kind>: kind is not a method but has arguments',
    ],
    [
      '{{1 2}}',
      'default',
      'template: output:1:2: executing "output" at <1>: can\'t give argument to non-function 1',
    ],
    [
      '{{range 1.5}}{{end}}',
      'default',
      'template: output:1:8: executing "output" at <1.5>: range can\'t iterate over 1.5',
    ],
    [
      '{{range $i, $e := 3}}{{end}}',
      'default',
      'template: output:1:18: executing "output" at <3>: can\'t use 3 to iterate over more than one variable',
    ],
    [
      '{{template "nope"}}',
      'default',
      'template: output:1:11: executing "output" at <{{template "nope"}}>: template "nope" not defined',
    ],
    [
      '{{eq}}',
      'default',
      'template: output:1:2: executing "output" at <eq>: wrong number of args for eq: want at least 1 got 0',
    ],
    [
      '{{not}}',
      'default',
      'template: output:1:2: executing "output" at <not>: wrong number of args for not: want 1 got 0',
    ],
    [
      '{{eq 1}}',
      'default',
      'template: output:1:2: executing "output" at <eq 1>: error calling eq: missing argument for comparison',
    ],
    [
      '{{lt true false}}',
      'default',
      'template: output:1:2: executing "output" at <lt true false>: error calling lt: invalid type for comparison',
    ],
    [
      '{{eq "a" 1}}',
      'default',
      'template: output:1:2: executing "output" at <eq "a" 1>: error calling eq: incompatible types for comparison: string and int',
    ],
    [
      '{{gt .spec.replicas 1.5}}',
      'default',
      'template: output:1:2: executing "output" at <gt .spec.replicas 1.5>: error calling gt: incompatible types for comparison: int64 and float64',
    ],
    [
      '{{eq .metadata.labels .metadata.labels}}',
      'default',
      'template: output:1:2: executing "output" at <eq .metadata.labels .metadata.labels>: error calling eq: non-comparable type map[app:nginx apps.kubernetes.io/pod-index:0]: map[string]interface {}',
    ],
    [
      '{{base64decode "!!"}}',
      'default',
      'template: output:1:2: executing "output" at <base64decode "!!">: error calling base64decode: base64 decode failed: illegal base64 data at input byte 0',
    ],
    [
      '{{call .kind}}',
      'default',
      'template: output:1:2: executing "output" at <call .kind>: error calling call: non-function .kind of type string',
    ],
    [
      '{{define "T"}}{{len .}}{{end}}{{template "T" 3}}',
      'default',
      'template: output:1:16: executing "T" at <len .>: error calling len: len of type int',
    ],
    [
      'x\n  {{len 3}}',
      'default',
      'template: output:2:4: executing "output" at <len 3>: error calling len: len of type int',
    ],
    [
      'Ü{{len 3}}',
      'default',
      'template: output:1:4: executing "output" at <len 3>: error calling len: len of type int',
    ],
  ] as const)('%s (missingkey=%s)', (template, missingKey, message) => {
    expect(error(template, missingKey)).toBe(message)
  })

  it('keeps the text written before the error', () => {
    expect(run('a{{.kind}}{{len 3}}b')).toEqual({
      output: 'aPod',
      error: 'template: output:1:12: executing "output" at <len 3>: error calling len: len of type int',
    })
  })

  it('gives up on runaway {{template}} recursion with Go message', () => {
    expect(error('{{define "T"}}{{template "T" .}}{{end}}{{template "T" .}}')).toMatch(
      /executing "T" at <\{\{template "T" \.\}\}>: exceeded maximum template depth \(100000\)$/,
    )
  })
})

describe('template properties', () => {
  const SEED = 20260101
  const objects = fc.dictionary(fc.string(), fc.jsonValue()) as fc.Arbitrary<JsonObject>

  it('prints text without actions verbatim, whatever the object', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('{{')),
        objects,
        (text, data) => {
          expect(out(text, data)).toBe(text)
        },
      ),
      { seed: SEED },
    )
  })

  it('prints {{.}} as fmt.Sprint prints the decoded object', () => {
    fc.assert(
      fc.property(objects, (data) => {
        expect(out('{{.}}', data)).toBe(goSprint(data))
      }),
      { seed: SEED },
    )
  })

  it('never fails other than with a parse or execution error', () => {
    const words =
      '{{ }} {{- -}} . a $ $x | ( ) " range if else end with := , 1 len index printf "%d" eq break'
    const pieces = [...words.split(' '), '/*', '*/', 'define', ' ', '\n']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), objects, (parts, data) => {
        let failure: unknown
        try {
          executeGoTemplate(parseGoTemplate(parts.join('')), data)
        } catch (e) {
          failure = e
        }
        const expected = failure instanceof TemplateParseError || failure instanceof ExecError
        expect(expected ? undefined : failure).toBeUndefined()
      }),
      { numRuns: 500, seed: SEED },
    )
  })
})
