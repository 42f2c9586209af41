import { Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import './reports-office.scss';

/** One headline number with its unit and what it counts; read out as one phrase. */
export function Figure({ label, value, unit, alert = false }: { label: string; value: string | number; unit?: string; alert?: boolean }) {
  return (
    <View className={`figure${alert ? ' figure--alert' : ''}`} aria-label={label}>
      <Text className="figure__value">{value}</Text>
      {unit && <Text className="figure__unit">{unit}</Text>}
      <View className="figure__label">{label}</View>
    </View>
  );
}

export function Figures({ children }: PropsWithChildren) {
  return <View className="figures">{children}</View>;
}

export interface TableRow {
  key: string;
  /** The first cell names the row (and labels it for screen readers); the rest are its figures. */
  cells: readonly [string, ...(string | number)[]];
  /** Written small under the name: figures that would not fit as columns on a phone. */
  note?: string;
}

/** A few figures per named row: communities, grids, sessions, supervisors. */
export function FigureTable({ title, head, rows, empty }: { title: string; head: readonly string[]; rows: readonly TableRow[]; empty: string }) {
  return (
    <View className="figure-table" role="list" aria-label={title}>
      <View className="figure-table__title">{title}</View>
      {rows.length === 0 ? (
        <View className="reports-office__note">{empty}</View>
      ) : (
        <View className="figure-table__row figure-table__row--head">
          {head.map((cell) => (
            <View key={cell}>{cell}</View>
          ))}
        </View>
      )}
      {rows.map((row) => (
        <View key={row.key} className="figure-table__row" role="listitem" aria-label={row.cells[0]}>
          <View>
            {row.cells[0]}
            {row.note && <View className="figure-table__note">{row.note}</View>}
          </View>
          {row.cells.slice(1).map((cell, index) => (
            <View key={index}>{cell}</View>
          ))}
        </View>
      ))}
    </View>
  );
}
