// `npm run pack`: writes the tarball of every publishable package (the root, then each packages/*
// that is not private) into packs/ (or PACKS_DIR), and prints one JSON line per tarball: { name, file }.
// New packages under packages/ are picked up as they are added.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const out = resolve(process.env.PACKS_DIR ?? join(root, 'packs'));
mkdirSync(out, { recursive: true });

const packages = ['.', ...readdirSync(join(root, 'packages')).map((name) => join('packages', name))].filter((dir) => {
  const file = join(root, dir, 'package.json');
  return existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).private !== true;
});

for (const dir of packages) {
  // Each package packs from its own directory, so its prepack (a build) runs where it belongs.
  const result = spawnSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: join(root, dir), encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) {
    console.error(`npm pack failed in ${dir}`);
    process.exit(result.status ?? 1);
  }
  const [packed] = JSON.parse(result.stdout.slice(result.stdout.indexOf('[')));
  console.log(JSON.stringify({ name: packed.name, file: join(out, packed.filename) }));
}
