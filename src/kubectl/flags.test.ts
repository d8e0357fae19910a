// Flag parsing as spf13/pflag does it for kubectl, and the way kubectl reports a bad flag: the
// pflag message, then cobra's usage hint. Expected texts were checked against pflag's
// parseSingleShortArg / FlagSet.Set and a kubectl 1.32 client (which prints flag errors before
// it contacts any server).
import { describe, expect, test } from 'vitest'
import { FlagError, parseFlags, type FlagSpec } from './flags'
import { KubectlHarness } from './testing/kubectlHarness'

const SPECS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'filename', short: 'f', type: 'strings' },
  { name: 'replicas', type: 'int', default: -1 },
  { name: 'wait', type: 'bool', default: true },
  { name: 'validate', type: 'string', default: 'strict', noOptDefault: 'strict' },
]

const parse = (line: string) => parseFlags(line.split(' ').filter(Boolean), SPECS)
const failure = (line: string) => {
  try {
    parse(line)
  } catch (e) {
    expect(e).toBeInstanceOf(FlagError)
    return (e as Error).message
  }
  throw new Error(`no flag error for: ${line}`)
}

describe('parseFlags reads values the ways pflag accepts them', () => {
  test('--name=value and --name value give the same value', () => {
    expect(parse('get pods --output=wide').flags.output).toBe('wide')
    expect(parse('get pods --output wide').flags.output).toBe('wide')
    expect(parse('get pods --output wide').args).toEqual(['get', 'pods'])
  })

  test('-n ns, -nns and -n=ns all set the namespace', () => {
    expect(parse('-n kube-system').flags.namespace).toBe('kube-system')
    expect(parse('-nkube-system').flags.namespace).toBe('kube-system')
    expect(parse('-n=kube-system').flags.namespace).toBe('kube-system')
    expect(parse('--namespace=kube-system').flags.namespace).toBe('kube-system')
  })

  test('-it sets both boolean shorthands of the group', () => {
    const { flags, given } = parse('-it web-0')
    expect(flags.stdin).toBe(true)
    expect(flags.tty).toBe(true)
    expect([...given].sort()).toEqual(['stdin', 'tty'])
  })

  test('a boolean shorthand takes =false, a boolean long flag takes =false', () => {
    expect(parse('-w=false').flags.watch).toBe(false)
    expect(parse('--wait=false').flags.wait).toBe(false)
    expect(parse('').flags.wait).toBe(true)
  })

  test('a boolean long flag does not consume the next word', () => {
    const { flags, args } = parse('--watch pods')
    expect(flags.watch).toBe(true)
    expect(args).toEqual(['pods'])
  })

  test('-- ends the flags: everything after it is passed on untouched, even words that look like flags', () => {
    const { flags, args, rest } = parse('web-0 -i -- ls -l -o x')
    expect(args).toEqual(['web-0'])
    expect(flags.stdin).toBe(true)
    expect(flags.output).toBeUndefined()
    expect(rest).toEqual(['ls', '-l', '-o', 'x'])
  })

  test('a repeated list flag accumulates, and a comma splits values', () => {
    expect(parse('-f a.yaml --filename b.yaml,c.yaml').flags.filename).toEqual(['a.yaml', 'b.yaml', 'c.yaml'])
  })

  test('an int flag keeps its default until given, then parses the number', () => {
    expect(parse('').flags.replicas).toBe(-1)
    expect(parse('--replicas=0').flags.replicas).toBe(0)
    expect(parse('--replicas 5').flags.replicas).toBe(5)
  })

  test('a string flag with a NoOptDefVal takes it when given alone, leaving the next word an argument', () => {
    expect(parse('--validate false')).toMatchObject({ flags: { validate: 'strict' }, args: ['false'] })
    expect(parse('--validate=warn').flags.validate).toBe('warn')
  })

  test('only flags the user typed are reported as given', () => {
    expect([...parse('--replicas=3 -o name').given].sort()).toEqual(['output', 'replicas'])
  })
})

describe('parseFlags fails with pflag messages', () => {
  test('an unknown long flag', () => {
    expect(failure('--bogus')).toBe('unknown flag: --bogus')
    expect(failure('--bogus=1')).toBe('unknown flag: --bogus')
  })

  test('an unknown shorthand on its own', () => {
    expect(failure('-z')).toBe("unknown shorthand flag: 'z' in -z")
  })

  // pflag reports the rest of the group from the unknown letter on (`in -%s` with the remaining
  // shorthands), so `-wz` reads `'z' in -z`; kubectl 1.32 prints exactly that.
  test('an unknown shorthand inside a group names the rest of the group from that letter', () => {
    expect(failure('-wz')).toBe("unknown shorthand flag: 'z' in -z")
  })

  test('a value flag at the end of the line', () => {
    expect(failure('get pods --namespace')).toBe('flag needs an argument: --namespace')
    expect(failure('get pods -n')).toBe("flag needs an argument: 'n' in -n")
  })

  test('a bad boolean or integer value of a flag without shorthand', () => {
    expect(failure('--wait=maybe')).toBe(
      'invalid argument "maybe" for "--wait" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
    )
    expect(failure('--replicas=abc')).toBe(
      'invalid argument "abc" for "--replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax',
    )
  })

  // pflag's FlagSet.Set names a flag that has a shorthand as "-w, --watch".
  test('a bad value of a flag with a shorthand names both spellings', () => {
    expect(failure('--watch=maybe')).toBe(
      'invalid argument "maybe" for "-w, --watch" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
    )
  })
})

describe('kubectl prints a flag error with the usage hint and exits 1', () => {
  const k = new KubectlHarness()

  test('an unknown flag on get', () => {
    expect(k.kubectl('get pods --bogus')).toEqual({
      stdout: '',
      stderr: "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n",
      output: "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n",
      exitCode: 1,
    })
  })

  test('an unknown shorthand on delete', () => {
    const r = k.kubectl('delete pod web-0 -z')
    expect(r.stderr).toBe(
      "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl delete --help' for usage.\n",
    )
    expect(r.exitCode).toBe(1)
  })

  test('a missing flag value on apply', () => {
    const r = k.kubectl('apply -f')
    expect(r.stderr).toBe("error: flag needs an argument: 'f' in -f\nSee 'kubectl apply --help' for usage.\n")
    expect(r.exitCode).toBe(1)
  })

  test('a bad integer on scale', () => {
    const r = k.kubectl('scale sts web --replicas=abc')
    expect(r.stderr).toBe(
      'error: invalid argument "abc" for "--replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax\n' +
        "See 'kubectl scale --help' for usage.\n",
    )
    expect(r.exitCode).toBe(1)
  })

  test('a flag after the resource arguments works as well as one before them', () => {
    k.kubectl(['create', '-f', '-'], {
      stdin: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: nginx\nspec:\n  clusterIP: None\n',
    })
    expect(k.kubectl('get -o name svc nginx').stdout).toBe('service/nginx\n')
    expect(k.kubectl('get svc nginx -o name').stdout).toBe('service/nginx\n')
    expect(k.kubectl('get svc nginx --output=name').stdout).toBe('service/nginx\n')
  })
})
