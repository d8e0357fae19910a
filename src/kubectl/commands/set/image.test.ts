// kubectl set image (set_image.go): image changes in a StatefulSet's template (a rollout follows)
// and in a pod, with kubectl's messages for everything it refuses.
import { describe, expect, test } from 'vitest'
import type { Pod } from '../../../sim/model'
import { IMAGE_07, IMAGE_24, images, runningWeb, web } from '../rollout/testing'

const pod = (k: ReturnType<typeof runningWeb>, name: string) => k.sim.ctx.api.get<Pod>('Pod', 'default', name)

describe('kubectl set image', () => {
  test('changes the template, which rolls the pods to the new image', () => {
    const k = runningWeb()
    expect(k.kubectl(`set image statefulset/web nginx=${IMAGE_24}`)).toEqual({
      stdout: 'statefulset.apps/web image updated\n',
      stderr: '',
      output: 'statefulset.apps/web image updated\n',
      exitCode: 0,
    })
    expect(web(k).spec.template.spec.containers[0]!.image).toBe(IMAGE_24)
    expect(k.kubectl('rollout status sts/web').stdout).toContain('partitioned roll out complete: 2 new pods')
    expect(images(k)).toEqual([IMAGE_24, IMAGE_24])
  })

  test('the same image again changes nothing and prints nothing', () => {
    const k = runningWeb()
    const rv = web(k).metadata.resourceVersion
    expect(k.kubectl(`set image sts/web nginx=${IMAGE_07}`)).toMatchObject({ output: '', exitCode: 0 })
    expect(web(k).metadata.resourceVersion).toBe(rv)
  })

  test('* sets every container; sts web and --all name the set too', () => {
    const k = runningWeb()
    expect(k.kubectl(`set image sts web *=${IMAGE_24}`).stdout).toBe('statefulset.apps/web image updated\n')
    expect(k.kubectl('set image sts --all *=busybox:1.36').stdout).toBe(
      'statefulset.apps/web image updated\n',
    )
    expect(web(k).spec.template.spec.containers[0]!.image).toBe('busybox:1.36')
  })

  test('an unknown container name is an error and nothing is patched', () => {
    const k = runningWeb()
    const rv = web(k).metadata.resourceVersion
    expect(k.kubectl('set image sts/web foo=busybox')).toMatchObject({
      output: 'error: unable to find container named "foo"\n',
      exitCode: 1,
    })
    expect(web(k).metadata.resourceVersion).toBe(rv)
  })

  test("a pod's image can be changed directly", () => {
    const k = runningWeb()
    expect(k.kubectl(`set image pod/web-0 nginx=${IMAGE_24}`).stdout).toBe('pod/web-0 image updated\n')
    expect(pod(k, 'web-0').spec.containers[0]!.image).toBe(IMAGE_24)
    expect(web(k).spec.template.spec.containers[0]!.image).toBe(IMAGE_07)
  })

  test('--dry-run says so and changes nothing; -o yaml prints the changed object', () => {
    const k = runningWeb()
    expect(k.kubectl(`set image sts/web nginx=${IMAGE_24} --dry-run=client`).stdout).toBe(
      'statefulset.apps/web image updated (dry run)\n',
    )
    expect(k.kubectl(`set image sts/web nginx=${IMAGE_24} --dry-run=server`).stdout).toBe(
      'statefulset.apps/web image updated (server dry run)\n',
    )
    expect(web(k).spec.template.spec.containers[0]!.image).toBe(IMAGE_07)
    expect(k.kubectl(`set image sts/web nginx=${IMAGE_24} --dry-run=client -o yaml`).stdout).toContain(
      `image: ${IMAGE_24}\n`,
    )
    expect(
      k.kubectl(
        `set image sts/web nginx=${IMAGE_24} --dry-run=client -o 'go-template={{(index .spec.template.spec.containers 0).image}}'`,
      ).stdout,
    ).toBe(IMAGE_24)
    expect(k.kubectl('set image sts/web nginx=x -o wide').stderr).toBe(
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
    )
  })

  test('--record writes the command into kubernetes.io/change-cause, which rollout history shows', () => {
    const k = runningWeb()
    const r = k.kubectl(`set image sts/web nginx=${IMAGE_24} --record`)
    expect(r.stderr).toBe('Flag --record has been deprecated, --record will be removed in the future\n')
    expect(r.stdout).toBe('statefulset.apps/web image updated\n')
    k.kubectl('rollout status sts/web')
    expect(k.kubectl('rollout history sts/web').stdout).toBe(
      'statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n' +
        `2         kubectl set image sts/web nginx=${IMAGE_24} --record=true\n\n`,
    )
  })

  test('usage errors, in the order kubectl checks them', () => {
    const k = runningWeb()
    const err = (line: string) => {
      const r = k.kubectl(line)
      return [r.output, r.exitCode]
    }
    expect(err('set image')).toEqual([
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
      1,
    ])
    expect(err('set image sts/web')).toEqual(['error: at least one image update is required\n', 1])
    expect(err('set image sts nginx=x')).toEqual([
      'error: resource(s) were provided, but no name was specified\n',
      1,
    ])
    expect(err('set image sts/web nginx=x sts/other')).toEqual([
      'error: all resources must be specified before image changes: sts/other\n',
      1,
    ])
    expect(err('set image sts/web nginx=x *=y')).toEqual([
      'error: all containers are already specified by *, but saw more than one container_name=container_image pairs\n',
      1,
    ])
    expect(err('set image sts/nope nginx=x')).toEqual([
      'Error from server (NotFound): statefulsets.apps "nope" not found\n',
      1,
    ])
    expect(err('set image svc/nginx nginx=x')).toEqual([
      'error: services/nginx the object is not a pod or does not have a pod template: *v1.Service\n',
      1,
    ])
    expect(err('set image sts --all -l app=nginx nginx=x')).toEqual([
      'error: cannot set --all and --selector at the same time\n',
      1,
    ])
  })
})

describe('kubectl set', () => {
  test('without a subcommand prints its help on stderr and fails', () => {
    const k = runningWeb()
    const r = k.kubectl('set')
    expect(r.exitCode).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(
      [
        'Configure application resources.',
        '',
        ' These commands help you make changes to existing application resources.',
        '',
        'Available Commands:',
        '  env            Update environment variables on a pod template',
        '  image          Update the image of a pod template',
        '  resources      Update resource requests/limits on objects with pod templates',
        '  selector       Set the selector on a resource',
        '  serviceaccount Update the service account of a resource',
        '  subject        Update the user, group, or service account in a role binding or cluster role binding',
        '',
        'Usage:',
        '  kubectl set SUBCOMMAND [options]',
        '',
        'Use "kubectl set <command> --help" for more information about a given command.',
        'Use "kubectl options" for a list of global command-line options (applies to all commands).',
        '',
      ].join('\n'),
    )
  })

  test('a flag error names the subcommand', () => {
    const k = runningWeb()
    expect(k.kubectl('set image sts/web nginx=x --bogus').stderr).toBe(
      "error: unknown flag: --bogus\nSee 'kubectl set image --help' for usage.\n",
    )
  })
})
