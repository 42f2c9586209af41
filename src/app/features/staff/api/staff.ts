import { identityContract } from '@core/identity/contract';
import { callApi } from '../../../shared/api/api-client';
import { callAsStaff, forgetToken, storeToken } from '../../../shared/api/auth-session';

export async function signInStaff(username: string, password: string) {
  const signedIn = await callApi(identityContract.signInStaff, { body: { username, password } });
  storeToken('staff', signedIn.token);
  return signedIn.me;
}

export async function signOutStaff() {
  await callAsStaff(identityContract.signOut).catch(() => undefined);
  forgetToken('staff');
}

export const staffApi = {
  changePassword: (currentPassword: string, newPassword: string) =>
    callAsStaff(identityContract.changePassword, { body: { currentPassword, newPassword } }),
  listGrids: () => callAsStaff(identityContract.listGrids),
  listSupervisors: () => callAsStaff(identityContract.listSupervisors),
  createSupervisor: (body: { name: string; certificateNo: string; termStart: string; termEnd: string }) =>
    callAsStaff(identityContract.createSupervisor, { body }),
  issueSupervisorCode: (id: string) => callAsStaff(identityContract.issueSupervisorCode, { params: { id } }),
  revokeSupervisor: (id: string) => callAsStaff(identityContract.revokeSupervisor, { params: { id } }),
  listGridWorkers: () => callAsStaff(identityContract.listGridWorkers),
  createGridWorker: (body: { name: string; gridId: string }) => callAsStaff(identityContract.createGridWorker, { body }),
  issueGridWorkerCode: (id: string) => callAsStaff(identityContract.issueGridWorkerCode, { params: { id } }),
  revokeGridWorker: (id: string) => callAsStaff(identityContract.revokeGridWorker, { params: { id } }),
};
