// The Nx plugin entry (nx.json "plugins"): kept to the inference so that loading it costs no OpenAPI or git code.
export { createNodesV2 } from './plugin/deploy-targets';
