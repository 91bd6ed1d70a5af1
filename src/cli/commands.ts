// Every subcommand registers here: one line a module.

import { Command } from 'commander';
import { Io, Register, SetExit } from './io';
import { registerCheck } from './cmd-check';

export type { Register, SetExit } from './io';

const modules: Register[] = [registerCheck];

export function registerCommands(program: Command, io: Io, setExit: SetExit): void {
  for (const register of modules) register(program, io, setExit);
}
