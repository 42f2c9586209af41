import { Segmented } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { chooseTextScale, useTextScale, type TextScale } from '../../../shared/ui/text-scale';

const OPTIONS = [
  { label: '标准', value: 'standard' },
  { label: '大字', value: 'large' },
];

/** 关怀模式: follows WeChat's font setting until the person picks a size here. */
export function TextScaleSwitch() {
  const scale = useTextScale();
  return (
    <View className="text-scale-switch">
      <Text className="text-scale-switch__label">字号（关怀模式）</Text>
      <Segmented options={OPTIONS} value={scale} onChange={(value) => chooseTextScale(value as TextScale)} />
    </View>
  );
}
