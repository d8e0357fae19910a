// kubectl apply/create and unknown fields (server-side field validation, F145, 12.5): `--validate`
// strict (the default) fails the object, warn prints `Warning: unknown field …` and applies,
// ignore (or false) applies silently; either way the API server stores the object without them.
import { describe, expect, test } from 'vitest'
import type { StatefulSet } from '../../sim/model'
import { KubectlHarness, WEB_YAML } from '../testing/kubectlHarness'

const [SERVICE_DOC, STATEFULSET_DOC] = WEB_YAML.split('---\n') as [string, string]
const TYPO = WEB_YAML.replace('  replicas: 2\n', '  replicas: 2\n  replica: 3\n')
const TWO = TYPO.replace(
  '        image: registry',
  '        imagePullPolice: Always\n        image: registry',
)
const STRICT_ERROR =
  'Error from server (BadRequest): error when creating "typo.yaml": StatefulSet in version "v1" cannot be handled as a StatefulSet: strict decoding error: unknown field "spec.replica"\n'

const harness = () =>
  new KubectlHarness({ files: { 'web.yaml': WEB_YAML, 'typo.yaml': TYPO, 'two.yaml': TWO } })
const stored = (h: KubectlHarness) => h.sim.ctx.api.get<StatefulSet>('StatefulSet', 'default', 'web')

describe('kubectl apply with an unknown field', () => {
  test('strict (the default): the object fails, the file’s other objects apply', () => {
    const h = harness()
    expect(h.kubectl('apply -f typo.yaml')).toMatchObject({
      stdout: 'service/nginx created\n',
      stderr: STRICT_ERROR,
      exitCode: 1,
    })
    expect(h.sim.ctx.api.tryGet('StatefulSet', 'default', 'web')).toBeUndefined()
    for (const flag of ['--validate', '--validate=true', '--validate=strict', '--validate=T'])
      expect(h.kubectl(`apply -f typo.yaml ${flag}`).stderr).toBe(STRICT_ERROR)
  })

  test('two unknown fields are one error naming both', () => {
    expect(harness().kubectl('create -f two.yaml').stderr).toBe(
      'Error from server (BadRequest): error when creating "two.yaml": StatefulSet in version "v1" cannot be handled as a StatefulSet: strict decoding error: unknown field "spec.replica", unknown field "spec.template.spec.containers[0].imagePullPolice"\n',
    )
  })

  test('warn: a warning per field (each once per command), then the object applies without them', () => {
    const h = harness()
    h.files['both.yaml'] =
      `${TWO}---\n${STATEFULSET_DOC.replace('name: web', 'name: db').replace('  replicas: 2\n', '  replica: 1\n')}`
    expect(h.kubectl('apply -f both.yaml --validate=warn')).toMatchObject({
      output:
        'service/nginx created\n' +
        'Warning: unknown field "spec.replica"\n' +
        'Warning: unknown field "spec.template.spec.containers[0].imagePullPolice"\n' +
        'statefulset.apps/web created\n' +
        'statefulset.apps/db created\n',
      exitCode: 0,
    })
    const spec = stored(h).spec as unknown as Record<string, unknown>
    expect(spec.replica).toBeUndefined()
    expect(spec.replicas).toBe(2)
    expect(stored(h).spec.template.spec.containers[0]).not.toHaveProperty('imagePullPolice')
  })

  test('ignore (or false): applies silently, dropping the fields', () => {
    for (const flag of ['--validate=ignore', '--validate=false', '--validate=0']) {
      const h = harness()
      expect(h.kubectl(`apply -f two.yaml ${flag}`)).toMatchObject({
        stdout: 'service/nginx created\nstatefulset.apps/web created\n',
        stderr: '',
      })
      expect(stored(h).spec).not.toHaveProperty('replica')
    }
  })

  test('an object that exists: the patch is refused as invalid, quoting it as the API server has merged it', () => {
    const h = harness()
    h.kubectl('apply -f web.yaml')
    const r = h.kubectl('apply -f typo.yaml')
    expect(r.stdout).toBe('service/nginx unchanged\n')
    // The keyed containers list went into the object under $setElementOrder: the patch keeps
    // `template:map[spec:map[]]`; volumeClaimTemplates is replaced whole, so it is always sent.
    expect(r.stderr).toMatch(
      /^The request is invalid: patch: Invalid value: "map\[metadata:map\[annotations:map\[kubectl\.kubernetes\.io\/last-applied-configuration:\{\\"apiVersion\\":\\"apps\/v1\\",.*\\n\]\] spec:map\[replica:3 volumeClaimTemplates:\[map\[metadata:map\[name:www\] spec:map\[accessModes:\[ReadWriteOnce\] resources:map\[requests:map\[storage:1Gi\]\]\]\]\]\]\]": strict decoding error: unknown field "spec\.replica"\n$/,
    )
    expect(r.exitCode).toBe(1)
    expect(h.kubectl('apply -f typo.yaml --validate=warn').output).toBe(
      'service/nginx unchanged\nWarning: unknown field "spec.replica"\nstatefulset.apps/web configured\n',
    )
  })

  test('a client dry run sends nothing, so nothing is refused', () => {
    expect(harness().kubectl('apply -f typo.yaml --dry-run=client').stderr).toBe('')
  })
})

describe('the --validate flag', () => {
  test('any other value is refused before anything is read', () => {
    expect(harness().kubectl('apply -f typo.yaml --validate=yes')).toMatchObject({
      stdout: '',
      stderr:
        'error: invalid - validate option "yes"; must be one of: strict (or true), warn, ignore (or false)\n',
      exitCode: 1,
    })
  })

  test('given alone it means strict, so a following word is an argument apply does not take', () => {
    expect(harness().kubectl('apply -f typo.yaml --validate false')).toMatchObject({
      stderr: "error: Unexpected args: [false]\nSee 'kubectl apply -h' for help and examples\n",
      exitCode: 1,
    })
  })

  test('ignore also turns off the client-side kind check: decoding names the missing kind (F146)', () => {
    const h = harness()
    h.files['nokind.yaml'] = SERVICE_DOC.replace('kind: Service\n', '')
    expect(h.kubectl('apply -f nokind.yaml --validate=false').stderr).toBe(
      `error: unable to decode "nokind.yaml": Object 'Kind' is missing in '{"apiVersion":"v1","metadata":{"labels":{"app":"nginx"},"name":"nginx"},"spec":{"clusterIP":"None","ports":[{"name":"web","port":80}],"selector":{"app":"nginx"}}}'\n`,
    )
    h.files['noversion.yaml'] = SERVICE_DOC.replace('apiVersion: v1\n', '')
    expect(h.kubectl('apply -f noversion.yaml --validate=false').stderr).toBe(
      'error: resource mapping not found for name: "nginx" namespace: "" from "noversion.yaml": no matches for kind "Service" in version ""\nensure CRDs are installed first\n',
    )
  })
})
