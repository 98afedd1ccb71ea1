// Every PSA the gateway can sync with, as the job runner drives them.

import { autotaskSpec } from './autotask/spec.ts';
import { connectwiseSpec } from './connectwise/spec.ts';
import { haloSpec } from './halopsa/spec.ts';
import type { ProviderRegistry } from './registry.ts';

export const PSA_PROVIDERS: ProviderRegistry = {
	autotask: autotaskSpec,
	connectwise: connectwiseSpec,
	halopsa: haloSpec
};
