// HaloPSA client failures as the runner's PsaFailure: the shared mapper (../common/failure.ts), with
// Halo's own texts throughout.

import type { HaloFailure } from './client/failures.ts';
import { failureMapper } from '../common/failure.ts';

export { permanent } from '../common/failure.ts';

export const { toPsaFailure, lift } = failureMapper<HaloFailure>();
