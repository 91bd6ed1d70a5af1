// The `cchc` command: wires subcommands with commander. Printing and exit codes live in the command
// modules (through Io); the library below throws and never touches process.

import { Command, CommanderError } from 'commander';
import { CliExit, EXIT, Io, describeError, guessLang } from './io';
import { registerCommands } from './commands';

export async function run(argv: string[], io: Io): Promise<number> {
  const program = new Command();
  program
    .name('cchc')
    .description('Chấm điểm Chỉ số cải cách hành chính (CCHC) cấp xã / Commune administrative reform index scoring')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError();
  let exitCode = EXIT.ok as number;
  registerCommands(program, io, (code) => {
    exitCode = code;
  });
  const lang = guessLang(argv);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      return EXIT.unusable;
    }
    if (e instanceof CliExit) {
      if (e.text) io.err(e.text + '\n');
      return e.code;
    }
    io.err(describeError(e, lang) + '\n');
    return EXIT.unusable;
  }
}

export function processIo(): Io {
  return {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    isTTY: !!process.stderr.isTTY,
    cwd: process.cwd(),
  };
}

if (require.main === module) {
  run(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(describeError(e, 'vi') + '\n');
      process.exitCode = EXIT.unusable;
    },
  );
}
