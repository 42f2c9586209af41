import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { useAppServer } from '../../../../../test/support/app-server';
import { QuizHome } from './quiz-home';

const server = useAppServer();

beforeEach(() => server.signInResident());

afterEach(() => jest.restoreAllMocks());

test('the 答题 tab leads to the Civil Code’s full text', async () => {
  const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  render(<QuizHome />);
  await screen.findByLabelText('每日一练');
  expect(screen.getByText('按编、章阅读原文，按条号或词语查找')).toBeTruthy();
  fireEvent.click(screen.getByText('民法典全文'));
  expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/quiz/civil-code/index' });
});
