// kubectl rollout history for a StatefulSet (7.6): the name printer's line, then the revision
// table or one revision's pod template, exactly as kubectl v1.34 prints them.
import { describe, expect, test } from 'vitest'
import { IMAGE_08, IMAGE_24, rollTo, runningWeb } from './testing'

describe('kubectl rollout history statefulset/web', () => {
  test('a fresh set has revision 1 with no change cause, followed by a blank line', () => {
    const k = runningWeb()
    expect(k.kubectl('rollout history statefulset/web')).toEqual({
      stdout: 'statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n\n',
      stderr: '',
      output: 'statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n\n',
      exitCode: 0,
    })
  })

  test('each template change adds a revision; sts web is the same command', () => {
    const k = runningWeb()
    rollTo(k, IMAGE_08)
    rollTo(k, IMAGE_24)
    expect(k.kubectl('rollout history sts web').stdout).toBe(
      'statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n3         <none>\n\n',
    )
  })

  test('a replicas or partition change adds no revision (7.2)', () => {
    const k = runningWeb()
    k.kubectl(`patch sts web -p '{"spec":{"replicas":3,"updateStrategy":{"rollingUpdate":{"partition":1}}}}'`)
    k.settle()
    expect(k.kubectl('rollout history sts/web').stdout).toBe(
      'statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n\n',
    )
  })

  test('CHANGE-CAUSE is the kubernetes.io/change-cause annotation the revision copied from the set', () => {
    const k = runningWeb()
    k.kubectl(
      `patch sts web -p '{"metadata":{"annotations":{"kubernetes.io/change-cause":"nginx 0.8 for the TLS fix"}},"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"${IMAGE_08}"}]}}}}'`,
    )
    k.kubectl('rollout status sts/web')
    expect(k.kubectl('rollout history sts/web').stdout).toBe(
      'statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         nginx 0.8 for the TLS fix\n\n',
    )
  })

  test("--revision=N prints that revision's pod template with tabs, as describe writes it unaligned", () => {
    const k = runningWeb()
    rollTo(k, IMAGE_24)
    expect(k.kubectl('rollout history sts/web --revision=2').stdout).toBe(
      [
        'statefulset.apps/web with revision #2',
        'Pod Template:',
        '  Labels:\tapp=nginx',
        '  Containers:',
        '   nginx:',
        `    Image:\t${IMAGE_24}`,
        '    Port:\t80/TCP',
        '    Host Port:\t0/TCP',
        '    Environment:\t<none>',
        '    Mounts:',
        '      /usr/share/nginx/html from www (rw)',
        '  Volumes:\t<none>',
        '  Node-Selectors:\t<none>',
        '  Tolerations:\t<none>',
        '',
        '',
      ].join('\n'),
    )
    expect(k.kubectl('rollout history sts/web --revision=1').stdout).toContain(
      'Image:\tregistry.k8s.io/nginx-slim:0.7\n',
    )
  })

  test('-o yaml prints the set as it was at each revision, separated by ---', () => {
    const k = runningWeb()
    rollTo(k, IMAGE_24)
    const out = k.kubectl('rollout history sts/web -o yaml').stdout
    expect(out.split('\n---\n')).toHaveLength(2)
    expect(out.indexOf('image: registry.k8s.io/nginx-slim:0.7')).toBeLessThan(
      out.indexOf(`image: ${IMAGE_24}`),
    )
    expect(
      k.kubectl(
        "rollout history sts/web --revision=1 -o jsonpath='{.spec.template.spec.containers[0].image}'",
      ).stdout,
    ).toBe('registry.k8s.io/nginx-slim:0.7')
  })

  test('errors: an unknown revision, a negative one, no resource, a missing set, kinds without history', () => {
    const k = runningWeb()
    const err = (line: string) => {
      const r = k.kubectl(line)
      return [r.stderr, r.exitCode]
    }
    expect(err('rollout history sts/web --revision=5')).toEqual([
      'error: unable to find the specified revision\n',
      1,
    ])
    expect(err('rollout history sts/web --revision=-1')).toEqual([
      'error: revision must be a positive integer: -1\n',
      1,
    ])
    expect(err('rollout history')).toEqual(['error: required resource not specified\n', 1])
    expect(err('rollout history sts/nope')).toEqual([
      'Error from server (NotFound): statefulsets.apps "nope" not found\n',
      1,
    ])
    expect(err('rollout history pod/web-0')).toEqual([
      'error: no history viewer has been implemented for "Pod"\n',
      1,
    ])
    expect(err('rollout history svc/nginx')).toEqual([
      'error: error retrieving history for "Service", no visitor method exists for { Service}\n',
      1,
    ])
    expect(err('rollout history sts/web --bogus')).toEqual([
      "error: unknown flag: --bogus\nSee 'kubectl rollout history --help' for usage.\n",
      1,
    ])
  })

  test('a bare type shows every set of that type; -l narrows it', () => {
    const k = runningWeb()
    expect(k.kubectl('rollout history statefulsets').stdout).toBe(
      'statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n\n',
    )
    expect(k.kubectl('rollout history sts -l app=other')).toMatchObject({ stdout: '', exitCode: 0 })
  })
})
