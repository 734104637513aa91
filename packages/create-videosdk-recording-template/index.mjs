#!/usr/bin/env node
// npm create videosdk-recording-template@latest <folder> [-- --from <folder of tarballs>]
// Writes a standalone Vite project for a recording template on the videosdk-recording-template elements.
import { cpSync, existsSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const HERE = dirname(fileURLToPath(import.meta.url));
const { version } = JSON.parse(readFileSync(join(HERE, 'package.json'), 'utf8'));
/** The packages a scaffold depends on that we publish, in lockstep with this scaffolder's version. */
const OURS = ['videosdk-recording-template', 'videosdk-recording-template-testkit'];
const USAGE = `Usage: npm create videosdk-recording-template@latest <folder> [-- --from <folder of .tgz files>]

  <folder>       where to write the project (new, or empty)
  --from <dir>   depend on the tarballs in <dir> (npm run pack writes them to packs/) instead of the registry
  --help         this text`;

class UsageError extends Error {}

function main(argv) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { from: { type: 'string' }, help: { type: 'boolean' } } });
  } catch (error) {
    // parseArgs names the flag ("Unknown option '--form'", "Option '--from <value>' argument missing").
    throw new UsageError(error.message);
  }
  const { values, positionals } = parsed;
  if (values.help) return console.log(USAGE);
  if (positionals.length === 0) throw new UsageError('missing <folder>: where to write the project, e.g. my-template');
  if (positionals.length > 1) throw new UsageError(`one <folder> only, got ${positionals.length}: ${positionals.join(' ')}`);

  const target = resolve(positionals[0]);
  if (existsSync(target) && (!statSync(target).isDirectory() || readdirSync(target).length > 0)) {
    throw new UsageError(`${positionals[0]} exists and is not an empty folder; nothing was written. Pick a new folder name.`);
  }
  const specs = values.from === undefined ? registrySpecs() : tarballSpecs(resolve(values.from), values.from, target);
  const name = packageName(basename(target));

  cpSync(join(HERE, 'template'), target, { recursive: true });
  renameSync(join(target, '_gitignore'), join(target, '.gitignore'));
  const pkgPath = join(target, 'package.json');
  renameSync(join(target, '_package.json'), pkgPath);
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  pkg.name = name;
  for (const group of [pkg.dependencies, pkg.devDependencies]) {
    for (const dep of Object.keys(group)) if (dep in specs) group[dep] = specs[dep];
  }
  writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);

  const cd = relative(process.cwd(), target) || '.';
  console.log(`Wrote ${name} to ${target}.

  cd ${cd}
  npm install
  npm start        the page on a simulated meeting, with the designer panel
  npm run build    static files in dist/: host them on https and record with templateUrl
  npm test         the template test kit films dist/ as VideoSDK's recorder would`);
}

function registrySpecs() {
  return Object.fromEntries(OURS.map((dep) => [dep, `^${version}`]));
}

/** `file:` specs (relative to the project) for each package's one tarball in the --from folder. */
function tarballSpecs(folder, given, target) {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`--from ${given}: no such folder`);
  const files = readdirSync(folder);
  const specs = {};
  for (const dep of OURS) {
    // "<name>-<version>.tgz", the name npm pack gives; a version starts with a digit, so -testkit never matches the elements.
    const found = files.filter((file) => file.startsWith(`${dep}-`) && /^\d/.test(file.slice(dep.length + 1)) && file.endsWith('.tgz'));
    if (found.length > 1) throw new UsageError(`--from ${given}: more than one tarball of ${dep} (${found.join(', ')}); keep one`);
    if (found.length === 0) {
      console.warn(`--from ${given}: no ${dep}-<version>.tgz there; using ${dep}@^${version} from the registry`);
      specs[dep] = `^${version}`;
      continue;
    }
    specs[dep] = `file:${relative(target, join(folder, found[0])).split('\\').join('/')}`;
  }
  return specs;
}

/** A valid npm package name from the folder's name. */
function packageName(folder) {
  const name = folder.toLowerCase().replace(/[^a-z0-9._~-]+/g, '-').replace(/^[._-]+|-+$/g, '');
  return name || 'my-template';
}

try {
  main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`create-videosdk-recording-template: ${error.message}\n\n${USAGE}`);
  process.exitCode = 2;
}
