import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deployViolations } from './deploy-rules';
import { renderOverlay, workspaceRoot, type K8sObject } from './manifests';
import { schemaViolations } from './schema-validation';
import { serviceFacts } from './service-facts';

/* eslint-disable @typescript-eslint/no-explicit-any -- the breakages reach into rendered YAML */
type Breakage = (objects: { dev: any[]; prod: any[]; readme: string; credentialsRunbook: string }) => void;

const rendered = { dev: renderOverlay('dev'), prod: renderOverlay('prod') };
const services = serviceFacts();
const readme = readFileSync(join(workspaceRoot, 'README.md'), 'utf8');
const credentialsRunbook = readFileSync(join(workspaceRoot, 'deploy/CREDENTIALS.md'), 'utf8');

const find = (objects: any[], kind: string, name: string) => objects.find((o) => o.kind === kind && o.metadata.name === name);
const pod = (objects: any[], name: string) => find(objects, 'Deployment', name).spec.template.spec;
const main = (objects: any[], name: string) => pod(objects, name).containers[0];

/** The violations of the overlays after `breakage` changed a copy of them. */
function violationsAfter(breakage: Breakage): string[] {
  const copy = structuredClone({ ...rendered, readme, credentialsRunbook }) as Parameters<Breakage>[0];
  breakage(copy);
  return deployViolations({ ...copy, services });
}

describe('deploy rules, each broken once', () => {
  it('hold on the committed overlays', () => {
    expect(deployViolations({ ...rendered, services, readme, credentialsRunbook })).toEqual([]);
  });

  it('the schema check catches a field of the wrong type', () => {
    const copy = structuredClone(rendered.dev) as any[];
    main(copy, 'order-service').ports[0].containerPort = '5001';
    expect(schemaViolations(copy as K8sObject[])).toEqual([expect.stringMatching(/Deployment\/order-service: .*containerPort must be integer/)]);
  });

  it.each<[string, Breakage, string]>([
    ['no readiness probe', ({ dev }) => delete main(dev, 'user-service').readinessProbe, 'dev: user-service: readinessProbe is not GET /health/ready'],
    ['liveness on another path', ({ prod }) => (main(prod, 'order-service').livenessProbe.httpGet.path = '/health/ready'), 'prod: order-service: livenessProbe is not GET /health/live'],
    ['no limits on the migration', ({ dev }) => delete pod(dev, 'order-service').initContainers[0].resources.limits, 'dev: order-service/migrate: no cpu and memory limits'],
    ['no requests', ({ dev }) => delete main(dev, 'user-service').resources.requests, 'dev: user-service/user-service: no cpu and memory requests'],
    ['root allowed', ({ dev }) => (pod(dev, 'inventory-service').securityContext.runAsNonRoot = false), 'dev: inventory-service: pod securityContext.runAsNonRoot is not true'],
    ['no seccomp profile', ({ prod }) => delete pod(prod, 'user-service').securityContext.seccompProfile, 'prod: user-service: pod seccompProfile is not RuntimeDefault'],
    ['a writable root', ({ dev }) => (main(dev, 'order-service').securityContext.readOnlyRootFilesystem = false), 'dev: order-service/order-service: readOnlyRootFilesystem is not true'],
    ['privilege escalation', ({ dev }) => (main(dev, 'order-service').securityContext.allowPrivilegeEscalation = true), 'dev: order-service/order-service: allowPrivilegeEscalation is not false'],
    ['capabilities kept', ({ dev }) => (pod(dev, 'order-service').initContainers[0].securityContext.capabilities.drop = []), 'dev: order-service/migrate: capabilities do not drop ALL'],
    ['a grace period shorter than pause + drain + margin', ({ dev }) => (pod(dev, 'user-service').terminationGracePeriodSeconds = 11), 'dev: user-service: terminationGracePeriodSeconds 11 < preStop 5 s + drain 2 s + margin 5 s'],
    ['no preStop pause', ({ dev }) => delete main(dev, 'inventory-service').lifecycle, 'dev: inventory-service: no preStop pause (exec sleep <seconds>)'],
    ['no migration', ({ prod }) => delete pod(prod, 'inventory-service').initContainers, 'prod: inventory-service: no init container running --migrate-only'],
    ['a migration from another image', ({ dev }) => (pod(dev, 'order-service').initContainers[0].image = 'postgres:16'), 'dev: order-service: the migration runs another image (postgres:16) than the service (boundary/order-service:dev)'],
    ['an HPA that may go below 2', ({ dev }) => (find(dev, 'HorizontalPodAutoscaler', 'user-service').spec.minReplicas = 1), 'dev: user-service: HorizontalPodAutoscaler minReplicas < 2'],
    ['one replica', ({ prod }) => (find(prod, 'Deployment', 'inventory-service').spec.replicas = 1), 'prod: inventory-service: replicas < 2'],
    ['no PodDisruptionBudget', ({ dev }) => dev.splice(dev.indexOf(find(dev, 'PodDisruptionBudget', 'order-service')), 1), 'dev: order-service: no PodDisruptionBudget selects its pods'],
    ['ingress from a service that is no consumer', ({ dev }) => find(dev, 'NetworkPolicy', 'inventory-service').spec.ingress[0].from.push({ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'user-service' } } }), 'dev: inventory-service: ingress allowed from [fulfilment-service,order-service,user-service], its consumers are [fulfilment-service,order-service]'],
    ['egress to anywhere', ({ prod }) => find(prod, 'NetworkPolicy', 'user-service').spec.egress.push({ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }] }), 'prod: user-service: egress to {"ipBlock":{"cidr":"0.0.0.0/0"}} on [] is neither a provider, its database, its broker, its trace collector nor DNS'],
    ['no DNS', ({ dev }) => find(dev, 'NetworkPolicy', 'order-service').spec.egress.shift(), 'dev: order-service: egress does not allow DNS'],
    ['a provider unreachable', ({ dev }) => (find(dev, 'NetworkPolicy', 'order-service').spec.egress = find(dev, 'NetworkPolicy', 'order-service').spec.egress.filter((rule: any) => rule.to[0].podSelector?.matchLabels?.['app.kubernetes.io/name'] !== 'inventory-service')), 'dev: order-service: egress does not allow its provider inventory-service'],
    ['egress only', ({ dev }) => (find(dev, 'NetworkPolicy', 'user-service').spec.policyTypes = ['Egress']), 'dev: user-service: NetworkPolicy does not restrict both ingress and egress'],
    ['a Secret key dev does not generate', ({ dev }) => (main(dev, 'user-service').env[1].valueFrom.secretKeyRef.key = 'api-token'), 'dev: user-service: Secret user-service-to-order-service-'],
    ['Secret values committed for prod', ({ prod }) => prod.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'order-service-secrets' }, data: {} }), 'prod: commits Secret values (order-service-secrets)'],
    ['a Secret key the README does not name', (o) => (o.readme = o.readme.replace(/(inventory-service-secrets.*?)--from-literal=database-url=/, '$1')), 'prod: inventory-service: neither the README nor deploy/CREDENTIALS.md shows how to create Secret inventory-service-secrets key database-url'],
    ['a variable the service does not read', ({ dev }) => main(dev, 'user-service').env.push({ name: 'ORDER_SERVICE_ADDRESS', value: 'x' }), 'dev: user-service: sets ORDER_SERVICE_ADDRESS, which its configuration does not read'],
    ['a port the service does not listen on', ({ prod }) => (main(prod, 'inventory-service').ports[0].containerPort = 8080), 'prod: inventory-service: containerPort 8080 is not the port it listens on (5002)'],
    ['a provider URL no Service answers', ({ dev }) => (main(dev, 'user-service').env[0].value = 'http://order-service:5000'), 'dev: user-service: calls order-service:5000, which no Service of that name serves'],
    ['a pair Secret the runbook does not create', (o) => (o.credentialsRunbook = o.credentialsRunbook.replace(/create secret generic fulfilment-service-to-inventory-service .*/, '')), 'prod: fulfilment-service: neither the README nor deploy/CREDENTIALS.md shows how to create Secret fulfilment-service-to-inventory-service key token'],
    ['a provider that accepts nothing from a consumer that calls it', ({ dev }) => (main(dev, 'inventory-service').env = main(dev, 'inventory-service').env.filter((e: any) => e.name !== 'INVENTORY_SERVICE_TOKENS_FULFILMENT_SERVICE')), 'dev: inventory-service: accepts no credential from its consumer fulfilment-service (Secret fulfilment-service-to-inventory-service key accepted)'],
    ['a consumer that sends another pair’s token', ({ prod }) => (main(prod, 'fulfilment-service').env[1].valueFrom.secretKeyRef.name = 'order-service-to-inventory-service'), 'prod: fulfilment-service: sends inventory-service the token of Secret order-service-to-inventory-service key token, not Secret fulfilment-service-to-inventory-service key token'],
    ['a consumer that sends no token', ({ dev }) => main(dev, 'user-service').env.pop(), 'dev: user-service: calls order-service without a credential (Secret user-service-to-order-service key token)'],
    ['an accepted set from another pair', ({ dev }) => (main(dev, 'order-service').env[1].valueFrom.secretKeyRef.name = 'order-service-to-inventory-service'), 'dev: order-service: accepts from user-service something else than Secret user-service-to-order-service key accepted'],
    ['a credential written in the manifest', ({ prod }) => (main(prod, 'order-service').env.find((e: any) => e.name === 'INVENTORY_SERVICE_TOKEN').valueFrom = undefined, main(prod, 'order-service').env.find((e: any) => e.name === 'INVENTORY_SERVICE_TOKEN').value = 'a-literal-token-0123456789'), 'prod: order-service: sets INVENTORY_SERVICE_TOKEN as a literal value; credentials come from Secrets'],
    ['a set accepted from a service that does not call it', ({ dev }) => (main(dev, 'fulfilment-service').env = main(dev, 'fulfilment-service').env.filter((e: any) => e.name !== 'INVENTORY_SERVICE_URL')), 'dev: inventory-service: accepts a credential from fulfilment-service, which does not call it'],
    ['a migration without the accepted sets production needs', ({ dev }) => (pod(dev, 'order-service').initContainers[0].env = pod(dev, 'order-service').initContainers[0].env.slice(0, 1)), 'dev: order-service: the migration\'s environment is refused in production: Invalid Order Service configuration: ORDER_SERVICE_TOKENS_USER_SERVICE: is required when NODE_ENV=production'],
    ['a trace collector unreachable', ({ prod }) => find(prod, 'NetworkPolicy', 'inventory-service').spec.egress.pop(), 'prod: inventory-service: egress does not allow its trace collector (OTLP, port 4318)'],
    ['a collector on another port than the endpoint says', ({ dev }) => (dev.find((o: any) => o.kind === 'ConfigMap').data.OTEL_EXPORTER_OTLP_ENDPOINT = 'http://10.96.100.30:4317'), 'dev: user-service: egress does not allow its trace collector (OTLP, port 4317)'],
    ['no tracing ConfigMap', ({ dev }) => dev.splice(dev.findIndex((o: any) => o.kind === 'ConfigMap'), 1), 'dev: order-service: its environment\'s ConfigMap tracing-'],
    ['a broker unreachable', ({ dev }) => find(dev, 'NetworkPolicy', 'fulfilment-service').spec.egress.splice(2, 1), 'dev: fulfilment-service: egress does not allow its message broker (AMQP, port 5672 or 5671)'],
    ['a broker on any address', ({ prod }) => (find(prod, 'NetworkPolicy', 'order-service').spec.egress[2].to[0].ipBlock.cidr = '0.0.0.0/0'), 'prod: order-service: egress does not allow its message broker'],
    ['a broker URL with its password in the manifest', ({ prod }) => (main(prod, 'order-service').env.find((e: any) => e.name === 'RABBITMQ_URL').valueFrom = undefined, main(prod, 'order-service').env.find((e: any) => e.name === 'RABBITMQ_URL').value = 'amqp://orders:hunter2-password@10.0.0.20:5672'), 'prod: order-service: sets RABBITMQ_URL as a URL with a password in the manifest; credentials come from Secrets'],
    ['a broker Secret key the README does not name', (o) => (o.readme = o.readme.replace(/(fulfilment-service-secrets.*?)--from-literal=rabbitmq-url=/, '$1')), 'prod: fulfilment-service: neither the README nor deploy/CREDENTIALS.md shows how to create Secret fulfilment-service-secrets key rabbitmq-url'],
    ['a migration without the broker production needs', ({ dev }) => (pod(dev, 'fulfilment-service').initContainers[0].env = pod(dev, 'fulfilment-service').initContainers[0].env.filter((e: any) => e.name !== 'RABBITMQ_URL')), "dev: fulfilment-service: the migration's environment is refused in production: Invalid Fulfilment Service configuration: RABBITMQ_URL: is required when NODE_ENV=production"],
  ])('catch %s', (_rule, breakage, expected) => {
    expect(violationsAfter(breakage)).toContainEqual(expect.stringContaining(expected));
  });
});
