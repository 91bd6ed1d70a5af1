// The README's command table names every command and every option the `cchc` program accepts, so a
// person reading it can find `--official` or `--district` without reading --help.

import * as fs from 'fs';
import * as path from 'path';
import { Command } from 'commander';
import { registerCommands } from '../src/cli/commands';

function commands(): Command[] {
  const program = new Command();
  registerCommands(program, { out: () => undefined, err: () => undefined, isTTY: false, cwd: process.cwd() }, () => undefined);
  const all: Command[] = [];
  const walk = (c: Command) => c.commands.forEach((sub) => {
    all.push(sub);
    walk(sub);
  });
  walk(program);
  return all;
}

describe('the README documents the command line', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('## Every command'), readme.indexOf('## The Excel add-in'));
  const rows = (name: string) => table.split('\n').filter((l) => l.startsWith('| `cchc ' + name));

  test.each(commands().filter((c) => !c.commands.length).map((c) => {
    const full = c.parent && c.parent.name() !== '' && c.parent.parent ? c.parent.name() + ' ' + c.name() : c.name();
    return [full, c] as const;
  }))('cchc %s: a row, and each of its options in it', (full, c) => {
    const lines = rows(full);
    expect(lines.length).toBeGreaterThan(0);
    const options = c.options.map((o) => o.long!).filter((o) => o !== '--lang' && o !== '--json');
    expect(options.filter((o) => !lines.some((l) => l.indexOf(o) >= 0))).toEqual([]);
  });
});
