// Every PSA the gateway can sync with, as the job runner drives them.

import { autotaskSpec } from '../connectors/autotask/spec.ts';
import { connectwiseSpec } from '../connectors/connectwise/spec.ts';
import { haloSpec } from '../connectors/halopsa/spec.ts';
import type { ProviderRegistry } from './registry.ts';

export const PSA_PROVIDERS: ProviderRegistry = {
	autotask: autotaskSpec,
	connectwise: connectwiseSpec,
	halopsa: haloSpec
};
