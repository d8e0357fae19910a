// The kubectl entry point: which verb runs, where global flags may stand, and what an unknown
// verb prints (cobra's "unknown command" with "Did you mean this?", printed by kubectl's CheckErr).
import { describe, expect, test } from 'vitest'
import { KubectlHarness, WEB_YAML } from './testing/kubectlHarness'

describe('runKubectl routes the verb', () => {
  test('an unknown verb is an error naming kubectl, exit 1', () => {
    const r = new KubectlHarness().kubectl('frobnicate pods')
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe('error: unknown command "frobnicate" for "kubectl"\n')
    expect(r.exitCode).toBe(1)
  })

  // cobra's findSuggestions ends with "\t<verb>\n" and CheckErr adds no newline to a message that
  // already ends in one, so real kubectl prints no blank line after the suggestion.
  test("a mistyped verb gets cobra's suggestion and no trailing blank line", () => {
    const r = new KubectlHarness().kubectl('delet pod web-0')
    expect(r.stderr).toBe('error: unknown command "delet" for "kubectl"\n\nDid you mean this?\n\tdelete\n')
  })

  test('a mistyped verb names the close verb', () => {
    const r = new KubectlHarness().kubectl('delet pod web-0')
    expect(
      r.stderr.startsWith('error: unknown command "delet" for "kubectl"\n\nDid you mean this?\n\tdelete\n'),
    ).toBe(true)
    expect(r.exitCode).toBe(1)
  })

  test('a global flag written with = may come before the verb', () => {
    const k = new KubectlHarness({ files: { 'web.yaml': WEB_YAML } })
    k.kubectl('apply -f web.yaml')
    expect(k.kubectl('--namespace=default get sts -o name').stdout).toBe('statefulset.apps/web\n')
    expect(k.kubectl('--namespace=kube-system get svc -o name').stdout).toBe('service/kube-dns\n')
  })

  // `kubectl -n kube-system get pods` is how many people type it: the flag's value is not the verb.
  test('-n NAMESPACE before the verb selects the namespace', () => {
    const k = new KubectlHarness()
    const r = k.kubectl('-n kube-system get svc -o name')
    expect(r.stdout).toBe('service/kube-dns\n')
    expect(r.exitCode).toBe(0)
  })

  test('the verb may follow the flags of another verb only as the first plain word', () => {
    const k = new KubectlHarness({ files: { 'web.yaml': WEB_YAML } })
    expect(k.kubectl('apply -f web.yaml').stdout).toBe(
      'service/nginx created\nstatefulset.apps/web created\n',
    )
    expect(k.kubectl('get svc nginx -o name').stdout).toBe('service/nginx\n')
  })

  test('no verb prints what Ordinal simulates and exits 0', () => {
    const r = new KubectlHarness().kubectl('')
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toContain('kubectl controls the Kubernetes cluster manager.')
  })
})

describe('an unknown resource type', () => {
  test('is reported by get, delete and describe in the server-discovery words', () => {
    const k = new KubectlHarness()
    for (const verb of ['get', 'describe', 'delete']) {
      const r = k.kubectl(`${verb} foo bar`)
      expect(r.stderr).toBe('error: the server doesn\'t have a resource type "foo"\n')
      expect(r.exitCode).toBe(1)
    }
  })

  test('short names, plurals, singulars and group-qualified names all resolve', () => {
    const k = new KubectlHarness({ files: { 'web.yaml': WEB_YAML } })
    k.kubectl('apply -f web.yaml')
    for (const type of ['sts', 'statefulset', 'statefulsets', 'statefulsets.apps', 'StatefulSet']) {
      expect(k.kubectl(`get ${type} web -o name`).stdout).toBe('statefulset.apps/web\n')
    }
    expect(k.kubectl('get statefulset.apps/web -o name').stdout).toBe('statefulset.apps/web\n')
  })
})
