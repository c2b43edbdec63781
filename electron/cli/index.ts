import { runCli } from './run';
import { frenchNumberFormat } from '../../shared/lib/french-number';

// A long job's progress stays on one terminal line, cleared before anything else is printed.
const fr = frenchNumberFormat();
let progressShown = false;
const clearProgress = () => {
  if (progressShown) process.stderr.write('\r\x1b[2K');
  progressShown = false;
};

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => {
    clearProgress();
    process.stdout.write(`${text}\n`);
  },
  stderr: (text) => {
    clearProgress();
    process.stderr.write(`${text}\n`);
  },
  env: process.env,
  progress: process.stderr.isTTY
    ? ({ label, done, total }) => {
        const count = total
          ? `${fr.format(done)} / ${fr.format(total)} (${Math.floor((100 * done) / total)} %)`
          : done
            ? fr.format(done)
            : '';
        process.stderr.write(`\r\x1b[2K${`${label}… ${count}`.slice(0, (process.stderr.columns || 120) - 1)}`);
        progressShown = true;
      }
    : undefined,
});
clearProgress();
process.exitCode = code;
