import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { createSupervisor, issueBindingCode } from '../../../../server/features/identity/directory';
import { useAppServer } from '../../../../../test/support/app-server';
import { PageShell } from '../../../shared/ui/page-shell';
import { MeScreen } from './me-screen';

const server = useAppServer();

/** Types into the code field as a person would: Taro's H5 input upgrades to a native one asynchronously. */
async function typeCode(code: string) {
  let input: HTMLInputElement | null = null;
  for (let i = 0; i < 40 && !input; i += 1) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 25)));
    input = document.querySelector('taro-input-core[name="bindingCode"] input');
  }
  if (!input) throw new Error('the code field never became an input');
  await act(async () => {
    fireEvent.input(input, { target: { value: code } });
  });
}

async function newSupervisorCode(certificateNo: string) {
  const db = server.db();
  const supervisor = await createSupervisor(
    db,
    { name: '陈监督', certificateNo, termStart: '2020-01-01', termEnd: '2099-12-31' },
    new Date(),
  );
  return (await issueBindingCode(db, 'supervisor', supervisor.id, new Date())).code;
}

test('a browser visitor becomes a guest resident without filling anything in', async () => {
  render(<MeScreen />);
  const who = await screen.findByLabelText('我的身份');
  await screen.findByText('访客');
  expect(within(who).getByText('居民')).toBeTruthy();
  expect(Taro.getStorageSync('auth.resident')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(screen.getByText('个人信息保护说明')).toBeTruthy();
});

test('binding with the office’s code shows the certificate card', async () => {
  const code = await newSupervisorCode('UI-001');
  render(<MeScreen />);
  await screen.findByText('访客');
  await typeCode(`${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`);
  fireEvent.click(screen.getByText('绑定身份'));

  const card = await screen.findByLabelText('监督员聘书');
  expect(within(card).getByText('UI-001')).toBeTruthy();
  expect(within(card).getByText('在聘')).toBeTruthy();
  expect(within(screen.getByLabelText('我的身份')).getByText('行政执法监督员')).toBeTruthy();
});

test('a malformed code is explained at once; a wrong one with the server’s words', async () => {
  render(<MeScreen />);
  await screen.findByText('访客');
  await typeCode('ABC');
  fireEvent.click(screen.getByText('绑定身份'));
  expect((await screen.findByRole('alert')).textContent).toBe('绑定码应为 8 位字母或数字（不含 0、1、I、L、O）');

  await typeCode('ABCD2345');
  fireEvent.click(screen.getByText('绑定身份'));
  await screen.findByText('绑定码不正确，请核对后重新输入');
});

test('a sign-in the server no longer knows is replaced without the person noticing', async () => {
  Taro.setStorageSync('auth.resident', 'A'.repeat(43));
  render(<MeScreen />);
  await screen.findByText('访客');
  expect(Taro.getStorageSync('auth.resident')).not.toBe('A'.repeat(43));
});

test('the large-text switch changes every page shell at once', async () => {
  render(
    <PageShell>
      <MeScreen />
    </PageShell>,
  );
  const shell = document.querySelector('.page-shell');
  expect(shell?.className).toContain('page-shell--standard');
  await screen.findByText('大字');
  fireEvent.click(screen.getByText('大字'));
  expect(document.querySelector('.page-shell')?.className).toContain('page-shell--large');
  expect(Taro.getStorageSync('display.textScale')).toBe('large');
});

test('supervisors, and only they, find their enforcement-activity log here', async () => {
  render(<MeScreen />);
  await screen.findByText('访客');
  expect(screen.queryByText('执法活动记录')).toBeNull();
  cleanup();

  await server.api('POST', '/me/bind', Taro.getStorageSync('auth.resident'), { code: await newSupervisorCode('UI-002') });
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  render(<MeScreen />);
  fireEvent.click(await screen.findByText('执法活动记录'));
  expect(navigate).toHaveBeenCalledWith({ url: '/packages/supervision/activities/index' });
  navigate.mockRestore();
});
