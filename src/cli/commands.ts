// Every subcommand registers here: one line a module.

import { Command } from 'commander';
import { Io, Register, SetExit } from './io';
import { registerCheck } from './cmd-check';
import { registerCriteria } from './cmd-criteria';
import { registerBuild } from './cmd-build';
import { registerAppraisal } from './cmd-appraisal';
import { registerSummary } from './cmd-summary';
import { registerEvidence } from './cmd-evidence';
import { registerRefresh } from './cmd-refresh';
import { registerAssign } from './cmd-assign';
import { registerProgress } from './cmd-progress';
import { registerMerge } from './cmd-merge';

export type { Register, SetExit } from './io';

const modules: Register[] = [registerCheck, registerCriteria, registerBuild, registerAppraisal, registerEvidence, registerAssign, registerProgress, registerMerge, registerSummary, registerRefresh];

export function registerCommands(program: Command, io: Io, setExit: SetExit): void {
  for (const register of modules) register(program, io, setExit);
}
