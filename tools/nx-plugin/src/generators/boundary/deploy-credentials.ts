import { joinPathFragments, type Tree } from '@nx/devkit';
import { DEPLOY_BASE, edit, findLast, lastMatch, trimEnd } from '../service/deploy-entries';

/** What the manifests of a boundary are named by. */
export interface DeployPair {
  providerApp: string;
  consumerApp: string;
  /** `STOCK_LEVEL`: the provider's variables are `<P>_SERVICE_URL`, `<P>_SERVICE_TOKEN`, `<P>_SERVICE_TOKENS_<C>`. */
  providerConstant: string;
  /** Where the consumer reaches the provider inside the cluster: `http://<provider>:<port>[/<prefix>]`. */
  clusterUrl: string;
  providerPort: number;
  /** Whether the provider's configuration declares the consumer, and so reads its accepted set. */
  declared: boolean;
}

const DEV_OVERLAY = 'deploy/overlays/dev/kustomization.yaml';
const RUNBOOK = 'deploy/CREDENTIALS.md';

/**
 * Wires the boundary into deploy/ as the Fulfilment Service → Inventory Service pair is: one Secret `<consumer>-to-
 * <provider>` (keys `token` and `accepted`) generated in the dev overlay and created by a line of deploy/CREDENTIALS.md;
 * the consumer's container reads `<P>_SERVICE_URL` and `<P>_SERVICE_TOKEN` (key `token`), the provider's containers
 * (its migration's too) `<P>_SERVICE_TOKENS_<C>` (key `accepted`); each network policy lets the other side through.
 * Answers what it could not wire, for the user, or nothing in a workspace without deploy/.
 */
export function wireDeploy(tree: Tree, pair: DeployPair): string[] {
  if (!tree.exists(`${DEPLOY_BASE}/kustomization.yaml`)) return [];
  const folders = [pair.providerApp, pair.consumerApp].map((app) => joinPathFragments(DEPLOY_BASE, app));
  const missing = folders.filter((folder) => !tree.exists(`${folder}/deployment.yaml`) || !tree.exists(`${folder}/network-policy.yaml`));
  if (missing.length > 0) return [`deploy/: no ${missing.join(' or ')} with a deployment.yaml and a network-policy.yaml, so the boundary's Secret and policies are not wired there.`];
  const [provider, consumer] = folders;
  const P = `${pair.providerConstant}_SERVICE`;
  const secret = `${pair.consumerApp}-to-${pair.providerApp}`;
  const C = pair.consumerApp.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  if (pair.declared) {
    edit(tree, `${provider}/deployment.yaml`, (lines) => withEnv(lines, pair.providerApp, false, fromSecret(`${P}_TOKENS_${C}`, secret, 'accepted')));
  }
  edit(tree, `${consumer}/deployment.yaml`, (lines) =>
    withEnv(lines, pair.consumerApp, true, [`- name: ${P}_URL`, `  value: ${pair.clusterUrl}`, ...fromSecret(`${P}_TOKEN`, secret, 'token')]),
  );
  edit(tree, `${provider}/network-policy.yaml`, (lines) => withIngressFrom(lines, pair.consumerApp));
  edit(tree, `${consumer}/network-policy.yaml`, (lines) => withEgressTo(lines, pair.providerApp, pair.providerPort));
  edit(tree, DEV_OVERLAY, (lines) =>
    lines.includes(`  - name: ${secret}`)
      ? lines
      : [...trimEnd(lines), `  - name: ${secret}`, '    literals:', `      - token=dev-only-${secret}`, `      - accepted=dev-only-${secret}`, ''],
  );
  if (!tree.exists(RUNBOOK)) return [`No ${RUNBOOK}: create the Secret ${secret} (keys token and accepted) in production by hand.`];
  edit(tree, RUNBOOK, (lines) => {
    if (lines.some((line) => line.includes(`create secret generic ${secret} `))) return lines;
    // The commands creating the pairs, one a line (not the rotation's, quoted in its prose); the new one numbered next.
    const pairs = /^kubectl .*create secret generic \S+-to-\S+ --from-literal=token=/;
    const last = lastMatch(lines, pairs);
    const n = lines.filter((line) => pairs.test(line)).length + 1;
    const command = lines[last].replace(/generic \S+ .*$/, `generic ${secret} --from-literal=token="$T${n}" --from-literal=accepted="$T${n}"`);
    return [...lines.slice(0, last + 1), command, ...lines.slice(last + 1)];
  });
  return [];
}

/** An environment entry read from a Secret's key, as a list item of `env:`. */
function fromSecret(variable: string, name: string, key: string): string[] {
  return [`- name: ${variable}`, '  valueFrom:', '    secretKeyRef:', `      name: ${name}`, `      key: ${key}`];
}

const indentOf = (line: string) => /^ */.exec(line)?.[0].length ?? 0;

/** The end (exclusive) of the block opened at `start`: the next non-blank line indented no deeper than `indent`. */
function blockEnd(lines: string[], start: number, indent: number): number {
  for (let index = start + 1; index < lines.length; index++) if (lines[index].trim() !== '' && indentOf(lines[index]) <= indent) return index;
  return trimEnd(lines).length;
}

/**
 * `lines` of a Deployment with `entries` in the `env:` of each container running the app's image (its migration too),
 * or the main container's only (`mainOnly`, named after the app); an entry the container has already is kept once.
 */
function withEnv(lines: string[], app: string, mainOnly: boolean, entries: string[]): string[] {
  const out = [...lines];
  const items = out
    .map((line, index) => ({ index, match: /^( *)- name: (\S+)$/.exec(line) }))
    .filter(({ index, match }) => match !== null && (!mainOnly || match[2] === app) && imageOf(out, index, match[1].length) === `boundary/${app}`)
    .reverse();
  for (const { index, match } of items) {
    const indent = (match as RegExpExecArray)[1].length;
    const end = blockEnd(out, index, indent);
    const key = (name: string) => findLast(out.slice(index, end), (line) => line === `${' '.repeat(indent + 2)}${name}:`);
    const pad = (list: string[]) => list.map((line) => `${' '.repeat(indent + 4)}${line}`);
    const env = key('env');
    if (env >= 0) {
      const envEnd = blockEnd(out, index + env, indent + 2);
      if (!out.slice(index + env, envEnd).includes(pad([entries[0]])[0])) out.splice(envEnd, 0, ...pad(entries));
      continue;
    }
    const after = ['ports', 'args', 'image'].map(key).find((at) => at >= 0) ?? 0;
    const at = blockEnd(out, index + after, indent + 2);
    out.splice(at, 0, `${' '.repeat(indent + 2)}env:`, ...pad(entries));
  }
  return out;
}

/** The image of the list item at `index` (indented `indent`), if it is a container. */
function imageOf(lines: string[], index: number, indent: number): string | undefined {
  const item = lines.slice(index + 1, blockEnd(lines, index, indent));
  const image = item.find((line) => line.startsWith(`${' '.repeat(indent + 2)}image: `));
  return image?.trim().slice('image: '.length).replace(/:[^/]*$/, '');
}

const podPeer = (indent: number, app: string) =>
  [`- podSelector:`, '    matchLabels:', `      app.kubernetes.io/name: ${app}`].map((line) => `${' '.repeat(indent)}${line}`);

/**
 * A NetworkPolicy's first ingress rule letting the consumer's pods in: in place of the ingress controller a service
 * with no consumer in the cluster admits (as the service generator writes it), else beside the consumers it admits.
 */
function withIngressFrom(lines: string[], consumer: string): string[] {
  const ingress = lines.indexOf('  ingress:');
  const from = lines.indexOf('    - from:', ingress);
  if (ingress < 0 || from < 0) throw new Error(`deploy/: a NetworkPolicy has no "ingress: - from:" rule to admit ${consumer}.`);
  // The rule's peers, up to its `ports:`.
  const peers = lines.slice(from + 1, blockEnd(lines, from, 6));
  if (peers.some((line) => line.endsWith(`app.kubernetes.io/name: ${consumer}`))) return lines;
  const outsideWorld = peers.some((line) => line.trim().startsWith('- namespaceSelector:'));
  const first = from + 1;
  const last = first + peers.length;
  return [...lines.slice(0, outsideWorld ? first : last), ...podPeer(8, consumer), ...lines.slice(last)];
}

/** A NetworkPolicy's egress with a rule to the provider's pods on its port, after the rules it has. */
function withEgressTo(lines: string[], provider: string, port: number): string[] {
  const egress = lines.indexOf('  egress:');
  if (egress < 0) throw new Error(`deploy/: a NetworkPolicy has no "egress:" to let its pods reach ${provider}.`);
  const end = blockEnd(lines, egress, 2);
  if (lines.slice(egress, end).some((line) => line.endsWith(`app.kubernetes.io/name: ${provider}`))) return lines;
  const rule = ['    - to:', ...podPeer(8, provider), '      ports:', `        - { protocol: TCP, port: ${port} }`];
  return [...lines.slice(0, end), ...rule, ...lines.slice(end)];
}
