import { describe, expect, it } from 'vitest'
import { buildTree, createMountedFileSystem, type MountedFileSystem } from '../sim/kubelet/filesystem'
import type { Command } from './command'
import type { ShellDialect } from './dialect'
import { createShell, runScript, runShellSource, type ShellConfig } from './interpreter'
import { parseScript } from './parser'

function memoryFs(): MountedFileSystem {
  return createMountedFileSystem({
    root: {
      id: 'root',
      tree: buildTree({ '/tmp': { dir: true }, '/data/a.txt': 'alpha\n', '/data/b.txt': 'beta\n' }),
    },
  })
}

/** Programs a test can observe: `args` prints its argv one per line, `cat` copies stdin or files. */
const programs = (fs: MountedFileSystem, log: string[][] = []): Record<string, Command> => ({
  args: (argv, io) => {
    log.push(argv)
    io.stdout(
      argv
        .slice(1)
        .map((a) => `<${a}>\n`)
        .join(''),
    )
    return 0
  },
  cat: (argv, io) => {
    if (argv.length === 1) io.stdout(io.stdin)
    for (const path of argv.slice(1)) {
      const read = fs.readFile(path)
      if (!read.ok) return 1
      io.stdout(read.value)
    }
    return 0
  },
  fail: (argv) => Number(argv[1] ?? 1),
  warn: (argv, io) => {
    io.stderr(`${argv[1]}\n`)
    return 0
  },
})

function run(source: string, options: Partial<ShellConfig> & { dialect?: ShellDialect } = {}) {
  const fs = options.fs ? (options.fs as MountedFileSystem) : memoryFs()
  const result = runShellSource(source, { commands: programs(fs), fs, env: { HOME: '/root' }, ...options })
  return { ...result, fs }
}

describe('running commands', () => {
  it('passes expanded words to the program and returns its exit status', () => {
    const log: string[][] = []
    const fs = memoryFs()
    const result = runShellSource('args one "two three" \'$HOME\' $HOME; fail 3', {
      commands: programs(fs, log),
      fs,
      env: { HOME: '/root' },
    })
    expect(log).toEqual([['args', 'one', 'two three', '$HOME', '/root']])
    expect(result.exitCode).toBe(3)
  })

  it('splits unquoted expansions on blanks but keeps quoted ones whole', () => {
    expect(run('x="a  b"; args $x "$x" "$x"c').stdout).toBe('<a>\n<b>\n<a  b>\n<a  bc>\n')
  })

  it('drops an unquoted empty expansion but keeps an empty quoted word', () => {
    expect(run('x=; args $x "$x" \'\'').stdout).toBe('<>\n<>\n')
  })

  it('reports an unknown command with status 127 in each shell’s words', () => {
    expect(run('kubectl-nope get pods').stderr).toBe('sh: kubectl-nope: not found\n')
    expect(run('kubectl-nope get pods', { dialect: 'dash' }).stderr).toBe('sh: 1: kubectl-nope: not found\n')
    expect(run('\nkubectl-nope get pods', { dialect: 'bash', name: 'bash' }).stderr).toBe(
      'bash: line 2: kubectl-nope: command not found\n',
    )
    expect(run('kubectl-nope; echo $?').stdout).toBe('127\n')
  })

  it('runs && only after success and || only after failure', () => {
    expect(run('fail 1 && args no || args yes; fail 0 && args ran').stdout).toBe('<yes>\n<ran>\n')
    expect(run('! fail 1 && args negated').stdout).toBe('<negated>\n')
  })

  it('captures standard output of $(...) without trailing newlines, and its status in $?', () => {
    expect(run('echo "[$(printf "a\\n\\n")]"; x=$(fail 4); echo $?').stdout).toBe('[a]\n4\n')
    expect(run('echo $(echo one; echo two) `echo three`').stdout).toBe('one two three\n')
  })

  it('feeds each pipeline stage the previous stage’s output', () => {
    expect(run('echo hello | cat | cat').stdout).toBe('hello\n')
    expect(run('fail 3 | cat; echo $?').stdout).toBe('0\n')
    expect(run('set -o pipefail; fail 3 | cat; echo $?').stdout).toBe('3\n')
  })

  it('applies prefix assignments to a builtin for that call only', () => {
    expect(
      run('x=keep; printf " a b \\n" | { IFS= read -r line; echo "[$line]"; }; x=once true; echo $x').stdout,
    ).toBe('[ a b ]\nkeep\n')
  })

  it('lets a program read only what it consumes from a shared input', () => {
    expect(run('printf "a\\nb\\nc\\n" | { read first; echo "first=$first"; cat; }').stdout).toBe(
      'first=a\nb\nc\n',
    )
    expect(run('while read line; do echo "L:$line"; done <<EOF\none\ntwo\nEOF').stdout).toBe('L:one\nL:two\n')
  })
})

describe('redirections', () => {
  it('creates, truncates and appends files through the filesystem', () => {
    const { fs, exitCode } = run('echo one > /tmp/out; echo two >> /tmp/out; echo three > /tmp/new')
    expect(exitCode).toBe(0)
    expect(fs.readFile('/tmp/out')).toEqual({ ok: true, value: 'one\ntwo\n' })
    expect(fs.readFile('/tmp/new')).toEqual({ ok: true, value: 'three\n' })
  })

  it('applies redirections left to right, so 2>&1 before > sends stderr where stdout was', () => {
    const { fs, stdout, stderr } = run('warn w1 > /tmp/a 2>&1; warn w2 2>&1 > /tmp/b')
    expect(fs.readFile('/tmp/a')).toEqual({ ok: true, value: 'w1\n' })
    expect(fs.readFile('/tmp/b')).toEqual({ ok: true, value: '' })
    expect(stdout).toBe('w2\n')
    expect(stderr).toBe('')
  })

  it('discards output sent to /dev/null and reads files given with <', () => {
    const { stdout, stderr } = run('warn hidden 2>/dev/null; cat < /data/a.txt')
    expect(stderr).toBe('')
    expect(stdout).toBe('alpha\n')
  })

  it('resolves relative paths against the working directory', () => {
    const { fs } = run('cd /tmp; echo rel > note')
    expect(fs.readFile('/tmp/note')).toEqual({ ok: true, value: 'rel\n' })
  })

  it('reports a file it cannot create, as busybox and dash do, and skips the command', () => {
    const ash = run('echo x > /nonexist/y; echo $?')
    expect(ash.stderr).toBe("sh: can't create /nonexist/y: nonexistent directory\n")
    expect(ash.stdout).toBe('1\n')
    const dash = run('echo x > /nonexist/y; echo $?', { dialect: 'dash' })
    expect(dash.stderr).toBe('sh: 1: cannot create /nonexist/y: Directory nonexistent\n')
    expect(dash.stdout).toBe('2\n')
    expect(run('cat < /nope', { dialect: 'dash' }).stderr).toBe('sh: 1: cannot open /nope: No such file\n')
  })

  it('ends a non-interactive shell when a special builtin’s redirection fails', () => {
    const result = run(': > /nonexist/z; echo after', { dialect: 'dash' })
    expect(result).toMatchObject({ stdout: '', exitCode: 2, exited: true })
  })

  it('feeds here-documents, expanding them unless the delimiter is quoted', () => {
    expect(run('cat <<EOF\nhome=$HOME $(echo sub)\n\\$HOME\nEOF').stdout).toBe('home=/root sub\n$HOME\n')
    expect(run("cat <<'EOF'\nhome=$HOME\nEOF").stdout).toBe('home=$HOME\n')
    expect(run('cat <<-EOF\n\t\tindented\n\tEOF').stdout).toBe('indented\n')
  })
})

describe('expansion', () => {
  it('expands parameter defaults, lengths and pattern removal', () => {
    const source = 'v=web-12; echo ${v##*-} ${v#*-} ${v%-*} ${v%%-*} ${#v} ${nope:-def} ${v:+alt}'
    expect(run(source).stdout).toBe('12 12 web web 6 def alt\n')
  })

  it('evaluates arithmetic with variables and assignments', () => {
    expect(run('i=2; echo $((i * 3 + 1)) $((i += 5)) $i $(( (1 + 2) % 2 ))').stdout).toBe('7 7 7 1\n')
  })

  it('matches unquoted globs against the filesystem and leaves unmatched ones alone', () => {
    expect(run('echo /data/*.txt /data/nothing* "/data/*"').stdout).toBe(
      '/data/a.txt /data/b.txt /data/nothing* /data/*\n',
    )
  })

  it('expands "$@" to one word per positional parameter', () => {
    expect(run('set -- a "b c"; args "$@"; echo $#').stdout).toBe('<a>\n<b c>\n2\n')
  })

  it('stops a non-interactive shell on an unset variable under set -u', () => {
    expect(run('set -u; echo $NOPE; echo after')).toMatchObject({
      stdout: '',
      stderr: 'sh: NOPE: parameter not set\n',
      exitCode: 2,
      exited: true,
    })
  })

  it('reports division by zero in each shell’s words', () => {
    expect(run('echo $((1/0))').stderr).toBe('sh: divide by zero\n')
    expect(run('echo $((1/0))', { dialect: 'dash' }).stderr).toBe(
      'sh: 1: arithmetic expression: division by zero: "1/0"\n',
    )
  })
})

describe('control flow', () => {
  it('loops over words, with break and continue', () => {
    expect(
      run('for i in 1 2 3 4; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done').stdout,
    ).toBe('1\n3\n')
  })

  it('runs while and until loops on their condition’s status', () => {
    expect(
      run('i=0; while [ $i -lt 3 ]; do i=$((i+1)); done; until [ $i -eq 0 ]; do i=$((i-1)); done; echo $i')
        .stdout,
    ).toBe('0\n')
  })

  it('runs the first case item whose pattern matches', () => {
    const source =
      'for h in web-0 db-2 "*"; do case $h in web-*) echo "web $h";; db-[0-9]|x) echo "db $h" ;; "*") echo star;; esac; done'
    expect(run(source).stdout).toBe('web web-0\ndb db-2\nstar\n')
    expect(run('case x in x) echo').stderr).toBe(
      'sh: syntax error: unexpected end of file (expecting ";;")\n',
    )
  })

  it('picks the first if branch whose condition succeeds', () => {
    expect(run('if fail 1; then echo a; elif fail 0; then echo b; else echo c; fi').stdout).toBe('b\n')
  })

  it('calls functions with their own positional parameters and return status', () => {
    expect(run('greet() { echo "hi $1 ($#)"; return 5; }; greet web-0; echo $? $#').stdout).toBe(
      'hi web-0 (1)\n5 0\n',
    )
  })

  it('keeps a subshell’s changes to itself', () => {
    expect(run('x=1; (x=2; cd /tmp); echo $x $PWD').stdout).toBe('1 /\n')
  })

  it('stops at the first failing command under set -e, except in conditions', () => {
    expect(
      run('set -e; if fail 1; then :; fi; fail 1 || true; echo reached; fail 7; echo never'),
    ).toMatchObject({ stdout: 'reached\n', exitCode: 7, exited: true })
  })

  it('ends the script at exit with the given status', () => {
    expect(run('echo start; exit 4; echo never')).toMatchObject({
      stdout: 'start\n',
      exitCode: 4,
      exited: true,
    })
  })

  it('stops a runaway loop at the iteration limit instead of hanging', () => {
    const result = run('while true; do :; done', { maxLoopIterations: 50 })
    expect(result.stderr).toBe('sh: loop stopped after 50 iterations (simulator limit)\n')
    expect(result.exitCode).toBe(1)
  })

  it('prints a syntax error and runs nothing of the script', () => {
    const log: string[][] = []
    const fs = memoryFs()
    const result = runShellSource('args first\nfor i in 1; do', { commands: programs(fs, log), fs })
    expect(log).toEqual([])
    expect(result).toMatchObject({
      exitCode: 2,
      stderr: 'sh: syntax error: unexpected end of file (expecting "done")\n',
    })
  })
})

describe('builtins', () => {
  it('changes directory, and says why it cannot', () => {
    expect(run('cd /data; pwd; cd /nope; echo $?').stdout).toBe('/data\n2\n')
    expect(run('cd /nope').stderr).toBe("sh: cd: line 0: can't cd to /nope: No such file or directory\n")
    expect(run('cd /nope', { dialect: 'dash' }).stderr).toBe("sh: 1: cd: can't cd to /nope\n")
  })

  it('echoes backslash escapes only where the shell does', () => {
    expect(run('echo "a\\tb"').stdout).toBe('a\\tb\n')
    expect(run('echo "a\\tb"', { dialect: 'dash' }).stdout).toBe('a\tb\n')
    expect(run('echo -n x; echo -e "\\ty"').stdout).toBe('x\ty\n')
  })

  it('formats printf conversions and reuses the format for extra arguments', () => {
    expect(run("printf '%s=%d\\n' a 1 b 2; printf '%5s|%-3s|%03d\\n' x y 7").stdout).toBe(
      'a=1\nb=2\n    x|y  |007\n',
    )
  })

  it('tests strings, numbers and files, and reports malformed tests', () => {
    expect(
      run('[ -f /data/a.txt ] && [ -d /data ] && [ ! -e /nope ] && [ 2 -gt 1 ] && [ a != b ] && echo yes')
        .stdout,
    ).toBe('yes\n')
    expect(run('[ 1 -eq a ]; echo $?')).toMatchObject({ stdout: '2\n', stderr: 'sh: a: bad number\n' })
    expect(run('[ 1 = 1', { dialect: 'dash' }).stderr).toBe('sh: 1: [: missing ]\n')
  })

  it('traces commands under set -x, quoting like each shell', () => {
    expect(run('set -x; echo "a b" c').stderr).toBe("+ echo 'a b' c\n")
    expect(run('set -x; echo "a b" c', { dialect: 'dash' }).stderr).toBe('+ echo a b c\n')
  })

  it('exports variables to programs’ environments, and prefix assignments only to that program', () => {
    const envs: Record<string, string>[] = []
    const fs = memoryFs()
    const printenv: Command = (_argv, io) => {
      envs.push({ ...io.env })
      return 0
    }
    runShellSource('LOCAL=1; export SHARED=2; ONCE=3 printenv; printenv', {
      commands: { printenv },
      fs,
      env: { HOME: '/root' },
    })
    expect(envs[0]).toMatchObject({ HOME: '/root', SHARED: '2', ONCE: '3' })
    expect(envs[0]).not.toHaveProperty('LOCAL')
    expect(envs[1]).not.toHaveProperty('ONCE')
  })
})

describe('createShell', () => {
  it('keeps variables, functions and the directory between runs, as a session does', () => {
    const fs = memoryFs()
    const shell = createShell({ commands: programs(fs), fs })
    shell.runSource('cd /data; x=5; show() { echo "x=$x"; }')
    expect(shell.runSource('show; pwd').stdout).toBe('x=5\n/data\n')
    expect(shell.cwd).toBe('/data')
  })

  it('runs nothing more once the shell has exited', () => {
    const fs = memoryFs()
    const shell = createShell({ commands: programs(fs), fs })
    shell.runSource('exit 3')
    expect(shell.runSource('echo again')).toMatchObject({ stdout: '', exitCode: 3, exited: true })
  })

  it('streams output to the sinks in the order it was produced', () => {
    const fs = memoryFs()
    const events: string[] = []
    runShellSource('echo out1; warn err1; echo out2', {
      commands: programs(fs),
      fs,
      stdout: (t) => events.push(`1:${t}`),
      stderr: (t) => events.push(`2:${t}`),
    })
    expect(events).toEqual(['1:out1\n', '2:err1\n', '1:out2\n'])
  })

  it('lets a program run another one through io.exec, as timeout and env do', () => {
    const fs = memoryFs()
    const timeout: Command = (argv, io) =>
      io.exec(argv.slice(2)) ?? (io.stderr(`timeout: failed to run command '${argv[2]}'\n`), 127)
    const result = runShellSource('timeout 5 args x; timeout 5 missing', {
      commands: { ...programs(fs), timeout },
      fs,
    })
    expect(result.stdout).toBe('<x>\n')
    expect(result.stderr).toBe("timeout: failed to run command 'missing'\n")
  })
})

describe('a runner session', () => {
  it('runs the tutorial’s hostname loop through the kubectl program, one exec per pod', () => {
    const calls: string[][] = []
    const kubectl: Command = (argv, io) => {
      calls.push(argv)
      io.stdout(`${argv[2]}\n`)
      return 0
    }
    const parsed = parseScript(`for i in 0 1; do kubectl exec "web-$i" -- sh -c 'hostname'; done`)
    if (!parsed.ok) throw new Error('tutorial line failed to parse')
    const result = runScript(parsed.script, { commands: { kubectl }, fs: memoryFs() })
    expect(calls).toEqual([
      ['kubectl', 'exec', 'web-0', '--', 'sh', '-c', 'hostname'],
      ['kubectl', 'exec', 'web-1', '--', 'sh', '-c', 'hostname'],
    ])
    expect(result).toMatchObject({ stdout: 'web-0\nweb-1\n', exitCode: 0 })
  })

  it('echoes each command’s source before running it, as the runner prints `$ <line>`', () => {
    const fs = memoryFs()
    const parsed = parseScript('echo one\nfor i in a b; do\n  echo $i\ndone')
    if (!parsed.ok) throw new Error('failed to parse')
    const shell = createShell({ commands: programs(fs), fs })
    const transcript = parsed.script.commands
      .map((command) => `$ ${command.source}\n${shell.run(command).stdout}`)
      .join('')
    expect(transcript).toBe('$ echo one\none\n$ for i in a b; do\n  echo $i\ndone\na\nb\n')
  })
})
