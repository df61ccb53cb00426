// errcat --help, <command> --help, --version, "did you mean", and the line an older Node gets.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { COMMANDS, optionsOf, type Command } from '../../src/cli/help.ts';
import { CHECK_OPTIONS } from '../../src/cli/args.ts';
import { INIT_OPTIONS } from '../../src/cli/init.ts';

function errcat(args: string[], nodeArgs: string[] = [], node = process.execPath) {
  const r = spawnSync(node, [...nodeArgs, 'bin/errcat.js', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const PKG = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string; engines: { node: string } };
const commands = Object.keys(COMMANDS) as Command[];

test('errcat --help lists every command; errcat <command> --help shows that command and its options, exit 0', () => {
  const all = errcat(['--help']);
  assert.equal(all.code, 0);
  for (const c of commands) assert.match(all.out, new RegExp(`^  ${c}\\b`, 'm'));
  for (const c of commands) {
    for (const ask of [[c, '--help'], [c, '-h'], ['help', c]]) {
      const r = errcat(ask);
      assert.equal(r.code, 0, `${ask.join(' ')}: ${r.err}`);
      assert.equal(r.err, '');
      assert.match(r.out, new RegExp(`^usage: errcat ${c}\\b`));
      // Another command's lines are not in it.
      for (const other of commands.filter((o) => o !== c)) assert.doesNotMatch(r.out, new RegExp(`^  ${other} `, 'm'));
    }
  }
  assert.match(errcat(['check', '--help']).out, /--cache-location <dir>/);
});

test("the help names every option each command takes (check's and init's option tables)", () => {
  const long = (options: object) => Object.keys(options).map((o) => `--${o}`).sort();
  assert.deepEqual(optionsOf('check').filter((o) => o !== '--help').sort(), long(CHECK_OPTIONS));
  assert.deepEqual(optionsOf('init').filter((o) => o !== '--help').sort(), long(INIT_OPTIONS));
  assert.deepEqual(optionsOf('schema'), ['--help']);
});

test('errcat --version prints the package version', () => {
  const r = errcat(['--version']);
  assert.equal(r.code, 0);
  assert.equal(r.out, `${PKG.version}\n`);
});

test('a mistyped command or option: "did you mean", the usage, exit 2', () => {
  const command = errcat(['chek', 'catalog']);
  assert.equal(command.code, 2);
  assert.match(command.err, /^errcat: unknown command "chek"; did you mean "check"\?\nusage: errcat <command>/);
  const option = errcat(['check', 'catalog', '--formt', 'json']);
  assert.equal(option.code, 2);
  assert.match(option.err, /^errcat: unknown option "--formt" for check; did you mean "--format"\?\nusage: errcat check \[dir\]/);
  const init = errcat(['init', '--doc-url', 'https://x.test/errors']);
  assert.equal(init.code, 2);
  assert.match(init.err, /did you mean "--docs-url"\?/);
  // Nothing close: no guess, still exit 2 with the command's usage.
  const far = errcat(['ship', '--zzzzzzzz']);
  assert.equal(far.code, 2);
  assert.match(far.err, /^errcat: unknown option "--zzzzzzzz" for ship\nusage: errcat ship/);
});

// bin/errcat.js checks process.versions.node first; a module given to --import runs before it.
const asNode = (version: string) => [`--import=data:text/javascript,Object.defineProperty(process.versions,"node",{value:"${version}"})`];

test('on a Node older than engines asks: one line naming the required version, exit 2, nothing else', () => {
  const required = /^>=(\d+\.\d+)$/.exec(PKG.engines.node)![1]!;
  const [major, minor] = required.split('.').map(Number) as [number, number];
  const r = errcat(['check', 'catalog'], asNode(`${major}.${minor - 1}.9`));
  assert.equal(r.code, 2);
  assert.equal(r.out, '');
  assert.equal(r.err, `errcat: needs Node.js ${required} or newer; this is Node.js ${major}.${minor - 1}.9\n`);
  // Exactly the required version runs.
  assert.equal(errcat(['--version'], asNode(`${required}.0`)).code, 0);
});

test('bin/errcat.js parses on a real older Node (the machine\'s node, when older) and says the same', (t) => {
  const system = spawnSync('node', ['-p', 'process.versions.node'], { encoding: 'utf8', env: { ...process.env, PATH: '/usr/local/bin:/usr/bin:/bin' } });
  const version = system.stdout?.trim();
  if (system.status !== 0 || !version || Number(version.split('.')[0]) >= 22) return t.skip('no Node older than 22 on this machine');
  const r = spawnSync('node', ['bin/errcat.js', '--help'], { encoding: 'utf8', env: { ...process.env, PATH: '/usr/local/bin:/usr/bin:/bin' } });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^errcat: needs Node\.js \d+\.\d+ or newer; this is Node\.js \d+\.\d+\.\d+\n$/);
});
