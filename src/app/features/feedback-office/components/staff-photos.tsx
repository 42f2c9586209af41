import Taro from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { loadStaffPhoto } from '../api/staff-photo';

type PhotoState = { id: string; src: string | null; failed: boolean };

/** The item's photos, fetched with the staff sign-in; a tap shows them full size. */
export function StaffPhotos({ photoIds }: { photoIds: readonly string[] }) {
  const [photos, setPhotos] = useState<PhotoState[]>(() => photoIds.map((id) => ({ id, src: null, failed: false })));
  // The ids, not the array's identity, decide what to fetch.
  const key = photoIds.join(',');

  useEffect(() => {
    let current = true;
    const releases: (() => void)[] = [];
    const ids = key ? key.split(',') : [];
    setPhotos(ids.map((id) => ({ id, src: null, failed: false })));
    ids.forEach((id, index) => {
      loadStaffPhoto(id)
        .then((loaded) => {
          if (!current) return loaded.release();
          releases.push(loaded.release);
          setPhotos((all) => all.map((p, i) => (i === index ? { ...p, src: loaded.src } : p)));
        })
        .catch(() => {
          if (current) setPhotos((all) => all.map((p, i) => (i === index ? { ...p, failed: true } : p)));
        });
    });
    return () => {
      current = false;
      releases.forEach((release) => release());
    };
  }, [key]);

  if (photoIds.length === 0) return null;
  const shown = photos.flatMap((p) => (p.src ? [p.src] : []));

  return (
    <View className="staff-photos" aria-label="照片">
      {photos.map((photo, index) => (
        <View key={photo.id} className="staff-photos__cell">
          {photo.src ? (
            <Image
              className="staff-photos__image"
              src={photo.src}
              mode="aspectFill"
              aria-label={`照片 ${index + 1}`}
              onClick={() => void Taro.previewImage({ urls: shown, current: photo.src! })}
            />
          ) : (
            <View className="staff-photos__placeholder">{photo.failed ? '照片没有加载出来' : '照片加载中…'}</View>
          )}
        </View>
      ))}
    </View>
  );
}
