import { credentialRules, secretPlaceholder } from './credential-rules';
import type { K8sObject } from './manifests';
import { longestDeadlineMs, type ServiceFacts } from './service-facts';

/** Seconds kept on top of the preStop pause and the drain, for the shutdown hooks and a slow node. */
export const GRACE_MARGIN_SECONDS = 5;
/** Services scaled by a HorizontalPodAutoscaler (the one that takes outside traffic); the others run fixed replicas. */
export const AUTOSCALED_SERVICES = ['user-service'];
export const MIN_REPLICAS = 2;

export interface DeployInputs {
  dev: K8sObject[];
  prod: K8sObject[];
  services: ServiceFacts[];
  /** The README, which must name each Secret key production needs (or, for credentials, `credentialsRunbook`). */
  readme: string;
  /** deploy/CREDENTIALS.md: how to create and rotate each consumer/provider pair's Secret. */
  credentialsRunbook?: string;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- rendered YAML: the schema check has typed it already */
type Obj = K8sObject & Record<string, any>;

/** Every project rule broken by the rendered overlays, one line each naming the overlay, object and rule. */
export function deployViolations(inputs: DeployInputs): string[] {
  return (['dev', 'prod'] as const).flatMap((overlay) =>
    overlayViolations(inputs[overlay] as Obj[], inputs, overlay).map((line) => `${overlay}: ${line}`),
  );
}

function overlayViolations(objects: Obj[], inputs: DeployInputs, overlay: 'dev' | 'prod'): string[] {
  const deployments = objects.filter((o) => o.kind === 'Deployment');
  const lines: string[] = [];
  const loaded = [];
  for (const service of inputs.services) {
    const deployment = deployments.find((d) => d.metadata.name === service.name);
    if (!deployment) {
      lines.push(`${service.name}: no Deployment`);
      continue;
    }
    loaded.push({ deployment, service, config: loadOrUndefined(service, placeholderEnv(containersOf(deployment))) });
    lines.push(...podRules(deployment, service), ...scalingRules(deployment, objects), ...serviceRules(deployment, objects, service));
    lines.push(...networkRules(deployment, objects, deployments, service), ...configMapRules(deployment, objects));
  }
  lines.push(...credentialRules(loaded), ...secretRules(objects, deployments, inputs, overlay));
  return lines;
}

function loadOrUndefined(service: ServiceFacts, env: Record<string, string>): Record<string, unknown> | undefined {
  try {
    return service.load(env);
  } catch {
    return undefined; // serviceRules names the refusal
  }
}

const containersOf = (d: Obj): Obj[] => d.spec.template.spec.containers ?? [];
const initContainersOf = (d: Obj): Obj[] => d.spec.template.spec.initContainers ?? [];
const envOf = (d: Obj): Obj[] => [...containersOf(d), ...initContainersOf(d)].flatMap((c) => c.env ?? []);
const labelOf = (o: Obj | undefined): string | undefined => o?.podSelector?.matchLabels?.['app.kubernetes.io/name'];

function podRules(d: Obj, service: ServiceFacts): string[] {
  const name = service.name;
  const pod = d.spec.template.spec;
  const lines: string[] = [];
  if (pod.securityContext?.runAsNonRoot !== true) lines.push(`${name}: pod securityContext.runAsNonRoot is not true`);
  if (pod.securityContext?.seccompProfile?.type !== 'RuntimeDefault') lines.push(`${name}: pod seccompProfile is not RuntimeDefault`);
  for (const c of [...initContainersOf(d), ...containersOf(d)]) {
    const id = `${name}/${c.name}`;
    if (!c.resources?.limits?.cpu || !c.resources?.limits?.memory) lines.push(`${id}: no cpu and memory limits`);
    if (!c.resources?.requests?.cpu || !c.resources?.requests?.memory) lines.push(`${id}: no cpu and memory requests`);
    const sc = c.securityContext ?? {};
    if (sc.readOnlyRootFilesystem !== true) lines.push(`${id}: readOnlyRootFilesystem is not true`);
    if (sc.allowPrivilegeEscalation !== false) lines.push(`${id}: allowPrivilegeEscalation is not false`);
    if (!(sc.capabilities?.drop ?? []).includes('ALL')) lines.push(`${id}: capabilities do not drop ALL`);
  }
  const [main] = containersOf(d);
  if (main?.readinessProbe?.httpGet?.path !== '/health/ready') lines.push(`${name}: readinessProbe is not GET /health/ready`);
  if (main?.livenessProbe?.httpGet?.path !== '/health/live') lines.push(`${name}: livenessProbe is not GET /health/live`);
  const preStop: string[] = main?.lifecycle?.preStop?.exec?.command ?? [];
  const pause = preStop[0] === 'sleep' ? Number(preStop[1]) : NaN;
  if (!Number.isFinite(pause)) lines.push(`${name}: no preStop pause (exec sleep <seconds>)`);
  const drain = Math.ceil(longestDeadlineMs(loadOrUndefined(service, placeholderEnv(containersOf(d)))) / 1000);
  const needed = (Number.isFinite(pause) ? pause : 0) + drain + GRACE_MARGIN_SECONDS;
  if (!((pod.terminationGracePeriodSeconds ?? 30) >= needed)) {
    lines.push(`${name}: terminationGracePeriodSeconds ${pod.terminationGracePeriodSeconds} < preStop ${pause} s + drain ${drain} s + margin ${GRACE_MARGIN_SECONDS} s`);
  }
  if (service.usesDatabase) {
    const migrate = initContainersOf(d).find((c) => (c.args ?? []).includes('--migrate-only'));
    if (!migrate) lines.push(`${name}: no init container running --migrate-only`);
    else if (migrate.image !== main?.image) lines.push(`${name}: the migration runs another image (${migrate.image}) than the service (${main?.image})`);
    else {
      // The migration runs the service's own start-up, configuration check included, in production.
      try {
        service.load(placeholderEnv([migrate]));
      } catch (error) {
        lines.push(`${name}: the migration's environment is refused in production: ${(error as Error).message}`);
      }
    }
  }
  return lines;
}

function scalingRules(d: Obj, objects: Obj[]): string[] {
  const name = d.metadata.name;
  const hpa = objects.find((o) => o.kind === 'HorizontalPodAutoscaler' && o.spec.scaleTargetRef?.name === name);
  const lines: string[] = [];
  if (AUTOSCALED_SERVICES.includes(name)) {
    if (!hpa) lines.push(`${name}: no HorizontalPodAutoscaler`);
    else if (!(hpa.spec.minReplicas >= MIN_REPLICAS)) lines.push(`${name}: HorizontalPodAutoscaler minReplicas < ${MIN_REPLICAS}`);
    if (d.spec.replicas !== undefined) lines.push(`${name}: sets replicas although its HorizontalPodAutoscaler owns the count`);
  } else if (!(d.spec.replicas >= MIN_REPLICAS)) {
    lines.push(`${name}: replicas < ${MIN_REPLICAS}`);
  }
  const podLabels = d.spec.template.metadata.labels ?? {};
  const pdb = objects.find(
    (o) => o.kind === 'PodDisruptionBudget' && Object.entries(o.spec.selector?.matchLabels ?? {}).every(([k, v]) => podLabels[k] === v),
  );
  if (!pdb) lines.push(`${name}: no PodDisruptionBudget selects its pods`);
  return lines;
}

/** The container port, the Service and the environment agree with what the service's configuration reads. */
function serviceRules(d: Obj, objects: Obj[], service: ServiceFacts): string[] {
  const name = service.name;
  const lines: string[] = [];
  for (const variable of envOf(d).map((e) => e.name as string)) {
    if (!service.variables.has(variable)) lines.push(`${name}: sets ${variable}, which its configuration does not read`);
  }
  let port: number | undefined;
  try {
    port = service.load(placeholderEnv(containersOf(d))).port;
  } catch (error) {
    lines.push(`${name}: its configuration refuses the Deployment's environment: ${(error as Error).message}`);
  }
  const http = containersOf(d)[0]?.ports?.find((p: Obj) => p.name === 'http');
  if (http?.containerPort !== port) lines.push(`${name}: containerPort ${http?.containerPort} is not the port it listens on (${port})`);
  const svc = objects.find((o) => o.kind === 'Service' && o.metadata.name === name);
  const servicePort = svc?.spec.ports?.find((p: Obj) => p.targetPort === 'http' || p.targetPort === port);
  if (!servicePort) lines.push(`${name}: no Service forwards to its http port`);
  for (const [provider, providerPort] of providersOf(d)) {
    const providerService = objects.find((o) => o.kind === 'Service' && o.metadata.name === provider);
    if (!providerService?.spec.ports?.some((p: Obj) => p.port === providerPort)) {
      lines.push(`${name}: calls ${provider}:${providerPort}, which no Service of that name serves`);
    }
  }
  return lines;
}

/** `<provider>` → port, for each `http://<provider>:<port>` URL the Deployment's environment sets. */
function providersOf(d: Obj): Map<string, number> {
  const providers = new Map<string, number>();
  for (const e of envOf(d)) {
    const match = typeof e.value === 'string' ? /^https?:\/\/([a-z0-9-]+):(\d+)/.exec(e.value) : null;
    if (match) providers.set(match[1], Number(match[2]));
  }
  return providers;
}

function networkRules(d: Obj, objects: Obj[], deployments: Obj[], service: ServiceFacts): string[] {
  const name = service.name;
  const policy = objects.find((o) => o.kind === 'NetworkPolicy' && labelOf(o.spec) === name);
  if (!policy) return [`${name}: no NetworkPolicy selects its pods`];
  const lines: string[] = [];
  const types: string[] = policy.spec.policyTypes ?? [];
  if (!types.includes('Ingress') || !types.includes('Egress')) lines.push(`${name}: NetworkPolicy does not restrict both ingress and egress`);
  const port = containersOf(d)[0]?.ports?.find((p: Obj) => p.name === 'http')?.containerPort;
  const consumers = deployments.filter((c) => providersOf(c).has(name)).map((c) => c.metadata.name as string).sort();
  const ingress: Obj[] = policy.spec.ingress ?? [];
  const allowedFrom = ingress.flatMap((rule) => (rule.from ?? [{}]).map((peer: Obj) => labelOf(peer) ?? (peer.namespaceSelector ? 'namespace' : 'anyone')));
  const expected = consumers.length > 0 ? consumers : ['namespace']; // a service nobody in the cluster calls: its ingress controller
  if (JSON.stringify([...new Set(allowedFrom)].sort()) !== JSON.stringify(expected)) {
    lines.push(`${name}: ingress allowed from [${[...new Set(allowedFrom)].sort()}], its consumers are [${expected}]`);
  }
  for (const rule of ingress) {
    if (!(rule.ports ?? []).every((p: Obj) => p.port === port) || !rule.ports?.length) lines.push(`${name}: ingress not limited to port ${port}`);
  }
  const providers = providersOf(d);
  const collectorPort = collectorPortOf(d, objects);
  const reached = new Set<string>();
  let dns = false;
  for (const rule of (policy.spec.egress ?? []) as Obj[]) {
    const ports: number[] = (rule.ports ?? []).map((p: Obj) => p.port);
    for (const peer of (rule.to ?? [{}]) as Obj[]) {
      const target = labelOf(peer);
      if (peer.podSelector?.matchLabels?.['k8s-app'] === 'kube-dns' && ports.length > 0 && ports.every((p) => p === 53)) dns = true;
      else if (target && providers.has(target) && ports.length > 0 && ports.every((p) => p === providers.get(target))) reached.add(target);
      else if (peer.ipBlock && service.usesBroker && isBrokerRule(ports) && !peer.ipBlock.cidr.endsWith('/0')) reached.add('broker');
      else if (peer.ipBlock && collectorPort !== undefined && ports.length === 1 && ports[0] === collectorPort && !peer.ipBlock.cidr.endsWith('/0')) reached.add('collector');
      else if (peer.ipBlock && service.usesDatabase && ports.length === 1 && !peer.ipBlock.cidr.endsWith('/0')) reached.add('database');
      else lines.push(`${name}: egress to ${JSON.stringify(peer)} on [${ports}] is neither a provider, its database, its broker, its trace collector nor DNS`);
    }
  }
  if (!dns) lines.push(`${name}: egress does not allow DNS`);
  for (const provider of providers.keys()) if (!reached.has(provider)) lines.push(`${name}: egress does not allow its provider ${provider}`);
  if (service.usesDatabase && !reached.has('database')) lines.push(`${name}: egress does not allow its database`);
  if (service.usesBroker && !reached.has('broker')) lines.push(`${name}: egress does not allow its message broker (AMQP, port ${AMQP_PORTS.join(' or ')})`);
  if (collectorPort !== undefined && !reached.has('collector')) lines.push(`${name}: egress does not allow its trace collector (OTLP, port ${collectorPort})`);
  return lines;
}

/** OTLP over HTTP's port when an endpoint names none. */
const OTLP_HTTP_PORT = 4318;

/**
 * The trace collector's port when the Deployment exports spans over OTLP (`OTEL_TRACES_EXPORTER` includes `otlp`,
 * read from the ConfigMaps its container takes its environment from); `undefined` when it exports none.
 */
function collectorPortOf(d: Obj, objects: Obj[]): number | undefined {
  const data: Record<string, string> = Object.assign({}, ...envConfigMaps(d, objects).map(({ configMap }) => configMap?.data ?? {}));
  if (!(data['OTEL_TRACES_EXPORTER'] ?? '').split(',').map((e) => e.trim()).includes('otlp')) return undefined;
  const endpoint = data['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] ?? data['OTEL_EXPORTER_OTLP_ENDPOINT'];
  return endpoint && URL.canParse(endpoint) ? Number(new URL(endpoint).port || OTLP_HTTP_PORT) : OTLP_HTTP_PORT;
}

/** Each ConfigMap a container takes its environment from exists in the overlay. */
function configMapRules(d: Obj, objects: Obj[]): string[] {
  return envConfigMaps(d, objects)
    .filter(({ configMap }) => configMap === undefined)
    .map(({ name }) => `${d.metadata.name}: its environment's ConfigMap ${name} is not generated`);
}

/** The ConfigMaps the Deployment's containers take their environment from (`envFrom`), each as the overlay has it, if it does. */
function envConfigMaps(d: Obj, objects: Obj[]): { name: string; configMap: Obj | undefined }[] {
  return containersOf(d)
    .flatMap((c) => c.envFrom ?? [])
    .map((source: Obj) => source.configMapRef?.name as string | undefined)
    .filter((name): name is string => name !== undefined)
    .map((name) => ({ name, configMap: objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === name) }));
}

/** AMQP and AMQP over TLS: the ports a `RABBITMQ_URL` (amqp:// or amqps://) reaches by default. */
const AMQP_PORTS = [5672, 5671];
const isBrokerRule = (ports: number[]) => ports.length === 1 && AMQP_PORTS.includes(ports[0]);

/** Secret references: produced by the dev overlay, absent from prod (created by hand) and named in the README. */
function secretRules(objects: Obj[], deployments: Obj[], inputs: DeployInputs, overlay: 'dev' | 'prod'): string[] {
  const secrets = objects.filter((o) => o.kind === 'Secret');
  const lines: string[] = [];
  if (overlay === 'prod' && secrets.length > 0) lines.push(`commits Secret values (${secrets.map((s) => s.metadata.name)})`);
  for (const d of deployments) {
    for (const e of envOf(d)) {
      const ref = e.valueFrom?.secretKeyRef;
      if (!ref) continue;
      if (overlay === 'dev') {
        const secret = secrets.find((s) => s.metadata.name === ref.name);
        if (!secret || !(ref.key in { ...secret.data, ...secret.stringData })) lines.push(`${d.metadata.name}: Secret ${ref.name} key ${ref.key} is not generated`);
      } else if (![inputs.readme, inputs.credentialsRunbook ?? ''].some((doc) => readmeCreates(doc, ref.name, ref.key))) {
        lines.push(`${d.metadata.name}: neither the README nor deploy/CREDENTIALS.md shows how to create Secret ${ref.name} key ${ref.key}`);
      }
    }
  }
  return [...new Set(lines)];
}

function readmeCreates(readme: string, name: string, key: string): boolean {
  return readme.split('\n').some((line) => line.includes(`create secret generic ${name} `) && line.includes(`--from-literal=${key}=`));
}

/** A value of the right shape for each Secret key that holds a URL: the configuration checks the scheme. */
const PLACEHOLDER_URLS: Record<string, string> = {
  'database-url': 'postgres://placeholder@database:5432/placeholder',
  'rabbitmq-url': 'amqp://placeholder@broker:5672',
};

/**
 * The containers' environment as the image runs it (`NODE_ENV=production`), each Secret reference replaced by a value
 * of the right shape: a URL, or a `secretPlaceholder` that names the Secret and key.
 */
function placeholderEnv(containers: Obj[]): Record<string, string> {
  const secretValue = (ref: Obj | undefined) => PLACEHOLDER_URLS[ref?.key ?? ''] ?? secretPlaceholder(ref?.name ?? '', ref?.key ?? '');
  return {
    NODE_ENV: 'production',
    ...Object.fromEntries(containers.flatMap((c) => c.env ?? []).map((e: Obj) => [e.name, e.value ?? secretValue(e.valueFrom?.secretKeyRef)])),
  };
}
