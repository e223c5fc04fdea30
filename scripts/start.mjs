// `npm start`: build and open the desktop app; where the Electron binary is not installed, say so
// in one line and serve the same renderer in web mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { electronBinary } from './electron-binary.mjs';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const binary = electronBinary();
if (!binary) {
  console.log(
    'Electron binary not installed (its download is unavailable here): starting web mode instead — npm run start:web.',
  );
  run('npm', ['run', 'start:web']);
} else {
  run('npm', ['run', 'build']);
  const child = spawn(binary, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
