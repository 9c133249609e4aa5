/** Entry of the built `kh` command (dist/cli/kh.cjs). */
import { main, fatal } from './main';
import { silenceClosedPipe } from './pipes';

// an error thrown outside the command's promise (a stream of a library) still ends in one
// catalogue sentence and exit 3, never a stack trace
process.on('uncaughtException', (error) => fatal(error, process.argv.slice(2)));
process.on('unhandledRejection', (error) => fatal(error, process.argv.slice(2)));
// a closed pipe (`kh check … | head -1`) is the reader's choice, not a failure
silenceClosedPipe(process.stdout, (error) => fatal(error, process.argv.slice(2)));
silenceClosedPipe(process.stderr, () => undefined);

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
