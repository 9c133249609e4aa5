/** Entry of the built `kh` command (dist/cli/kh.cjs). */
import { main } from './main';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
