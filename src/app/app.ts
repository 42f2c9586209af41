import './shared/api/zod-jitless';
import type { PropsWithChildren } from 'react';
import { useDidShow } from '@tarojs/taro';
import '@nutui/nutui-react-taro/dist/styles/themes/default.css';
import { feedbackOutbox } from './features/feedback/pending-submissions';
import './app.scss';

function App({ children }: PropsWithChildren) {
  // Whenever the app is opened again, feedback still waiting on the phone gets another try.
  useDidShow(() => void feedbackOutbox.sendWaiting());
  return children;
}

export default App;
