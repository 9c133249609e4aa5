/** Entry of the built `kh` command (dist/cli/kh.cjs). */
import { main, fatal } from './main';

// an error thrown outside the command's promise (a stream of a library) still ends in one
// catalogue sentence and exit 3, never a stack trace
process.on('uncaughtException', (error) => fatal(error, process.argv.slice(2)));
process.on('unhandledRejection', (error) => fatal(error, process.argv.slice(2)));

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
