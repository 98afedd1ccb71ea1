// The PSAs Outpost syncs with, and how each is named on screen.

import { z } from 'zod';

export const PROVIDERS = ['autotask', 'connectwise', 'halopsa'] as const;
export const provider = z.enum(PROVIDERS);
export type Provider = z.infer<typeof provider>;

export const PROVIDER_LABELS: Record<Provider, string> = {
	autotask: 'Autotask',
	connectwise: 'ConnectWise PSA',
	halopsa: 'HaloPSA'
};
