// kubectl rollout as a command group: its help, unknown subcommands, and pause/resume, which
// kubectl supports for Deployments only.
import { describe, expect, test } from 'vitest'
import { runningWeb } from './testing'

describe('kubectl rollout', () => {
  test('without a subcommand prints the group help on stdout and fails, as DefaultSubCommandRun does', () => {
    const k = runningWeb()
    const r = k.kubectl('rollout')
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe(
      [
        'Manage the rollout of one or many resources.',
        '        ',
        ' Valid resource types include:',
        '',
        '  *  deployments',
        '  *  daemonsets',
        '  *  statefulsets',
        '',
        'Examples:',
        '  # Rollback to the previous deployment',
        '  kubectl rollout undo deployment/abc',
        '  ',
        '  # Check the rollout status of a daemonset',
        '  kubectl rollout status daemonset/foo',
        '  ',
        '  # Restart a deployment',
        '  kubectl rollout restart deployment/abc',
        '  ',
        "  # Restart deployments with the 'app=nginx' label",
        '  kubectl rollout restart deployment --selector=app=nginx',
        '',
        'Available Commands:',
        '  history     View rollout history',
        '  pause       Mark the provided resource as paused',
        '  restart     Restart a resource',
        '  resume      Resume a paused resource',
        '  status      Show the status of the rollout',
        '  undo        Undo a previous rollout',
        '',
        'Usage:',
        '  kubectl rollout SUBCOMMAND [options]',
        '',
        'Use "kubectl rollout <command> --help" for more information about a given command.',
        'Use "kubectl options" for a list of global command-line options (applies to all commands).',
        '',
      ].join('\n'),
    )
    expect(k.kubectl('rollout --help')).toMatchObject({ stdout: r.stdout, exitCode: 0 })
  })

  test('an unknown subcommand is a usage error', () => {
    const k = runningWeb()
    expect(k.kubectl('rollout rewind sts/web')).toMatchObject({
      stderr: 'error: unknown command "rewind sts/web"\nSee \'kubectl rollout -h\' for help and examples\n',
      exitCode: 1,
    })
  })

  test('flags before the subcommand are allowed (kubectl rollout -n default history …)', () => {
    const k = runningWeb()
    expect(k.kubectl('rollout -n default history sts/web').stdout).toBe(
      'statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n\n',
    )
  })

  test('pause and resume are not supported for a StatefulSet', () => {
    const k = runningWeb()
    expect(k.kubectl('rollout pause statefulset/web')).toMatchObject({
      stderr: 'error: statefulsets.apps "web" pausing is not supported\n',
      exitCode: 1,
    })
    expect(k.kubectl('rollout resume sts/web')).toMatchObject({
      stderr: 'error: statefulsets.apps "web" resuming is not supported\n',
      exitCode: 1,
    })
    expect(k.kubectl('rollout pause').stderr).toBe('error: required resource not specified\n')
  })

  test('rollout status needs exactly one object', () => {
    const k = runningWeb()
    expect(k.kubectl('rollout status sts -l app=none').stderr).toBe(
      'error: rollout status is only supported on individual resources and resource collections - 0 resources were found\n',
    )
    expect(k.kubectl('rollout status pod/web-0').stderr).toBe(
      'error: no status viewer has been implemented for Pod\n',
    )
  })
})
