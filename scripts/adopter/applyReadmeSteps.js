/*
 * Follows a README's install steps in an adopter's app, literally: every
 * fenced block whose info string carries `adopter` is a step, in the order
 * written.
 *
 *   ```sh adopter                          commands, run in the app's root
 *   ```ts adopter:packages/backend/src/index.ts
 *                                          lines added to that file: imports
 *                                          at the top, the rest before
 *                                          `backend.start();` (or the end);
 *                                          lines it already has are skipped
 *   ```yaml adopter:app-config.yaml        merged into that YAML file
 *                                          (mappings deeply, new list items
 *                                          appended)
 *
 * Blocks without the marker are prose for people and are not run, so a step
 * the README forgets is a step the adopter test does not take.
 *
 * Usage: node scripts/adopter/applyReadmeSteps.js APP_DIR README...
 * Env: ROADMAP_PACKAGE_RANGE maps `@roadmap/<name>` in commands to
 * `@roadmap/<name>@<range>` (the tarballs are found through the app's
 * resolutions, not a registry); ROADMAP_MATURITY is this checkout, for steps
 * that copy from it.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const [appDir, ...readmes] = process.argv.slice(2);
const range = process.env.ROADMAP_PACKAGE_RANGE;

function stepsOf(markdown) {
  const steps = [];
  const fence = /^```(\w+)\s+adopter(?::(\S+))?[^\n]*\n([\s\S]*?)^```\s*$/gm;
  for (const [, lang, target, body] of markdown.matchAll(fence)) {
    steps.push({ lang, target, body });
  }
  return steps;
}

function runCommands(body, readme) {
  const script = body.replace(
    /(\byarn\b[^\n]*\badd\b[^\n]*?)(@roadmap\/[a-z0-9-]+)(?![@\w-])/g,
    (_, before, name) => `${before}${name}${range ? `@${range}` : ''}`,
  );
  console.log(
    `[adopter] ${path.basename(path.dirname(readme))}: $ ${script
      .trim()
      .replace(/\n/g, '\n    ')}`,
  );
  execFileSync('bash', ['-euo', 'pipefail', '-c', script], {
    cwd: appDir,
    stdio: 'inherit',
    env: process.env,
  });
}

function addLines(file, body) {
  const full = path.join(appDir, file);
  let text = fs.readFileSync(full, 'utf8');
  const lines = body
    .split('\n')
    .map(l => l.replace(/\s+\/\/ .*$/, ''))
    .filter(l => l.trim() !== '' && !/^\s*\/\/ /.test(l));
  const imports = lines.filter(l => /^import\b/.test(l));
  const rest = lines.filter(l => !/^import\b/.test(l));
  const missing = ls => ls.filter(l => !text.includes(l.trim()));
  const newImports = missing(imports);
  if (newImports.length) text = `${newImports.join('\n')}\n${text}`;
  const newRest = missing(rest);
  if (newRest.length) {
    const anchor = text.lastIndexOf('backend.start();');
    const at = anchor >= 0 ? anchor : text.length;
    text = `${text.slice(0, at)}${newRest.join('\n')}\n${text.slice(at)}`;
  }
  fs.writeFileSync(full, text);
  console.log(
    `[adopter] ${file}: ${newImports.length + newRest.length} line(s) added`,
  );
}

function merge(into, from) {
  if (Array.isArray(into) && Array.isArray(from)) {
    const seen = new Set(into.map(v => JSON.stringify(v)));
    return [...into, ...from.filter(v => !seen.has(JSON.stringify(v)))];
  }
  if (
    into &&
    from &&
    typeof into === 'object' &&
    typeof from === 'object' &&
    !Array.isArray(into) &&
    !Array.isArray(from)
  ) {
    const out = { ...into };
    for (const [k, v] of Object.entries(from))
      out[k] = k in out ? merge(out[k], v) : v;
    return out;
  }
  return from;
}

function mergeYaml(file, body) {
  const full = path.join(appDir, file);
  const current = fs.existsSync(full)
    ? YAML.parse(fs.readFileSync(full, 'utf8')) ?? {}
    : {};
  fs.writeFileSync(full, YAML.stringify(merge(current, YAML.parse(body))));
  console.log(
    `[adopter] ${file}: merged ${Object.keys(YAML.parse(body)).join(', ')}`,
  );
}

for (const readme of readmes) {
  const steps = stepsOf(fs.readFileSync(readme, 'utf8'));
  if (steps.length === 0) {
    console.error(
      `[adopter] ${readme} has no install steps marked \`adopter\``,
    );
    process.exit(1);
  }
  for (const step of steps) {
    if (!step.target) runCommands(step.body, readme);
    else if (/^ya?ml$/.test(step.lang)) mergeYaml(step.target, step.body);
    else addLines(step.target, step.body);
  }
}
