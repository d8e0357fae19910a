// kubectl annotate (pkg/cmd/annotate/annotate.go): `annotated` for every object, the --overwrite
// error naming each clashing key, removal, --list, and the retroactive default StorageClass it
// unlocks: claims made while no class was default get one when the annotation comes back.
import { describe, expect, test } from 'vitest'
import type { PersistentVolumeClaim, Pod, StorageClass } from '../../sim/model'
import { KubectlHarness, WEB_YAML } from '../testing/kubectlHarness'

const DEFAULT = 'storageclass.kubernetes.io/is-default-class'

const annotations = (k: KubectlHarness) =>
  k.sim.ctx.api.get<Pod>('Pod', 'default', 'web-0').metadata.annotations ?? {}

function runningWeb(): KubectlHarness {
  const k = new KubectlHarness({ files: { 'web.yaml': WEB_YAML } })
  k.kubectl('apply -f web.yaml')
  k.settle()
  return k
}

describe('kubectl annotate', () => {
  test('sets, refuses to overwrite without --overwrite, removes; always says annotated', () => {
    const k = runningWeb()
    expect(k.kubectl(['annotate', 'pod', 'web-0', 'description=my frontend']).stdout).toBe(
      'pod/web-0 annotated\n',
    )
    expect(annotations(k).description).toBe('my frontend')
    expect(k.kubectl(['annotate', 'pod', 'web-0', 'description=my frontend']).stdout).toBe(
      'pod/web-0 annotated\n',
    )
    k.kubectl('annotate pod web-0 owner=me')
    expect(k.kubectl('annotate pod web-0 description=x owner=you')).toMatchObject({
      stderr: expect.stringMatching(
        /^error: --overwrite is false but found the following declared annotation\(s\): 'description' already has a value \(my frontend\); 'owner' already has a value \(me\)\n$/,
      ) as unknown as string,
      exitCode: 1,
    })
    expect(k.kubectl('annotate pod web-0 owner=you --overwrite').stdout).toBe('pod/web-0 annotated\n')
    expect(k.kubectl('annotate pod web-0 owner- description-').stdout).toBe('pod/web-0 annotated\n')
    expect(annotations(k)).toEqual({})
    // Values are free text; only the first `=` splits.
    k.kubectl('annotate pod web-0 url=http://x/?a=b')
    expect(annotations(k).url).toBe('http://x/?a=b')
    expect(k.kubectl('annotate pod web-0 --list').stdout).toBe('url=http://x/?a=b\n')
  })

  test('errors in kubectl words', () => {
    const k = runningWeb()
    expect(k.kubectl('annotate pod web-0').stderr).toBe('error: at least one annotation update is required\n')
    expect(k.kubectl('annotate pod web-0 a=1 a-').stderr).toBe(
      'error: can not both modify and remove the following annotation(s) in the same command: a\n',
    )
    expect(k.kubectl('annotate pod web-0 a=1 -').stderr).toBe(
      'error: all resources must be specified before annotation changes: -\n',
    )
    expect(k.kubectl('annotate pod web-0 a=1 -o wide').stderr).toBe(
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
    )
  })

  test('a StorageClass is storageclass.storage.k8s.io; --dry-run changes nothing', () => {
    const k = new KubectlHarness()
    expect(k.kubectl(`annotate sc standard ${DEFAULT}- --dry-run=client`).stdout).toBe(
      'storageclass.storage.k8s.io/standard annotated (dry run)\n',
    )
    expect(
      k.sim.ctx.api.get<StorageClass>('StorageClass', undefined, 'standard').metadata.annotations?.[DEFAULT],
    ).toBe('true')
  })

  test('retroactive default class: Pending claims get the class once it is default again', () => {
    const k = new KubectlHarness({ files: { 'web.yaml': WEB_YAML } })
    expect(k.kubectl(`annotate storageclass standard ${DEFAULT}-`).stdout).toBe(
      'storageclass.storage.k8s.io/standard annotated\n',
    )
    k.kubectl('apply -f web.yaml')
    k.advance(30_000)
    const claim = () =>
      k.sim.ctx.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', 'www-web-0')
    expect(claim().status.phase).toBe('Pending')
    expect(claim().spec.storageClassName).toBeUndefined()
    expect(k.kubectl('describe pvc www-web-0').stdout).toContain('FailedBinding  ')
    expect(k.kubectl('describe pvc www-web-0').stdout).toContain(
      'no persistent volumes available for this claim and no storage class is set',
    )
    k.kubectl(`annotate storageclass standard ${DEFAULT}=true`)
    k.settle()
    expect(claim().spec.storageClassName).toBe('standard')
    expect(claim().status.phase).toBe('Bound')
    expect(k.isReady('web-1')).toBe(true)
  })

  test('a claim that asked for no class ("") is left alone', () => {
    const k = new KubectlHarness()
    k.kubectl(`annotate storageclass standard ${DEFAULT}-`)
    const pvc = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: none
spec:
  storageClassName: ""
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
`
    k.kubectl('apply -f -', { stdin: pvc })
    k.kubectl(`annotate storageclass standard ${DEFAULT}=true`)
    k.advance(60_000)
    const claim = k.sim.ctx.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', 'default', 'none')
    expect(claim.spec.storageClassName).toBe('')
    expect(claim.status.phase).toBe('Pending')
  })
})
