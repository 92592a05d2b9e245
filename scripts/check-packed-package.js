/*
 * Checks one packed package (a `yarn pack` tarball) the way an adopter's
 * install would meet it: publishable (not private, no `workspace:` ranges),
 * every entry point it names (main, module, types, exports, bin,
 * configSchema) inside the tarball, and every package its built code and
 * type declarations import declared as a dependency or peer dependency.
 *
 * Usage: node scripts/check-packed-package.js PACKAGE.tgz
 * Exits 1 and names each problem when one is found.
 */
const { execFileSync } = require('node:child_process');
const { builtinModules } = require('node:module');

const tarball = process.argv[2];
const files = new Set(
  execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map(f => f.replace(/^package\//, '')),
);
const read = file =>
  execFileSync('tar', ['xzf', tarball, '-O', `package/${file}`], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
const manifest = JSON.parse(read('package.json'));
const problems = [];

if (manifest.private) problems.push('"private": true');
for (const field of ['dependencies', 'peerDependencies']) {
  for (const [dep, range] of Object.entries(manifest[field] ?? {})) {
    if (/^(workspace|link|file|portal):/.test(range))
      problems.push(`${field}.${dep} is "${range}"`);
  }
}
if (!manifest.backstage?.role) problems.push('no backstage.role');

function entryTargets(exportsField) {
  if (typeof exportsField === 'string') return [exportsField];
  if (!exportsField || typeof exportsField !== 'object') return [];
  return Object.entries(exportsField)
    .filter(([condition]) => condition !== 'backstage')
    .flatMap(([, value]) => entryTargets(value));
}
const entries = [
  manifest.main,
  manifest.module,
  manifest.types,
  manifest.configSchema,
  ...entryTargets(manifest.exports),
  ...Object.values(
    typeof manifest.bin === 'string'
      ? { bin: manifest.bin }
      : manifest.bin ?? {},
  ),
].filter(Boolean);
for (const entry of entries) {
  const file = entry.replace(/^\.\//, '');
  if (!files.has(file)) problems.push(`names ${entry}, which is not packed`);
  if (/(^|\/)src\//.test(file) && !file.endsWith('.d.ts'))
    problems.push(`entry point ${entry} is a source file`);
}

const declared = new Set([
  manifest.name,
  ...Object.keys(manifest.dependencies ?? {}),
  ...Object.keys(manifest.peerDependencies ?? {}),
]);
const builtins = new Set(builtinModules);
const specifier =
  /(?:\bfrom\s*|\brequire\(\s*|\bimport\(\s*|^\s*import\s+)['"]([^'"\s./][^'"\s]*)['"]/gm;
for (const file of files) {
  if (!/^dist\/.*\.(c?js|mjs|d\.ts)$/.test(file)) continue;
  for (const [, request] of read(file).matchAll(specifier)) {
    if (request.startsWith('node:') || builtins.has(request.split('/')[0]))
      continue;
    const name = request.startsWith('@')
      ? request.split('/').slice(0, 2).join('/')
      : request.split('/')[0];
    if (!declared.has(name)) {
      problems.push(`${file} imports ${request}, which is not a dependency`);
      declared.add(name); // once per package is enough
    }
  }
}

if (problems.length > 0) {
  console.error(`[check-packed-package] ${manifest.name}:`);
  for (const p of problems) console.error(`  - ${p}`);
  process.exit(1);
}
console.log(
  `[check-packed-package] ${manifest.name}@${manifest.version}: ${files.size} files, entry points and imports ok`,
);
