// TD SYNNEX client failures as the runner's failures: the shared mapper (../common/failure.ts). Its
// texts are already the seeds' (client/failures.ts), so no code is reworded here.

import { failureMapper } from '../common/failure.ts';
import type { TdSynnexFailure } from './client/failures.ts';

export { permanent } from '../common/failure.ts';
export { TDSYNNEX_MESSAGES } from './client/failures.ts';

export const { toPsaFailure, lift } = failureMapper<TdSynnexFailure>();
