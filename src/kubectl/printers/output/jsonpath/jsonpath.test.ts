import { describe, expect, it } from 'vitest'
import { pod, service } from '../../testing/fixtures'
import { printJsonPath, printOutput, printable } from '../index'

const pods = [
  pod({ ordinal: 0 }),
  pod({ ordinal: 1, createdAt: 21 }),
  pod({ ordinal: 2, state: 'pending', createdAt: 41 }),
]
const list = printable(pods)
const jp = (template: string, data = list) => printJsonPath(data, template)

describe('-o jsonpath', () => {
  it('prints fields and space-separated [*] results', () => {
    expect(jp('{.items[*].metadata.name}').stdout).toBe('web-0 web-1 web-2')
    expect(jp('{.kind}').stdout).toBe('List')
    expect(jp('{.items[0].spec.containers[0].image}').stdout).toBe('registry.k8s.io/nginx-slim:0.7')
  })

  it('indexes, slices and counts from the end', () => {
    expect(jp('{.items[-1].metadata.name}').stdout).toBe('web-2')
    expect(jp('{.items[0:2].metadata.name}').stdout).toBe('web-0 web-1')
    expect(jp('{.items[::2].metadata.name}').stdout).toBe('web-0 web-2')
    expect(jp('{.items[0,2].metadata.name}').stdout).toBe('web-0 web-2')
  })

  it('ranges with literals and newlines', () => {
    expect(jp('{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}').stdout).toBe(
      'web-0\tRunning\nweb-1\tRunning\nweb-2\tPending\n',
    )
    expect(jp('names:{range .items[*]} {.metadata.name}{end} done').stdout).toBe(
      'names: web-0 web-1 web-2 done',
    )
  })

  it('continues after the end of an empty range', () => {
    expect(printJsonPath(printable([]), '{range .items[*]}{.metadata.name}{"\\n"}{end}total').stdout).toBe(
      'total',
    )
  })

  it('filters with [?()] and tests for existence', () => {
    expect(jp('{.items[*].status.conditions[?(@.type=="Ready")].status}').stdout).toBe('True True')
    expect(jp('{.items[?(@.status.podIP)].metadata.name}').stdout).toBe('web-0 web-1')
    expect(jp("{.items[?(@.metadata.name!='web-1')].metadata.name}").stdout).toBe('web-0 web-2')
    expect(jp('{.items[0].spec.containers[0].ports[?(@.containerPort>=80)].name}').stdout).toBe('web')
  })

  it('prints maps and lists as compact JSON, like current kubectl', () => {
    expect(
      printOutput([pod({ ordinal: 0 })], { output: 'jsonpath={.metadata.labels}', singleItem: true }).stdout,
    ).toBe(
      '{"app":"nginx","apps.kubernetes.io/pod-index":"0","controller-revision-hash":"web-64785d989f","statefulset.kubernetes.io/pod-name":"web-0"}',
    )
    expect(jp('{.items[0].spec.volumes}').stdout).toBe(
      '[{"name":"www","persistentVolumeClaim":{"claimName":"www-web-0"}}]',
    )
  })

  it('supports recursive descent, wildcards, ["key"] and jsonpath-as-json', () => {
    const svc = printable([service()], true)
    expect(jp('{..port}', svc).stdout).toBe('80')
    expect(jp("{.metadata.labels['app']}", svc).stdout).toBe('nginx')
    expect(jp('{.spec.selector.*}', svc).stdout).toBe('nginx')
    expect(printOutput(pods, { output: 'jsonpath-as-json={.items[*].metadata.name}' }).stdout).toBe(
      '[\n    "web-0",\n    "web-1",\n    "web-2"\n]\n',
    )
  })

  it('ignores missing keys by default (--allow-missing-template-keys=true)', () => {
    expect(jp('{.items[*].spec.nodeName}').stdout).toBe('kind-worker kind-worker')
    expect(jp('{.foo}').stdout).toBe('')
  })

  it('reports a missing key with kubectl text when missing keys are not allowed', () => {
    const svc = printable([service()], true)
    const { stdout, stderr, exitCode } = printJsonPath(svc, '{.foo}', false)
    expect([stdout, exitCode]).toEqual(['', 1])
    expect(
      stderr.startsWith(
        'error: error executing jsonpath "{.foo}": Error executing template: foo is not found. Printing more information for debugging the template:\n',
      ),
    ).toBe(true)
    expect(stderr).toContain(
      '\ttemplate was:\n\t\t{.foo}\n\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"apiVersion":"v1", "kind":"Service", "metadata":map[string]interface {}{',
    )
    expect(
      stderr.endsWith(
        '"type":"ClusterIP"}, "status":map[string]interface {}{"loadBalancer":map[string]interface {}{}}}\n\n\n',
      ),
    ).toBe(true)
  })

  it('reports execution errors such as an index out of range', () => {
    expect(jp('{.items[5].metadata.name}').stderr).toMatch(
      /^error: error executing jsonpath "\{\.items\[5\]\.metadata\.name\}": Error executing template: array index out of bounds: index 5, length 3\. /,
    )
    expect(jp('{.kind[0]}').stderr).toMatch(/Error executing template: string is not array or slice\./)
    expect(jp('{end}').stderr).toMatch(/Error executing template: not in range, nothing to end\./)
  })

  it('reports parse errors as kubectl does', () => {
    expect(jp('{.items[*].metadata.name').stderr).toBe(
      'error: error parsing jsonpath {.items[*].metadata.name, unclosed action\n',
    )
    expect(jp('{.items[a]}').stderr).toBe(
      'error: error parsing jsonpath {.items[a]}, invalid array index a\n',
    )
    expect(jp('{!}').stderr).toBe(
      "error: error parsing jsonpath {!}, unrecognized character in action: U+0021 '!'\n",
    )
    expect(jp('').stderr).toBe('error: template format specified but no template given\n')
  })
})
