import { Text, View } from '@tarojs/components';
import './charts.scss';

export interface LinePoint {
  key: string;
  /** Under the point, e.g. 3月. */
  label: string;
  /** A second line under the label where it helps, e.g. the year under 1月. */
  caption?: string;
  value: number;
}

/** The chart's height as a share of its width: the box keeps this shape on any screen. */
export const LINE_ASPECT = 0.5;
/** Points that fit across one screen with their numbers apart; a longer line grows wider and scrolls sideways. */
export const POINTS_ACROSS = 12;
/** Room around the plot, in percent of the box's width (left, right) and height (top, bottom): the top holds the numbers. */
export const LINE_INSETS = { left: 6, right: 6, top: 16, bottom: 6 } as const;

export interface LineGeometry {
  /** Centres of the dots: `x` in percent of the box's width, `y` of its height. */
  points: { x: number; y: number }[];
  /** From each dot to the next: where it starts (as the dot), its length in percent of the box's width, its angle in degrees. */
  segments: { x: number; y: number; length: number; angle: number }[];
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Where the dots and the segments between them go in a box `aspect` times as high as it is wide. A segment
 * is a thin view rotated about its left end: its length and angle are measured in one unit (the box's width),
 * which is why the height fractions are scaled by the aspect first.
 */
export function lineGeometry(values: readonly number[], aspect: number = LINE_ASPECT): LineGeometry {
  const { left, right, top, bottom } = LINE_INSETS;
  const max = Math.max(0, ...values);
  const across = 100 - left - right;
  const down = 100 - top - bottom;
  const points = values.map((value, index) => ({
    x: left + (values.length === 1 ? across / 2 : (across * index) / (values.length - 1)),
    y: top + (max > 0 ? down * (1 - value / max) : down),
  }));
  const segments = points.slice(1).map((end, index) => {
    const start = points[index];
    const dx = end.x - start.x;
    const dy = (end.y - start.y) * aspect;
    return {
      x: start.x,
      y: start.y,
      length: round2(Math.hypot(dx, dy)),
      angle: round2((Math.atan2(dy, dx) * 180) / Math.PI),
    };
  });
  return { points: points.map(({ x, y }) => ({ x: round2(x), y: round2(y) })), segments };
}

/**
 * A line through one value per point, drawn with views alone (dots, and segments rotated by their angle) in a
 * box of fixed shape, so it looks the same in the mini-program and in a browser. Each point's number is
 * written over it and its label under it; the whole series is also read out as words. More points than fit
 * across make the plot wider (and flatter in proportion, so its height stays), to scroll sideways.
 */
export function LineChart({ title, points, unit }: { title: string; points: readonly LinePoint[]; unit: string }) {
  const stretch = Math.max(1, points.length / POINTS_ACROSS);
  const aspect = LINE_ASPECT / stretch;
  const { points: dots, segments } = lineGeometry(
    points.map((point) => point.value),
    aspect,
  );
  const spoken = (point: LinePoint) => `${point.caption ?? ''}${point.label} ${point.value} ${unit}`;
  return (
    <View className="line-chart" aria-label={`${title}：${points.map(spoken).join('，')}`}>
      <View className="line-chart__title">{title}</View>
      <View className="line-chart__scroll">
        <View className="line-chart__plot" style={{ width: `${round2(stretch * 100)}%` }}>
          <View className="line-chart__box" style={{ paddingBottom: `${round2(aspect * 100)}%` }}>
            <View className="line-chart__baseline" style={{ top: `${100 - LINE_INSETS.bottom}%` }} />
            {segments.map((segment, index) => (
              <View
                key={points[index].key}
                className="line-chart__segment"
                style={{ left: `${segment.x}%`, top: `${segment.y}%`, width: `${segment.length}%`, transform: `rotate(${segment.angle}deg)` }}
              />
            ))}
            {dots.map((dot, index) => (
              <View key={points[index].key} className="line-chart__point" style={{ left: `${dot.x}%`, top: `${dot.y}%` }} aria-label={spoken(points[index])}>
                <View className="line-chart__dot" />
                <Text className="line-chart__value">{points[index].value}</Text>
              </View>
            ))}
          </View>
          <View className="line-chart__axis">
            {dots.map((dot, index) => (
              <View key={points[index].key} className="line-chart__label" style={{ left: `${dot.x}%` }}>
                <Text>{points[index].label}</Text>
                {points[index].caption && <Text className="line-chart__caption">{points[index].caption}</Text>}
              </View>
            ))}
          </View>
        </View>
      </View>
    </View>
  );
}
