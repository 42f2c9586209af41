import { Text, View } from '@tarojs/components';
import './charts.scss';

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** A second figure written after the value, e.g. 受众 120 人次. */
  detail?: string;
}

/** A bar's length as a percentage of the longest (one decimal); nothing to compare against gives 0. */
export function barPercent(value: number, max: number): number {
  if (max <= 0 || value <= 0) return 0;
  return Math.round((Math.min(value, max) / max) * 1000) / 10;
}

const describe = (bar: Bar, unit: string) => `${bar.label} ${bar.value} ${unit}${bar.detail ? `，${bar.detail}` : ''}`;

/**
 * Horizontal bars drawn with views alone (no canvas, no SVG), so they look the same in the mini-program and
 * in a browser; every bar has its number written beside it and read out with its label.
 */
export function BarChart({ title, bars, unit }: { title: string; bars: readonly Bar[]; unit: string }) {
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  return (
    <View className="bar-chart" role="list" aria-label={title}>
      <View className="bar-chart__title">{title}</View>
      {bars.length === 0 && <View className="bar-chart__empty">暂无数据</View>}
      {bars.map((bar) => (
        <View key={bar.key} className="bar-chart__row" role="listitem" aria-label={describe(bar, unit)}>
          <Text className="bar-chart__label">{bar.label}</Text>
          <View className="bar-chart__track">
            <View className={`bar-chart__bar${bar.value > 0 ? ' bar-chart__bar--some' : ''}`} style={{ width: `${barPercent(bar.value, max)}%` }} />
          </View>
          <Text className="bar-chart__value">
            {bar.value} {unit}
            {bar.detail && <Text className="bar-chart__detail">{bar.detail}</Text>}
          </Text>
        </View>
      ))}
    </View>
  );
}
