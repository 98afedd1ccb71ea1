// What only sandbox mode runs, in one module gateway/main.ts imports on demand: the demo seed, the
// stand-in OpenID providers and the simulated PSAs (with their HTTP stacks) stay out of memory otherwise.

export { DEMO_ORG } from './demo/demo-data.ts';
export { seedDemo } from './demo/seed-demo.ts';
export { startMockOidcProvider } from './platform/mock-oidc-provider.ts';
export { connectSandboxPsas } from './psa/connect-sandbox.ts';
export { startPsaSandbox } from './connectors/sandbox.ts';
