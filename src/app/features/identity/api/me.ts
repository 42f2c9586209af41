import { identityContract } from '@core/identity/contract';
import type { Me } from '@core/identity/schemas';
import { callAsResident } from '../../../shared/api/auth-session';

export function fetchMe(): Promise<Me> {
  return callAsResident(identityContract.me);
}

export function bindWithCode(code: string): Promise<Me> {
  return callAsResident(identityContract.bind, { body: { code } });
}
