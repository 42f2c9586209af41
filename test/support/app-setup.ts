import React from 'react';
import ReactDOM from 'react-dom';
import { createH5NativeComponentConfig } from '@tarojs/plugin-framework-react/dist/runtime';
import '../../src/app/shared/api/zod-jitless';

// Taro's React hooks find React through this call, as the H5 build makes it at start-up.
createH5NativeComponentConfig(() => null, React, ReactDOM);
