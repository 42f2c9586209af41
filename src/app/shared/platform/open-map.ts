import Taro from '@tarojs/taro';

export interface MapPlace {
  name: string;
  address: string;
  /** GCJ-02, as WeChat and Amap expect. */
  latitude: number;
  longitude: number;
}

export function amapMarkerUrl(place: MapPlace): string {
  const position = `${place.longitude},${place.latitude}`;
  return `https://uri.amap.com/marker?position=${position}&name=${encodeURIComponent(place.name)}&coordinate=gaode&callnative=1`;
}

/** Shows the place on a map: WeChat's own map in the mini-program, Amap's page in a browser. */
export async function openMap(place: MapPlace): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    window.open(amapMarkerUrl(place), '_blank', 'noopener');
    return;
  }
  await Taro.openLocation({ ...place, scale: 16 });
}
